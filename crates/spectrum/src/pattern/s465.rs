//! ITU-R S.465-6: reference earth-station pattern for coordination and
//! interference assessment, 2–31 GHz.

use super::{
    AntennaPattern, Aperture, main_lobe_beamwidth_deg, main_lobe_dbi, normalize_off_axis_deg,
};
use crate::error::Result;

/// ITU-R S.465-6 earth-station reference pattern.
///
/// - `φmin = max(1°, 100 λ/D)` for D/λ ≥ 50; `max(2°, 114 (D/λ)^−1.09)` for D/λ < 50;
/// - `G = 32 − 25 log φ` for φmin ≤ φ < 48°;
/// - `G = −10 dBi` for 48° ≤ φ ≤ 180°.
///
/// The Recommendation does not define the main beam (φ < φmin). This
/// implementation uses the main-lobe law `Gmax − 2.5×10⁻³ (D/λ φ)²`
/// floored at the side-lobe level at φmin, and never exceeds Gmax
/// (a choice stated here, not part of S.465).
///
/// # References
/// ITU-R S.465-6 (01/2010), *recommends* 2 and Note 1 (φmin).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct S465 {
    aperture: Aperture,
    phi_min_deg: f64,
}

impl S465 {
    /// The pattern of an antenna with this aperture.
    ///
    /// # Errors
    /// None beyond those of [`Aperture`] (kept fallible for uniformity).
    pub fn new(aperture: Aperture) -> Result<Self> {
        let dl = aperture.d_over_lambda;
        let phi_min_deg = if dl >= 50.0 {
            (100.0 / dl).max(1.0)
        } else {
            (114.0 * dl.powf(-1.09)).max(2.0)
        };
        Ok(Self {
            aperture,
            phi_min_deg,
        })
    }

    /// φmin of the Recommendation, degrees.
    pub fn phi_min_deg(&self) -> f64 {
        self.phi_min_deg
    }
}

impl AntennaPattern for S465 {
    fn gain_dbi(&self, off_axis_deg: f64) -> f64 {
        let phi = normalize_off_axis_deg(off_axis_deg);
        let gmax = self.aperture.gain_dbi;
        if phi.is_nan() {
            return f64::NAN;
        }
        let g = if phi < self.phi_min_deg {
            let floor = 32.0 - 25.0 * self.phi_min_deg.log10();
            main_lobe_dbi(gmax, self.aperture.d_over_lambda, phi).max(floor)
        } else if phi < 48.0 {
            32.0 - 25.0 * phi.log10()
        } else {
            -10.0
        };
        g.min(gmax)
    }
    fn max_gain_dbi(&self) -> f64 {
        self.aperture.gain_dbi
    }
    fn beamwidth_3db_deg(&self) -> f64 {
        main_lobe_beamwidth_deg(self.aperture.d_over_lambda)
    }
    fn name(&self) -> &'static str {
        "ITU-R S.465-6"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn large_antenna_breakpoints() {
        // D/λ = 200, Gmax = 20 log 200 + 7.7 = 46.021 + 7.7 = 53.721 dBi.
        // φmin = max(1°, 100/200 = 0.5°) = 1°.
        let p = S465::new(Aperture::new(53.721, 200.0).unwrap()).unwrap();
        close(p.phi_min_deg(), 1.0, 1e-12);
        // φ = 1°: 32 − 25 log 1 = 32 dBi.
        close(p.gain_dbi(1.0), 32.0, 1e-9);
        // φ = 10°: 32 − 25 = 7 dBi.
        close(p.gain_dbi(10.0), 7.0, 1e-9);
        // φ = 47.99°: 32 − 25 log 47.99 = 32 − 25·1.68115 = −10.029 dBi.
        close(p.gain_dbi(47.99), -10.029, 1e-3);
        // φ = 48° and 180°: −10 dBi.
        close(p.gain_dbi(48.0), -10.0, 1e-12);
        close(p.gain_dbi(180.0), -10.0, 1e-12);
        // boresight: Gmax; φ = 0.5°: main lobe 53.721 − 2.5e-3·(200·0.5)² = 28.721,
        // floored at the side-lobe level at φmin (32) → 32 dBi.
        close(p.gain_dbi(0.0), 53.721, 1e-12);
        close(p.gain_dbi(0.5), 32.0, 1e-9);
        // φ = 0.2°: 53.721 − 2.5e-3·40² = 53.721 − 4 = 49.721 dBi.
        close(p.gain_dbi(0.2), 49.721, 1e-9);
        // symmetric and folded: −10° ≡ 10°, 350° ≡ 10°.
        close(p.gain_dbi(-10.0), 7.0, 1e-9);
        close(p.gain_dbi(350.0), 7.0, 1e-9);
    }

    #[test]
    fn small_antenna_phi_min() {
        // D/λ = 40 (< 50): 114·40^−1.09; ln 40 = 3.688879, ×1.09 = 4.020878,
        // e^4.020878 = 55.7500; 114/55.7500 = 2.04484° (> 2°) → φmin = 2.04484°.
        // G(φmin) = 32 − 25 log 2.04484 = 32 − 25·0.310659 = 24.2335 dBi.
        let p = S465::new(Aperture::new(39.74, 40.0).unwrap()).unwrap();
        close(p.phi_min_deg(), 2.04484, 1e-4);
        close(p.gain_dbi(2.04484), 24.2335, 1e-3);
        // D/λ = 60 (≥ 50): φmin = max(1, 100/60 = 1.6667°) = 1.6667°;
        // G = 32 − 25 log 1.6667 = 32 − 25·0.221849 = 26.4538 dBi.
        let q = S465::new(Aperture::new(43.26, 60.0).unwrap()).unwrap();
        close(q.phi_min_deg(), 1.666_667, 1e-5);
        close(q.gain_dbi(1.666_667), 26.4538, 1e-3);
    }

    #[test]
    fn nan_angle_gives_nan() {
        let p = S465::new(Aperture::new(50.0, 150.0).unwrap()).unwrap();
        assert!(p.gain_dbi(f64::NAN).is_nan());
    }
}
