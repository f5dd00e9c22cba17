//! The transit network: nodes (cities, landing stations, PoPs) and the
//! links between them (terrestrial and submarine fiber, satellite hops).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a network node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A city point of presence.
    City,
    /// A submarine cable landing station.
    LandingStation,
    /// An internet exchange or carrier hotel.
    Exchange,
    /// A teleport connecting satellite links to the fiber network.
    Teleport,
    /// A border crossing point of a terrestrial route.
    Border,
}

/// A point of the transit network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Unique id within the scenario's nodes.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the node is.
    pub kind: NodeKind,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Latitude, degrees north (−90..90).
    pub lat_deg: f64,
    /// Longitude, degrees east (−180..180).
    pub lon_deg: f64,
    /// True when the position is approximate.
    #[serde(default)]
    pub approximate: bool,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The medium of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Buried or aerial fiber on land.
    TerrestrialFiber,
    /// Submarine (or lake-bed) fiber cable.
    SubmarineFiber,
    /// A satellite hop; needs `satellite`.
    Satellite,
}

/// Whether the link carries traffic today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkStatus {
    /// Under construction or announced.
    Planned,
    /// In service.
    Active,
}

/// Main or reserve route of a protected pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkRole {
    /// The working route.
    Main,
    /// The protection route.
    Reserve,
    /// A backup over another medium (satellite).
    Backup,
}

/// A link between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Unique id within the scenario's links.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Medium.
    pub kind: LinkKind,
    /// One end (id in `nodes`).
    pub a: String,
    /// The other end (id in `nodes`).
    pub b: String,
    /// Declared route length, km (cable length when published); when absent
    /// the great-circle distance between the ends is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length_km: Option<f64>,
    /// Route geometry as `[lon_deg, lat_deg]` points, ends included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<[f64; 2]>,
    /// Lit or design capacity, Gbit/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_gbps: Option<f64>,
    /// In service or planned.
    pub status: LinkStatus,
    /// Role in a protected pair, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<LinkRole>,
    /// Shared-risk link groups (a landing station, a trench, a satellite).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub srlg: Vec<String>,
    /// Owning organization(s) (ids in `organizations`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    /// The satellite carrying a `satellite` link (id in `satellites`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satellite: Option<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
