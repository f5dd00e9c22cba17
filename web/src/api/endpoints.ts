/**
 * Every server path the web UI calls, in one place.
 *
 * The API is served by `silkway serve` (crates/server), which the
 * browser tests start too. The Rust side holds the same strings in
 * `silkway_webui::api_paths`, and a test in crates/webui checks that the
 * two lists agree: change both together.
 */
export const ENDPOINTS = {
  /** The scenario's map layers, GeoJSON FeatureCollection (silkway_model `Scenario::to_geojson`). */
  scenarioGeojson: "/api/scenario/geojson",
  /** The Azerbaijan–Iran land boundary used by the border screening, GeoJSON Feature (MultiLineString). */
  borderAzIrGeojson: "/api/spectrum/borders/az-ir",
  /** The caller's identity and role for the bearer token sent: `{ "role": "viewer" | "engineer" | "admin", ... }`. */
  whoami: "/api/me",
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
