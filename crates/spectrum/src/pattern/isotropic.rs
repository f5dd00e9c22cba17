//! A constant-gain pattern.

use super::AntennaPattern;
use crate::error::{Result, finite};

/// The same gain in every direction (0 dBi for an isotropic radiator).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Isotropic {
    gain_dbi: f64,
}

impl Isotropic {
    /// A constant `gain_dbi`.
    ///
    /// # Errors
    /// Non-finite gain.
    pub fn new(gain_dbi: f64) -> Result<Self> {
        Ok(Self {
            gain_dbi: finite("gain_dbi", gain_dbi)?,
        })
    }
}

impl AntennaPattern for Isotropic {
    fn gain_dbi(&self, off_axis_deg: f64) -> f64 {
        if !off_axis_deg.is_finite() {
            f64::NAN
        } else {
            self.gain_dbi
        }
    }
    fn max_gain_dbi(&self) -> f64 {
        self.gain_dbi
    }
    fn beamwidth_3db_deg(&self) -> f64 {
        360.0
    }
    fn name(&self) -> &'static str {
        "isotropic"
    }
}
