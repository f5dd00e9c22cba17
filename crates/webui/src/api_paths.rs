//! The API paths the web UI calls, as the UI's `web/src/api/endpoints.ts`
//! spells them (a test checks the two agree). The server mounts its
//! handlers at these paths (crates/server/src/routes).

/// The scenario's map layers: GeoJSON FeatureCollection of
/// `silkway_model::Scenario::to_geojson` (`application/geo+json`).
pub const SCENARIO_GEOJSON: &str = "/api/scenario/geojson";

/// The Azerbaijan–Iran land boundary of the spectrum crate's border
/// screening (`silkway_spectrum::border::Border::azerbaijan_iran`), a
/// GeoJSON Feature with a MultiLineString geometry.
pub const BORDER_AZ_IR_GEOJSON: &str = "/api/spectrum/borders/az-ir";

/// The caller of a bearer token: JSON object with at least
/// `"role": "viewer" | "engineer" | "admin"` (optionally `user`,
/// `organization`); 401 problem+json for a missing or unknown token.
pub const WHOAMI: &str = "/api/me";

/// Every path above with the name `endpoints.ts` gives it.
pub const ALL: &[(&str, &str)] = &[
    ("scenarioGeojson", SCENARIO_GEOJSON),
    ("borderAzIrGeojson", BORDER_AZ_IR_GEOJSON),
    ("whoami", WHOAMI),
];
