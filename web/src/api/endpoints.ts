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
  // web-a: analyses the pass timeline, link budget, corridor what-if and map layers call (POST, token).
  /** Passes of satellites over stations (AOS/TCA/LOS, max elevation). */
  orbitPasses: "/api/analyses/orbit/passes",
  /** Sub-satellite tracks, GeoJSON MultiLineStrings split at the antimeridian. */
  orbitGroundTracks: "/api/analyses/orbit/ground-tracks",
  /** The LinkReport of a link file (JSON form of crates/link/README.md). */
  linkBudget: "/api/analyses/link/budget",
  /** P.618 attenuation toward a GEO slot over a grid, GeoJSON isobands. */
  linkMap: "/api/analyses/link/map",
  /** Cut links and re-route the demands. */
  netWhatIf: "/api/analyses/net/what-if",
  /** The scenario's satellites with their element sets (paged list). */
  satellites: "/api/satellites",
  /** Stored link budget definitions: GET (list, anyone), POST (engineer). */
  linkDefinitions: "/api/link-definitions",
  // spectrum, catalog and tasking panels.
  /** Frequency assignments (paged list). */
  assignments: "/api/assignments",
  /** Border screening of every transmitter against the AZ–IR trigger (POST, token). */
  spectrumBorder: "/api/analyses/spectrum/border",
  /** Coordination requests the caller's administration is party to; POST creates one. */
  coordination: "/api/coordination",
  /** STAC collections. */
  stacCollections: "/stac/collections",
  /** Items of the catalog's planned collection (scheduled acquisitions). */
  stacPlannedItems: "/stac/collections/planned/items",
  /** STAC item search (POST, open). */
  stacSearch: "/stac/search",
  /** STAPI tasking products (one per imaging satellite). */
  stapiProducts: "/stapi/products",
  /** STAPI orders of the caller's organization. */
  stapiOrders: "/stapi/orders",
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
