//! ITU-R F.699-8: fixed-service antenna reference pattern (peak envelope).

use super::{
    AntennaPattern, Aperture, main_lobe_angle_deg, main_lobe_beamwidth_deg, main_lobe_dbi,
    normalize_off_axis_deg,
};
use crate::error::{Result, in_range, out_of_validity};

/// ITU-R F.699-8 reference pattern for point-to-point fixed-service
/// antennas, 1–70 GHz (the part of the Recommendation's range implemented here).
///
/// D/λ > 100:
/// - `Gmax − 2.5×10⁻³ (D/λ φ)²` for 0 ≤ φ < φm;
/// - `G1` for φm ≤ φ < max(φm, φr);
/// - `32 − 25 log φ` for max(φm, φr) ≤ φ < 48°;
/// - `−10 dBi` for 48° ≤ φ ≤ 180°.
///
/// D/λ ≤ 100:
/// - main lobe as above for φ < φm; `G1` for φm ≤ φ < max(φm, 100 λ/D);
/// - `52 − 10 log(D/λ) − 25 log φ` up to 48°; `10 − 10 log(D/λ)` beyond.
///
/// with `G1 = 2 + 15 log(D/λ)`, `φm = 20 λ/D √(Gmax − G1)`,
/// `φr = 15.85 (D/λ)^−0.6`.
///
/// # References
/// ITU-R F.699-8 (01/2018), *recommends* 1–3.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct F699 {
    aperture: Aperture,
    g1_dbi: f64,
    phi_m_deg: f64,
    phi_r_deg: f64,
}

impl F699 {
    /// The pattern of an antenna with this aperture at `freq_ghz`.
    ///
    /// # Errors
    /// Frequency outside 1–70 GHz; Gmax below the first side-lobe level G1.
    pub fn new(aperture: Aperture, freq_ghz: f64) -> Result<Self> {
        in_range("freq_ghz", freq_ghz, 1.0, 70.0)?;
        let dl = aperture.d_over_lambda;
        let g1_dbi = 2.0 + 15.0 * dl.log10();
        if aperture.gain_dbi < g1_dbi {
            return Err(out_of_validity(
                "ITU-R F.699-8",
                format!(
                    "Gmax {:.2} dBi is below the first side lobe G1 {g1_dbi:.2} dBi",
                    aperture.gain_dbi
                ),
            ));
        }
        let phi_r_deg = if dl > 100.0 {
            15.85 * dl.powf(-0.6)
        } else {
            100.0 / dl
        };
        Ok(Self {
            aperture,
            g1_dbi,
            phi_m_deg: main_lobe_angle_deg(aperture.gain_dbi, dl, g1_dbi),
            phi_r_deg,
        })
    }

    /// (G1 dBi, φm deg, φr deg), φr being 100 λ/D when D/λ ≤ 100.
    pub fn breakpoints(&self) -> (f64, f64, f64) {
        (self.g1_dbi, self.phi_m_deg, self.phi_r_deg)
    }
}

impl AntennaPattern for F699 {
    fn gain_dbi(&self, off_axis_deg: f64) -> f64 {
        let phi = normalize_off_axis_deg(off_axis_deg);
        if phi.is_nan() {
            return f64::NAN;
        }
        let dl = self.aperture.d_over_lambda;
        let large = dl > 100.0;
        if phi < self.phi_m_deg {
            main_lobe_dbi(self.aperture.gain_dbi, dl, phi)
        } else if phi < self.phi_m_deg.max(self.phi_r_deg) {
            self.g1_dbi
        } else if phi < 48.0 {
            if large {
                32.0 - 25.0 * phi.log10()
            } else {
                52.0 - 10.0 * dl.log10() - 25.0 * phi.log10()
            }
        } else if large {
            -10.0
        } else {
            10.0 - 10.0 * dl.log10()
        }
    }
    fn max_gain_dbi(&self) -> f64 {
        self.aperture.gain_dbi
    }
    fn beamwidth_3db_deg(&self) -> f64 {
        main_lobe_beamwidth_deg(self.aperture.d_over_lambda)
    }
    fn name(&self) -> &'static str {
        "ITU-R F.699-8"
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
        // D/λ = 200, Gmax = 53.721 dBi.
        // G1 = 2 + 15 log 200 = 2 + 15·2.301030 = 36.5154 dBi.
        // φm = 20/200 · √(53.721 − 36.5154) = 0.1·√17.2056 = 0.1·4.14796 = 0.414796°.
        // φr = 15.85 · 200^−0.6 = 15.85 · e^(−0.6·5.298317) = 15.85·0.0416277 = 0.659798°.
        let p = F699::new(Aperture::new(53.721, 200.0).unwrap(), 10.0).unwrap();
        let (g1, pm, pr) = p.breakpoints();
        close(g1, 36.5154, 1e-4);
        close(pm, 0.414796, 1e-5);
        close(pr, 0.659798, 1e-5);
        // Just inside φm the main lobe meets G1 (continuity).
        close(p.gain_dbi(pm - 1e-9), 36.5154, 1e-4);
        close(p.gain_dbi(0.5), 36.5154, 1e-4);
        // φr: 32 − 25 log 0.659798 = 32 + 25·0.180589 = 36.5147 dBi.
        close(p.gain_dbi(pr), 36.5147, 1e-3);
        // 10°: 7 dBi; 47.9°: 32 − 25·1.680336 = −10.0084; 48°: −10 dBi.
        close(p.gain_dbi(10.0), 7.0, 1e-9);
        close(p.gain_dbi(47.9), -10.0084, 1e-3);
        close(p.gain_dbi(48.0), -10.0, 1e-12);
        close(p.gain_dbi(0.0), 53.721, 1e-12);
    }

    #[test]
    fn small_antenna_breakpoints() {
        // D/λ = 50, Gmax = 20 log 50 + 7.7 = 41.6794 dBi.
        // G1 = 2 + 15·1.698970 = 27.4846; φm = 0.4·√(41.6794 − 27.4846) = 0.4·3.767599 = 1.50704°.
        // 100 λ/D = 2°.
        let p = F699::new(Aperture::new(41.6794, 50.0).unwrap(), 7.0).unwrap();
        let (g1, pm, pr) = p.breakpoints();
        close(g1, 27.4846, 1e-4);
        close(pm, 1.50704, 1e-4);
        close(pr, 2.0, 1e-12);
        close(p.gain_dbi(1.8), 27.4846, 1e-4);
        // 2°: 52 − 16.9897 − 25·0.301030 = 27.4846 (continuous with G1).
        close(p.gain_dbi(2.0), 27.4846, 1e-4);
        // 10°: 52 − 16.9897 − 25 = 10.0103 dBi; 48° on: 10 − 16.9897 = −6.9897 dBi.
        close(p.gain_dbi(10.0), 10.0103, 1e-4);
        close(p.gain_dbi(90.0), -6.9897, 1e-4);
    }

    #[test]
    fn rejects_out_of_scope() {
        assert!(F699::new(Aperture::new(40.0, 50.0).unwrap(), 90.0).is_err());
        // Gmax below G1.
        assert!(F699::new(Aperture::new(20.0, 50.0).unwrap(), 7.0).is_err());
    }
}
