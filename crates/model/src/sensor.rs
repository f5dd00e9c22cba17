//! Earth-observation imaging sensors.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An optical imaging instrument and the agility of its platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sensor {
    /// Unique id within the scenario's sensors.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Swath at nadir, km.
    pub swath_km: f64,
    /// Standard maximum roll (off-nadir) angle, degrees (0..90).
    pub roll_max_deg: f64,
    /// Extended roll limit, degrees, when the platform allows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll_extended_deg: Option<f64>,
    /// Maximum pitch angle, degrees, for stereo along-track.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pitch_max_deg: Option<f64>,
    /// Slew rate, degrees per second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slew_rate_deg_s: Option<f64>,
    /// Settle time after a slew, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settle_s: Option<f64>,
    /// Panchromatic ground sample distance at nadir, metres.
    pub pan_resolution_m: f64,
    /// Multispectral ground sample distance at nadir, metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms_resolution_m: Option<f64>,
    /// Maximum incidence angle at the target (angle between the local
    /// vertical and the line of sight to the satellite), degrees (0..90).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_incidence_deg: Option<f64>,
    /// Minimum sun elevation for acquisition, degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sun_elevation_deg: Option<f64>,
    /// On-board memory, Gbit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_gbit: Option<f64>,
    /// Rate at which imaging fills the on-board memory (after compression),
    /// Mbit/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imaging_rate_mbps: Option<f64>,
    /// Downlink rate, Mbit/s (a parameter where not public).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downlink_mbps: Option<f64>,
    /// Downlink carrier frequency, GHz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downlink_freq_ghz: Option<f64>,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
