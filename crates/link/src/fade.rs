//! The propagation-model abstraction: atmospheric fading of an Earth–space path.
//!
//! `silkway-link` does not implement propagation itself. A model (ITU-R
//! P.618-13 total attenuation with digital maps, from the `itur` crate, or
//! a measured fade distribution) plugs in through [`Fade`].

use crate::error::FadeError;
use serde::Serialize;

/// An Earth–space path as a propagation model needs it (the inputs of
/// ITU-R P.618-13 §2.5 total attenuation).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EarthSpacePath {
    /// Station latitude, degrees north.
    pub lat_deg: f64,
    /// Station longitude, degrees east.
    pub lon_deg: f64,
    /// Station height above mean sea level, m (`None`: the model chooses,
    /// e.g. ITU-R P.1511 topography).
    pub height_m: Option<f64>,
    /// Frequency, GHz.
    pub freq_ghz: f64,
    /// Elevation angle toward the satellite, degrees.
    pub elevation_deg: f64,
    /// Antenna diameter, m (scintillation, P.618-13 §2.4.1).
    pub antenna_diameter_m: f64,
    /// Antenna efficiency, fraction (scintillation).
    pub antenna_efficiency: f64,
    /// Polarisation tilt relative to the horizontal, degrees (45 for circular;
    /// P.838-3).
    pub polarization_tilt_deg: f64,
}

/// Long-term statistics of atmospheric attenuation on a path, in both
/// directions.
///
/// # Contract
/// - `attenuation_db(path, p)` is the attenuation (dB, ≥ 0) exceeded `p` %
///   of an average year; non-increasing in `p`.
/// - `exceedance_pct(path, a)` is the percentage of an average year (in
///   [0, 100]) during which `a` dB is exceeded; non-increasing in `a`, and
///   the inverse of `attenuation_db` where both are defined.
/// - Out-of-range inputs are reported as errors, never panics. A model may
///   clamp to its domain of validity (P.618-13: 0.001 % ≤ p ≤ 5 %) if it
///   documents doing so.
/// - `Send + Sync`, so one model can serve parallel computations (maps over
///   a grid of sites).
///
/// # References
/// ITU-R P.618-13 §2.5 (total attenuation) and its inverse.
///
/// # Examples
/// Plugging a model in (here a toy exponential distribution, for
/// illustration only — not a propagation model):
/// ```
/// use silkway_link::{EarthSpacePath, Fade, FadeError};
///
/// /// P(A > a) = 10 % · exp(−a / 0.8 dB).
/// struct Toy;
/// impl Fade for Toy {
///     fn attenuation_db(&self, _: &EarthSpacePath, p_pct: f64) -> Result<f64, FadeError> {
///         if !(p_pct > 0.0 && p_pct <= 10.0) {
///             return Err(format!("p = {p_pct} % outside (0, 10]").into());
///         }
///         Ok(0.8 * (10.0 / p_pct).ln())
///     }
///     fn exceedance_pct(&self, _: &EarthSpacePath, a_db: f64) -> Result<f64, FadeError> {
///         if a_db.is_nan() || a_db < 0.0 {
///             return Err(format!("a = {a_db} dB negative").into());
///         }
///         Ok(10.0 * (-a_db / 0.8).exp())
///     }
/// }
///
/// let text = include_str!("../examples/azerspace1_tashkent.toml");
/// let report = silkway_link::link_report_from_toml(text, &Toy).unwrap();
/// assert!(report.acm.outage_minutes_per_year < 60.0);
/// ```
pub trait Fade: Send + Sync {
    /// Attenuation exceeded `p_pct` percent of an average year, dB.
    fn attenuation_db(&self, path: &EarthSpacePath, p_pct: f64) -> Result<f64, FadeError>;

    /// Percentage of an average year during which `a_db` is exceeded.
    fn exceedance_pct(&self, path: &EarthSpacePath, a_db: f64) -> Result<f64, FadeError>;
}

impl<T: Fade + ?Sized> Fade for &T {
    // `&T` is Send + Sync because T: Sync.
    fn attenuation_db(&self, path: &EarthSpacePath, p_pct: f64) -> Result<f64, FadeError> {
        (**self).attenuation_db(path, p_pct)
    }
    fn exceedance_pct(&self, path: &EarthSpacePath, a_db: f64) -> Result<f64, FadeError> {
        (**self).exceedance_pct(path, a_db)
    }
}

/// Test double for [`Fade`] — NOT a propagation model.
///
/// A power law `A(p) = a_ref · (p / p_ref)^(−b)` fitted to the FACTS.md Baku
/// figures (4.22 dB at 0.01 %, 1.54 dB at 0.1 %): b = log10(4.22/1.54) =
/// 0.4378. It ignores the path. For unit tests only.
#[cfg(test)]
pub(crate) mod test_double {
    use super::*;

    #[derive(Debug, Clone, Copy)]
    pub(crate) struct PowerLawFade {
        pub a_ref_db: f64,
        pub p_ref_pct: f64,
        pub exponent: f64,
    }

    impl PowerLawFade {
        /// 4.22 dB at 0.01 %, 1.54 dB at 0.1 % (FACTS.md, Baku, 12 GHz).
        pub fn baku_like() -> Self {
            PowerLawFade {
                a_ref_db: 4.22,
                p_ref_pct: 0.01,
                exponent: (4.22f64 / 1.54).log10(),
            }
        }

        /// The same distribution scaled by `k` (k > 1: a wetter climate).
        pub fn scaled(k: f64) -> Self {
            let mut f = Self::baku_like();
            f.a_ref_db *= k;
            f
        }
    }

    impl Fade for PowerLawFade {
        fn attenuation_db(&self, _path: &EarthSpacePath, p_pct: f64) -> Result<f64, FadeError> {
            if p_pct.is_nan() || p_pct <= 0.0 || p_pct > 100.0 {
                return Err(format!("p_pct {p_pct} outside (0, 100]").into());
            }
            Ok(self.a_ref_db * (p_pct / self.p_ref_pct).powf(-self.exponent))
        }

        fn exceedance_pct(&self, _path: &EarthSpacePath, a_db: f64) -> Result<f64, FadeError> {
            if a_db.is_nan() || a_db < 0.0 {
                return Err(format!("a_db {a_db} negative").into());
            }
            if a_db == 0.0 {
                return Ok(100.0);
            }
            Ok((self.p_ref_pct * (a_db / self.a_ref_db).powf(-1.0 / self.exponent)).min(100.0))
        }
    }

    pub(crate) fn any_path() -> EarthSpacePath {
        EarthSpacePath {
            lat_deg: 40.41,
            lon_deg: 49.87,
            height_m: None,
            freq_ghz: 12.0,
            elevation_deg: 43.1,
            antenna_diameter_m: 1.2,
            antenna_efficiency: 0.65,
            polarization_tilt_deg: 45.0,
        }
    }

    #[test]
    fn double_is_consistent() {
        let f = PowerLawFade::baku_like();
        let p = any_path();
        assert!((f.attenuation_db(&p, 0.01).unwrap() - 4.22).abs() < 1e-12);
        assert!((f.attenuation_db(&p, 0.1).unwrap() - 1.54).abs() < 1e-12);
        // 0.5 %: 4.22 · 50^−0.4378 = 0.76 dB (FACTS.md P.618: 0.79 dB).
        assert!((f.attenuation_db(&p, 0.5).unwrap() - 0.761).abs() < 2e-3);
        let a = f.attenuation_db(&p, 0.3).unwrap();
        assert!((f.exceedance_pct(&p, a).unwrap() - 0.3).abs() < 1e-9);
    }
}
