//! Frequency assignments of the register.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Polarization of an emission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarization {
    /// Linear horizontal.
    Horizontal,
    /// Linear vertical.
    Vertical,
    /// Right-hand circular.
    Rhcp,
    /// Left-hand circular.
    Lhcp,
}

/// Whether the station transmits or receives on the assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The station emits.
    Transmit,
    /// The station receives (a potential victim).
    Receive,
}

/// A frequency assignment to a station, notified by an administration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// Unique id within the scenario's assignments.
    pub id: String,
    /// The station (id in `stations`).
    pub station: String,
    /// The station's antenna used (id among that station's `antennas`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antenna: Option<String>,
    /// Notifying administration (id in `organizations`, kind `administration`).
    pub administration: String,
    /// Radio service (`FSS`, `FS`, `BSS`...).
    pub service: String,
    /// Transmit or receive.
    pub direction: Direction,
    /// Centre frequency, MHz (ITU-R RR Art. 5 range: 0.0083 MHz .. 3 000 000 MHz).
    pub freq_mhz: f64,
    /// Necessary bandwidth, kHz (> 0).
    pub bandwidth_khz: f64,
    /// EIRP toward the main beam, dBW (transmit assignments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eirp_dbw: Option<f64>,
    /// Receiver noise temperature, K (receive assignments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noise_temp_k: Option<f64>,
    /// Antenna azimuth, degrees from north (fixed links, earth stations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azimuth_deg: Option<f64>,
    /// Antenna elevation, degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevation_deg: Option<f64>,
    /// Polarization.
    pub polarization: Polarization,
    /// Where the figures come from, or "illustrative".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
