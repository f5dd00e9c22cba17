//! Satellites, their orbit class and element sets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Broad orbit regime; decides which fields are required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrbitClass {
    /// Geostationary: needs `geo_longitude_deg`.
    Geo,
    /// Low Earth orbit.
    Leo,
    /// Medium Earth orbit.
    Meo,
    /// Highly elliptical orbit (Molniya, tundra).
    Heo,
}

/// Operational status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SatelliteStatus {
    /// In service.
    Active,
    /// Contact lost (SPOT 7 since 2023).
    Lost,
    /// Ordered or planned, not launched.
    Planned,
    /// Retired or deorbited.
    Retired,
}

/// A two-line element set as published (CelesTrak, Space-Track).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementSet {
    /// TLE line 1 (69 characters).
    pub line1: String,
    /// TLE line 2 (69 characters).
    pub line2: String,
    /// Where the element set was obtained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A satellite the scenario's organizations operate or use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Satellite {
    /// Unique id within the scenario's satellites.
    pub id: String,
    /// Catalog name (CelesTrak's title line).
    pub name: String,
    /// NORAD catalog number (1..=999 999 999; Alpha-5 and OMM numbers allowed).
    pub norad_id: u32,
    /// Orbit regime.
    pub orbit: OrbitClass,
    /// Nominal GEO slot, degrees east (−180..180); required for `geo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_longitude_deg: Option<f64>,
    /// Operating organization (id in `organizations`).
    pub operator: String,
    /// Operational status.
    pub status: SatelliteStatus,
    /// Free-text reference to the payload description (transponder plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Imaging sensor carried (id in `sensors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensor: Option<String>,
    /// Latest element set, when the scenario carries one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tle: Option<ElementSet>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
