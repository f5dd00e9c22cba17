//! ITU-R F.1245-3: average fixed-service antenna pattern (aggregate studies).

use super::{
    AntennaPattern, Aperture, main_lobe_angle_deg, main_lobe_beamwidth_deg, main_lobe_dbi,
    normalize_off_axis_deg,
};
use crate::error::{Result, in_range, out_of_validity};

/// ITU-R F.1245-3 average-side-lobe pattern for point-to-point fixed
/// antennas, 1–70 GHz.
///
/// D/λ > 100:
/// - `Gmax − 2.5×10⁻³ (D/λ φ)²` for 0 ≤ φ < φm;
/// - `G1` for φm ≤ φ < max(φm, φr);
/// - `29 − 25 log φ` for max(φm, φr) ≤ φ < 48°;
/// - `−13 dBi` for 48° ≤ φ ≤ 180°.
///
/// D/λ ≤ 100:
/// - main lobe for φ < φm;
/// - `39 − 5 log(D/λ) − 25 log φ` for φm ≤ φ < 48°;
/// - `−3 − 5 log(D/λ)` for 48° ≤ φ ≤ 180°.
///
/// with `G1 = 2 + 15 log(D/λ)`, `φm = 20 λ/D √(Gmax − G1)`, `φr = 12.02 (D/λ)^−0.6`.
///
/// # References
/// ITU-R F.1245-3 (01/2019), *recommends* 1 and 2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct F1245 {
    aperture: Aperture,
    g1_dbi: f64,
    phi_m_deg: f64,
    phi_r_deg: f64,
}

impl F1245 {
    /// The pattern of an antenna with this aperture at `freq_ghz`.
    ///
    /// # Errors
    /// Frequency outside 1–70 GHz; Gmax below G1.
    pub fn new(aperture: Aperture, freq_ghz: f64) -> Result<Self> {
        in_range("freq_ghz", freq_ghz, 1.0, 70.0)?;
        let dl = aperture.d_over_lambda;
        let g1_dbi = 2.0 + 15.0 * dl.log10();
        if aperture.gain_dbi < g1_dbi {
            return Err(out_of_validity(
                "ITU-R F.1245-3",
                format!(
                    "Gmax {:.2} dBi is below the first side lobe G1 {g1_dbi:.2} dBi",
                    aperture.gain_dbi
                ),
            ));
        }
        Ok(Self {
            aperture,
            g1_dbi,
            phi_m_deg: main_lobe_angle_deg(aperture.gain_dbi, dl, g1_dbi),
            phi_r_deg: 12.02 * dl.powf(-0.6),
        })
    }

    /// (G1 dBi, φm deg, φr deg).
    pub fn breakpoints(&self) -> (f64, f64, f64) {
        (self.g1_dbi, self.phi_m_deg, self.phi_r_deg)
    }
}

impl AntennaPattern for F1245 {
    fn gain_dbi(&self, off_axis_deg: f64) -> f64 {
        let phi = normalize_off_axis_deg(off_axis_deg);
        if phi.is_nan() {
            return f64::NAN;
        }
        let dl = self.aperture.d_over_lambda;
        if phi < self.phi_m_deg {
            return main_lobe_dbi(self.aperture.gain_dbi, dl, phi);
        }
        if dl > 100.0 {
            if phi < self.phi_m_deg.max(self.phi_r_deg) {
                self.g1_dbi
            } else if phi < 48.0 {
                29.0 - 25.0 * phi.log10()
            } else {
                -13.0
            }
        } else if phi < 48.0 {
            39.0 - 5.0 * dl.log10() - 25.0 * phi.log10()
        } else {
            -3.0 - 5.0 * dl.log10()
        }
    }
    fn max_gain_dbi(&self) -> f64 {
        self.aperture.gain_dbi
    }
    fn beamwidth_3db_deg(&self) -> f64 {
        main_lobe_beamwidth_deg(self.aperture.d_over_lambda)
    }
    fn name(&self) -> &'static str {
        "ITU-R F.1245-3"
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
        // D/λ = 200, Gmax = 53.721: G1 = 36.5154, φm = 0.414796° (as F.699).
        // φr = 12.02 · 200^−0.6 = 12.02 · 0.0416277 = 0.500364°.
        let p = F1245::new(Aperture::new(53.721, 200.0).unwrap(), 18.0).unwrap();
        let (g1, pm, pr) = p.breakpoints();
        close(g1, 36.5154, 1e-4);
        close(pm, 0.414796, 1e-5);
        close(pr, 0.500364, 1e-5);
        close(p.gain_dbi(0.45), 36.5154, 1e-4);
        // φr: 29 − 25 log 0.500364 = 29 + 25·0.300714 = 36.5178 dBi.
        close(p.gain_dbi(pr), 36.5178, 1e-3);
        // 10°: 29 − 25 = 4 dBi; 48°: −13 dBi.
        close(p.gain_dbi(10.0), 4.0, 1e-9);
        close(p.gain_dbi(48.0), -13.0, 1e-12);
    }

    #[test]
    fn small_antenna_breakpoints() {
        // D/λ = 50, Gmax = 41.6794: φm = 1.50704° (G1 = 27.4846).
        // φm: 39 − 5·1.698970 − 25 log 1.50704 = 39 − 8.49485 − 25·0.178125 = 26.0520 dBi.
        let p = F1245::new(Aperture::new(41.6794, 50.0).unwrap(), 7.0).unwrap();
        let pm = p.breakpoints().1;
        close(pm, 1.50704, 1e-4);
        close(p.gain_dbi(pm), 26.0520, 1e-3);
        // 10°: 39 − 8.49485 − 25 = 5.50515 dBi; 48°: −3 − 8.49485 = −11.49485 dBi.
        close(p.gain_dbi(10.0), 5.50515, 1e-4);
        close(p.gain_dbi(48.0), -11.49485, 1e-4);
        close(p.gain_dbi(180.0), -11.49485, 1e-4);
    }
}
