//! What a reference pattern needs to know about a reflector antenna.

use crate::error::{Result, in_range, positive};
use crate::units::{lin_to_db, wavelength_m};

/// Boresight gain and diameter-to-wavelength ratio of an aperture antenna.
///
/// # References
/// `G = η (π D/λ)²` (aperture antenna); when only the gain is known, the
/// Recommendations' note `20 log(D/λ) ≈ Gmax − 7.7` (ITU-R F.699-8 and
/// F.1245-3, *recommends* notes; RR App. 8 / BR pattern APERR_001V01).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Aperture {
    /// Boresight gain, dBi.
    pub gain_dbi: f64,
    /// Diameter over wavelength, dimensionless.
    pub d_over_lambda: f64,
}

impl Aperture {
    /// Both figures given.
    ///
    /// # Errors
    /// Non-finite gain; D/λ not > 0.
    pub fn new(gain_dbi: f64, d_over_lambda: f64) -> Result<Self> {
        let gain_dbi = crate::error::finite("gain_dbi", gain_dbi)?;
        let d_over_lambda = positive("d_over_lambda", d_over_lambda)?;
        Ok(Self {
            gain_dbi,
            d_over_lambda,
        })
    }

    /// From diameter, frequency and aperture efficiency: `G = η (π D/λ)²`.
    ///
    /// # Errors
    /// Diameter or frequency not > 0; efficiency outside (0, 1].
    pub fn from_diameter(diameter_m: f64, freq_ghz: f64, efficiency: f64) -> Result<Self> {
        positive("diameter_m", diameter_m)?;
        positive("freq_ghz", freq_ghz)?;
        in_range("efficiency", efficiency, f64::MIN_POSITIVE, 1.0)?;
        let d_over_lambda = diameter_m / wavelength_m(freq_ghz);
        let x = std::f64::consts::PI * d_over_lambda;
        Ok(Self {
            gain_dbi: lin_to_db(efficiency * x * x),
            d_over_lambda,
        })
    }

    /// From the gain alone: `20 log(D/λ) = Gmax − 7.7`.
    ///
    /// # Errors
    /// Non-finite gain.
    pub fn from_gain(gain_dbi: f64) -> Result<Self> {
        let gain_dbi = crate::error::finite("gain_dbi", gain_dbi)?;
        Ok(Self {
            gain_dbi,
            d_over_lambda: 10f64.powf((gain_dbi - 7.7) / 20.0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gain_from_diameter_and_back() {
        // 1.8 m at 7.442 GHz: λ = 0.299792458/7.442 = 0.040284 m, D/λ = 44.68;
        // η(πD/λ)² = 0.55 · (140.37)² = 10 837 → 40.35 dBi.
        let a = Aperture::from_diameter(1.8, 7.442, 0.55).unwrap();
        assert!((a.d_over_lambda - 44.683).abs() < 1e-2, "{a:?}");
        assert!((a.gain_dbi - 40.35).abs() < 0.01, "{a:?}");
        // From the gain: 10^((40.35−7.7)/20) = 10^1.6325 = 42.91.
        let b = Aperture::from_gain(40.35).unwrap();
        assert!((b.d_over_lambda - 42.91).abs() < 0.01, "{b:?}");
    }

    #[test]
    fn rejects_bad_inputs() {
        assert!(Aperture::from_diameter(-1.0, 7.0, 0.6).is_err());
        assert!(Aperture::from_diameter(f64::NAN, 7.0, 0.6).is_err());
        assert!(Aperture::from_diameter(1.0, 7.0, 1.5).is_err());
        assert!(Aperture::from_gain(f64::INFINITY).is_err());
        assert!(Aperture::new(30.0, 0.0).is_err());
    }
}
