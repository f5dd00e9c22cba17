//! Path loss behind a trait; free space (ITU-R P.525) implemented here.
//!
//! Other models (ITU-R P.452 in `silkway-itur`, P.1546, P.1812) plug in by
//! implementing [`PathLoss`]; the interference engine and the Monte Carlo
//! simulation take `&dyn PathLoss`.
//!
//! # Examples
//! A model plugs in by implementing the trait (here free space plus a
//! fixed clutter loss, standing in for P.452):
//! ```
//! use silkway_spectrum::interference::{Options, analyze_victim};
//! use silkway_spectrum::path_loss::{FreeSpace, PathLoss, Terminal};
//!
//! struct WithClutter(f64);
//! impl PathLoss for WithClutter {
//!     fn loss_db(&self, tx: &Terminal, rx: &Terminal, f_mhz: f64, p_pct: f64)
//!         -> silkway_spectrum::Result<f64> {
//!         Ok(FreeSpace.loss_db(tx, rx, f_mhz, p_pct)? + self.0)
//!     }
//!     fn name(&self) -> &'static str { "free space + clutter" }
//! }
//!
//! let s = silkway_model::builtin::load("caspian").unwrap();
//! let opts = Options::default();
//! let fs = analyze_victim(&s, "az-lankaran-rx", &FreeSpace, &opts).unwrap();
//! let cl = analyze_victim(&s, "az-lankaran-rx", &WithClutter(10.0), &opts).unwrap();
//! assert!((fs.aggregate_i_dbw - cl.aggregate_i_dbw - 10.0).abs() < 1e-9);
//! ```

use serde::Serialize;

use crate::error::{Result, in_range, positive};
use crate::geometry::{haversine_km, slant_km};
use crate::units::SPEED_OF_LIGHT_M_S;

/// One end of a path.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Terminal {
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Antenna height above the sphere (site altitude + mast), metres.
    pub height_m: f64,
}

impl Terminal {
    /// Check the numbers.
    ///
    /// # Errors
    /// Latitude outside ±90, longitude outside ±360, non-finite height.
    pub fn validate(&self) -> Result<()> {
        in_range("lat_deg", self.lat_deg, -90.0, 90.0)?;
        in_range("lon_deg", self.lon_deg, -360.0, 360.0)?;
        crate::error::finite("height_m", self.height_m)?;
        Ok(())
    }
}

/// A path-loss model: basic transmission loss between two terminals.
pub trait PathLoss: Send + Sync {
    /// Basic transmission loss not exceeded for `p_pct` % of time, dB.
    ///
    /// # Units
    /// `freq_mhz` in MHz, `p_pct` a percentage of an average year in (0, 100).
    ///
    /// # Errors
    /// Invalid inputs, or the model's own failure.
    fn loss_db(&self, tx: &Terminal, rx: &Terminal, freq_mhz: f64, p_pct: f64) -> Result<f64>;

    /// Short name (`free space (P.525-4)`, `P.452-18`...).
    fn name(&self) -> &'static str;
}

/// Free-space basic transmission loss over the straight line between the
/// terminals: `Lbf = 20 log(4π d / λ)` (= 32.45 + 20 log f_MHz + 20 log d_km).
/// Time-independent: `p_pct` is checked and ignored.
///
/// # References
/// ITU-R P.525-4 (08/2019), §2.1 eq. (1)/(6).
///
/// # Examples
/// ```
/// use silkway_spectrum::path_loss::{FreeSpace, PathLoss, Terminal};
/// let a = Terminal { lat_deg: 0.0, lon_deg: 0.0, height_m: 0.0 };
/// let b = Terminal { lat_deg: 0.0, lon_deg: 0.0, height_m: 10_000.0 };
/// // 10 km at 1 000 MHz: 32.45 + 60 + 20 = 112.45 dB.
/// let l = FreeSpace.loss_db(&a, &b, 1000.0, 50.0).unwrap();
/// assert!((l - 112.45).abs() < 0.01);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FreeSpace;

/// Free-space loss for a distance and a frequency, dB.
///
/// # Errors
/// Distance or frequency not > 0.
pub fn free_space_loss_db(distance_km: f64, freq_mhz: f64) -> Result<f64> {
    positive("distance_km", distance_km)?;
    positive("freq_mhz", freq_mhz)?;
    let lambda_m = SPEED_OF_LIGHT_M_S / (freq_mhz * 1e6);
    Ok(20.0 * (4.0 * std::f64::consts::PI * distance_km * 1e3 / lambda_m).log10())
}

impl PathLoss for FreeSpace {
    fn loss_db(&self, tx: &Terminal, rx: &Terminal, freq_mhz: f64, p_pct: f64) -> Result<f64> {
        tx.validate()?;
        rx.validate()?;
        check_p_pct(p_pct)?;
        let d = haversine_km(tx.lat_deg, tx.lon_deg, rx.lat_deg, rx.lon_deg);
        free_space_loss_db(slant_km(tx.height_m, rx.height_m, d), freq_mhz)
    }
    fn name(&self) -> &'static str {
        "free space (ITU-R P.525-4)"
    }
}

/// `p_pct` must be a percentage in (0, 100).
///
/// # Errors
/// Otherwise.
pub fn check_p_pct(p_pct: f64) -> Result<f64> {
    if p_pct.is_finite() && p_pct > 0.0 && p_pct < 100.0 {
        Ok(p_pct)
    } else {
        Err(crate::error::invalid(
            "p_pct",
            "a percentage in (0, 100)",
            p_pct,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p525_worked_value() {
        // 36 000 km at 12 000 MHz: 32.4478 + 20 log 12000 + 20 log 36000
        // = 32.4478 + 81.5836 + 91.1261 = 205.1575 dB.
        let l = free_space_loss_db(36_000.0, 12_000.0).unwrap();
        assert!((l - 205.1575).abs() < 1e-3, "{l}");
    }

    #[test]
    fn rejects_bad_inputs() {
        let a = Terminal {
            lat_deg: 38.4,
            lon_deg: 48.9,
            height_m: 20.0,
        };
        let b = Terminal {
            lat_deg: 38.7,
            lon_deg: 48.9,
            height_m: 20.0,
        };
        assert!(FreeSpace.loss_db(&a, &b, 7442.0, 0.0).is_err());
        assert!(FreeSpace.loss_db(&a, &b, f64::NAN, 1.0).is_err());
        assert!(FreeSpace.loss_db(&a, &a, 7442.0, 1.0).is_err());
        let bad = Terminal { lat_deg: 91.0, ..a };
        assert!(FreeSpace.loss_db(&bad, &b, 7442.0, 1.0).is_err());
        assert!(FreeSpace.loss_db(&a, &b, 7442.0, 1.0).is_ok());
    }
}
