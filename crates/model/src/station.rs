//! Ground facilities: teleports, ground stations, earth stations, VSATs
//! and terrestrial radio stations, with their antennas.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geo::GeoPoint;

/// What a station is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StationKind {
    /// Commercial teleport (uplink, hub, data dissemination).
    Teleport,
    /// Satellite control or EO receiving ground station.
    GroundStation,
    /// Earth station in the ITU sense (FSS gateway, coordinated site).
    EarthStation,
    /// Customer terminal (very small aperture terminal).
    Vsat,
    /// Terrestrial radio station (fixed link, broadcast).
    Terrestrial,
}

/// An antenna, described either by its aperture or by its gain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Antenna {
    /// Unique id within its station.
    pub id: String,
    /// Reflector diameter, metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diameter_m: Option<f64>,
    /// Aperture efficiency (0..1], used with `diameter_m`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<f64>,
    /// Boresight gain, dBi; when given it overrides diameter × efficiency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gain_dbi: Option<f64>,
}

/// A ground facility at a fixed position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Station {
    /// Unique id within the scenario's stations.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the station is for.
    pub kind: StationKind,
    /// Owning organization (id in `organizations`).
    pub operator: String,
    /// Position (WGS84).
    pub position: GeoPoint,
    /// True when the position is approximate (city centre, public reports).
    #[serde(default)]
    pub approximate: bool,
    /// Minimum elevation for contacts, degrees (0..90).
    #[serde(default = "default_mask_deg")]
    pub elevation_mask_deg: f64,
    /// Antennas at the site.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub antennas: Vec<Antenna>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn default_mask_deg() -> f64 {
    5.0
}
