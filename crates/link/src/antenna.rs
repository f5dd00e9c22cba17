//! Parabolic Earth-station antennas: gain, 3 dB beamwidth, pointing loss.

use crate::error::{Result, check_positive, check_range};
use crate::units::{lin_to_db, wavelength_m};
use serde::Serialize;

/// Beamwidth constant of Maral & Bousquet: θ3dB ≈ 70 λ/D degrees for a
/// typical illumination taper.
///
/// # References
/// Maral & Bousquet, 5th ed., §5.2.2, eq. (5.5).
pub const BEAMWIDTH_CONSTANT_DEG: f64 = 70.0;

/// Boresight gain of a circular aperture antenna, `G = η (π D / λ)²`.
///
/// # Units
/// `diameter_m` in m, `freq_ghz` in GHz, `efficiency` a fraction in (0, 1];
/// result in dBi.
///
/// # References
/// Maral & Bousquet, 5th ed., §5.2.2, eq. (5.3).
///
/// # Examples
/// ```
/// // 1.2 m at 12 GHz, η = 0.65: 41.70 dBi.
/// let g = silkway_link::antenna_gain_dbi(1.2, 12.0, 0.65).unwrap();
/// assert!((g - 41.70).abs() < 0.01);
/// ```
pub fn antenna_gain_dbi(diameter_m: f64, freq_ghz: f64, efficiency: f64) -> Result<f64> {
    check_positive("diameter_m", diameter_m)?;
    check_positive("freq_ghz", freq_ghz)?;
    check_range(
        "efficiency",
        efficiency,
        f64::MIN_POSITIVE,
        1.0,
        "a fraction in (0, 1]",
    )?;
    let x = std::f64::consts::PI * diameter_m / wavelength_m(freq_ghz);
    Ok(lin_to_db(efficiency * x * x))
}

/// Half-power (3 dB) beamwidth, `θ3dB = 70 λ / D`.
///
/// # Units
/// `diameter_m` in m, `freq_ghz` in GHz; result in degrees.
///
/// # References
/// Maral & Bousquet, 5th ed., §5.2.2, eq. (5.5).
pub fn beamwidth_3db_deg(diameter_m: f64, freq_ghz: f64) -> Result<f64> {
    check_positive("diameter_m", diameter_m)?;
    check_positive("freq_ghz", freq_ghz)?;
    Ok(BEAMWIDTH_CONSTANT_DEG * wavelength_m(freq_ghz) / diameter_m)
}

/// Gain loss for a pointing error θ off boresight, `L = 12 (θ/θ3dB)²`
/// (parabolic approximation of the main lobe, valid for θ ≲ θ3dB).
///
/// # Units
/// Degrees in; dB out (a positive loss).
///
/// # References
/// Maral & Bousquet, 5th ed., §5.2.2, eq. (5.8) and §5.7.
pub fn pointing_loss_db(pointing_error_deg: f64, beamwidth_3db_deg: f64) -> Result<f64> {
    check_range(
        "pointing_error_deg",
        pointing_error_deg,
        0.0,
        180.0,
        "an angle in [0, 180] degrees",
    )?;
    check_positive("beamwidth_3db_deg", beamwidth_3db_deg)?;
    let r = pointing_error_deg / beamwidth_3db_deg;
    Ok(12.0 * r * r)
}

/// A parabolic Earth-station antenna.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Antenna {
    /// Reflector diameter, m.
    pub diameter_m: f64,
    /// Aperture efficiency, fraction in (0, 1].
    pub efficiency: f64,
    /// Pointing error (tracking, wind, installation), degrees.
    pub pointing_error_deg: f64,
}

/// What an [`Antenna`] gives at one frequency.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AntennaAtFreq {
    /// Boresight gain, dBi.
    pub gain_dbi: f64,
    /// 3 dB beamwidth, degrees.
    pub beamwidth_3db_deg: f64,
    /// Pointing loss, dB.
    pub pointing_loss_db: f64,
}

impl Antenna {
    /// Gain, beamwidth and pointing loss at `freq_ghz`.
    ///
    /// # References
    /// See [`antenna_gain_dbi`], [`beamwidth_3db_deg`], [`pointing_loss_db`].
    pub fn at(&self, freq_ghz: f64) -> Result<AntennaAtFreq> {
        let gain_dbi = antenna_gain_dbi(self.diameter_m, freq_ghz, self.efficiency)?;
        let bw = beamwidth_3db_deg(self.diameter_m, freq_ghz)?;
        Ok(AntennaAtFreq {
            gain_dbi,
            beamwidth_3db_deg: bw,
            pointing_loss_db: pointing_loss_db(self.pointing_error_deg, bw)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vsat_1m2_at_12ghz() {
        // λ = 0.299792458/12 = 0.024983 m; πD/λ = π·1.2/0.024983 = 150.90;
        // (πD/λ)² = 22 771; × 0.65 = 14 801 → 41.70 dBi.
        let g = antenna_gain_dbi(1.2, 12.0, 0.65).unwrap();
        assert!((g - 41.703).abs() < 1e-3, "{g}");
        // θ3dB = 70 · 0.024983 / 1.2 = 1.457°.
        let bw = beamwidth_3db_deg(1.2, 12.0).unwrap();
        assert!((bw - 1.4573).abs() < 1e-4, "{bw}");
        // 0.2° error: 12 (0.2/1.4573)² = 0.226 dB.
        let l = pointing_loss_db(0.2, bw).unwrap();
        assert!((l - 0.2260).abs() < 1e-3, "{l}");
    }

    #[test]
    fn doubling_diameter_adds_6db() {
        let a = antenna_gain_dbi(1.2, 14.0, 0.6).unwrap();
        let b = antenna_gain_dbi(2.4, 14.0, 0.6).unwrap();
        assert!((b - a - 6.0206).abs() < 1e-4);
    }

    #[test]
    fn rejects_bad_efficiency() {
        assert!(antenna_gain_dbi(1.2, 12.0, 0.0).is_err());
        assert!(antenna_gain_dbi(1.2, 12.0, 1.2).is_err());
        assert!(pointing_loss_db(-0.1, 1.0).is_err());
    }
}
