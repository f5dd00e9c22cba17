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

// web-a: the analyses the pass timeline, link budget, corridor what-if and
// map layers call (POST with a token; crates/analyses, docs/api-analyses.md).

/// Passes of satellites over stations.
pub const ORBIT_PASSES: &str = "/api/analyses/orbit/passes";
/// Sub-satellite ground tracks (GeoJSON).
pub const ORBIT_GROUND_TRACKS: &str = "/api/analyses/orbit/ground-tracks";
/// The report of a link budget (a link file as JSON).
pub const LINK_BUDGET: &str = "/api/analyses/link/budget";
/// P.618 attenuation isobands toward a GEO slot (GeoJSON).
pub const LINK_MAP: &str = "/api/analyses/link/map";
/// Cut links and re-route the demands.
pub const NET_WHAT_IF: &str = "/api/analyses/net/what-if";
/// The scenario's satellites with their element sets (paged list).
pub const SATELLITES: &str = "/api/satellites";
/// Stored link budget definitions (list: anyone; create: engineer).
pub const LINK_DEFINITIONS: &str = "/api/link-definitions";

// The spectrum, catalog and tasking panels.

/// Frequency assignments (paged list).
pub const ASSIGNMENTS: &str = "/api/assignments";
/// Border screening of every transmitter (POST with a token).
pub const SPECTRUM_BORDER: &str = "/api/analyses/spectrum/border";
/// Coordination requests (list visible to the caller; POST creates one).
pub const COORDINATION: &str = "/api/coordination";
/// STAC collections.
pub const STAC_COLLECTIONS: &str = "/stac/collections";
/// Items of the catalog's planned collection.
pub const STAC_PLANNED_ITEMS: &str = "/stac/collections/planned/items";
/// STAC item search.
pub const STAC_SEARCH: &str = "/stac/search";
/// STAPI tasking products.
pub const STAPI_PRODUCTS: &str = "/stapi/products";
/// STAPI orders of the caller's organization.
pub const STAPI_ORDERS: &str = "/stapi/orders";

/// Every path above with the name `endpoints.ts` gives it.
pub const ALL: &[(&str, &str)] = &[
    ("scenarioGeojson", SCENARIO_GEOJSON),
    ("borderAzIrGeojson", BORDER_AZ_IR_GEOJSON),
    ("whoami", WHOAMI),
    // web-a
    ("orbitPasses", ORBIT_PASSES),
    ("orbitGroundTracks", ORBIT_GROUND_TRACKS),
    ("linkBudget", LINK_BUDGET),
    ("linkMap", LINK_MAP),
    ("netWhatIf", NET_WHAT_IF),
    ("satellites", SATELLITES),
    ("linkDefinitions", LINK_DEFINITIONS),
    ("assignments", ASSIGNMENTS),
    ("spectrumBorder", SPECTRUM_BORDER),
    ("coordination", COORDINATION),
    ("stacCollections", STAC_COLLECTIONS),
    ("stacPlannedItems", STAC_PLANNED_ITEMS),
    ("stacSearch", STAC_SEARCH),
    ("stapiProducts", STAPI_PRODUCTS),
    ("stapiOrders", STAPI_ORDERS),
];
