//! The imaging sensor and platform agility the planner and the access
//! computation use, resolved from a scenario [`silkway_model::Sensor`].

use serde::Serialize;
use silkway_model::Sensor;

use crate::error::Error;

/// An imager with its platform's agility, downlink and memory.
///
/// # Units
/// Degrees, seconds, kilometres, Gbit and Mbit/s as named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Imager {
    /// Sensor id in the scenario.
    pub id: String,
    /// Swath at nadir, km.
    pub swath_km: f64,
    /// Standard roll limit, degrees.
    pub roll_max_deg: f64,
    /// Extended roll limit, degrees (the standard one when none is given).
    pub roll_extended_deg: f64,
    /// Pitch limit, degrees (0: no along-track agility).
    pub pitch_max_deg: f64,
    /// Slew rate, degrees per second (`None`: not agile, cannot be planned).
    pub slew_rate_deg_s: Option<f64>,
    /// Settle time after each slew, s.
    pub settle_s: f64,
    /// Minimum sun elevation at the target, degrees.
    pub min_sun_elevation_deg: f64,
    /// Maximum incidence at the target, degrees.
    pub max_incidence_deg: f64,
    /// On-board memory, Gbit.
    pub memory_gbit: Option<f64>,
    /// Memory fill rate while imaging, Mbit/s.
    pub imaging_rate_mbps: Option<f64>,
    /// Downlink rate, Mbit/s.
    pub downlink_mbps: Option<f64>,
}

impl Imager {
    /// Resolve a scenario sensor; absent limits become permissive
    /// (no sun or incidence limit) and absent agility becomes none.
    pub fn from_sensor(s: &Sensor) -> Self {
        Self {
            id: s.id.clone(),
            swath_km: s.swath_km,
            roll_max_deg: s.roll_max_deg,
            roll_extended_deg: s.roll_extended_deg.unwrap_or(s.roll_max_deg),
            pitch_max_deg: s.pitch_max_deg.unwrap_or(0.0),
            slew_rate_deg_s: s.slew_rate_deg_s,
            settle_s: s.settle_s.unwrap_or(0.0),
            min_sun_elevation_deg: s.min_sun_elevation_deg.unwrap_or(-90.0),
            max_incidence_deg: s.max_incidence_deg.unwrap_or(90.0),
            memory_gbit: s.memory_gbit,
            imaging_rate_mbps: s.imaging_rate_mbps,
            downlink_mbps: s.downlink_mbps,
        }
    }

    /// Roll limit in use, degrees.
    pub fn roll_limit_deg(&self, extended: bool) -> f64 {
        if extended {
            self.roll_extended_deg
        } else {
            self.roll_max_deg
        }
    }

    /// Time to re-point between two attitudes (roll, pitch in degrees):
    /// both axes slew together at the slew rate, then the platform settles:
    /// max(|Δroll|, |Δpitch|) / rate + settle. The same rule as the SPOT5
    /// and ROADEF 2003 transition models (linear in the angle, plus a
    /// constant), with the figure "30° in 14 s" read as a mean rate.
    pub fn transition_s(&self, from: (f64, f64), to: (f64, f64)) -> f64 {
        let angle = (from.0 - to.0).abs().max((from.1 - to.1).abs());
        match self.slew_rate_deg_s {
            Some(rate) => angle / rate + self.settle_s,
            None if angle < 1e-9 => 0.0,
            None => f64::INFINITY,
        }
    }

    /// The planning figures, or an error naming the missing field.
    ///
    /// # Errors
    /// [`Error::Config`] when memory, imaging rate, downlink rate or slew
    /// rate is missing.
    pub fn planning(&self) -> Result<PlanningFigures, Error> {
        let need = |v: Option<f64>, field: &str| {
            v.ok_or_else(|| {
                Error::Config(format!(
                    "sensor {}: {field} is required for planning (add it to the scenario's [[sensors]] entry)",
                    self.id
                ))
            })
        };
        Ok(PlanningFigures {
            memory_gbit: need(self.memory_gbit, "memory_gbit")?,
            imaging_rate_mbps: need(self.imaging_rate_mbps, "imaging_rate_mbps")?,
            downlink_mbps: need(self.downlink_mbps, "downlink_mbps")?,
            slew_rate_deg_s: need(self.slew_rate_deg_s, "slew_rate_deg_s")?,
        })
    }
}

/// The figures planning cannot do without.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanningFigures {
    /// On-board memory, Gbit.
    pub memory_gbit: f64,
    /// Memory fill rate while imaging, Mbit/s.
    pub imaging_rate_mbps: f64,
    /// Downlink rate, Mbit/s.
    pub downlink_mbps: f64,
    /// Slew rate, degrees per second.
    pub slew_rate_deg_s: f64,
}
