//! The mean element set (TLE / OMM) shared by every ingest format.

use crate::time::UtcTime;

/// One SGP4 mean element set, as read from a TLE or an OMM.
///
/// # Units
/// Angles in degrees, mean motion in revolutions per day (Kozai, as in the
/// TLE), B* in inverse Earth radii.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ElementSet {
    /// Satellite name (the TLE title line or OMM `OBJECT_NAME`, trimmed);
    /// `NORAD <id>` when the input has none.
    pub name: String,
    /// NORAD catalog number (Alpha-5 decoded; OMM may exceed 339,999).
    pub norad_id: u32,
    /// International designator as written (e.g. `98067A` or `1998-067A`).
    pub international_designator: String,
    /// Classification letter (`U`, `C`, `S`).
    pub classification: char,
    /// Epoch (UTC).
    pub epoch: UtcTime,
    /// First derivative of mean motion / 2, rev/day² (not used by SGP4).
    pub mean_motion_dot: f64,
    /// Second derivative of mean motion / 6, rev/day³ (not used by SGP4).
    pub mean_motion_ddot: f64,
    /// B* drag term, 1/Earth radii.
    pub bstar: f64,
    /// Ephemeris type (0 for SGP4 element sets).
    pub ephemeris_type: u8,
    /// Element set number.
    pub element_set_number: u32,
    /// Inclination, degrees.
    pub inclination_deg: f64,
    /// Right ascension of the ascending node, degrees.
    pub raan_deg: f64,
    /// Eccentricity (unitless).
    pub eccentricity: f64,
    /// Argument of perigee, degrees.
    pub arg_perigee_deg: f64,
    /// Mean anomaly, degrees.
    pub mean_anomaly_deg: f64,
    /// Kozai mean motion, revolutions per day.
    pub mean_motion_rev_per_day: f64,
    /// Revolution number at epoch.
    pub rev_number: u32,
}

impl ElementSet {
    /// Orbital period from the mean motion, seconds.
    pub fn period_s(&self) -> f64 {
        86_400.0 / self.mean_motion_rev_per_day
    }

    /// True for SGP4's deep-space branch (period ≥ 225 min; Hoots & Roehrich 1980).
    pub fn is_deep_space(&self) -> bool {
        self.period_s() >= 225.0 * 60.0
    }
}
