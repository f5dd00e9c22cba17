//! RR Appendix 8 earth-station reference pattern (`A − 25 log φ` family).

use super::{
    AntennaPattern, Aperture, main_lobe_angle_deg, main_lobe_beamwidth_deg, main_lobe_dbi,
    normalize_off_axis_deg,
};
use crate::error::{Result, invalid, out_of_validity};

/// The side-lobe coefficient of the App. 8 reference pattern itself.
pub const APP8_COEF_A: f64 = 32.0;

/// Earth-station reference pattern of RR Appendix 8 (ΔT/T between GSO
/// networks), side-lobe coefficient `A` = 32; optionally the Appendix 30B
/// improved side-lobe variant `A` = 29.
///
/// App. 8 itself uses **A = 32** (the `32 − 25 log φ` envelope of
/// ITU-R S.465, with the App. 8 main beam). The ITU BR antenna pattern
/// library lists it as `APERR_001V01` ("Appendix 8 Earth station antenna
/// pattern for GSO networks; only for maximum antenna gain greater than
/// 9.3 dB"). `A = 29` belongs to another pattern, `APERR_002V01`
/// ("Appendix 30B reference Earth station pattern with the improved
/// side-lobe for coefficient A = 29"), whose D/λ < 100 branch is
/// "extended as in Appendix 8". `29 − 25 log φ` is also the App. 7
/// (coordination-area) pattern and the S.580 design objective — not the
/// App. 8 reference. So the default here is 32; 29 is accepted for
/// App. 30B-style studies and labelled as such.
///
/// D/λ ≥ 100:
/// - `Gmax − 2.5×10⁻³ (D/λ φ)²` for 0 ≤ φ < φm;
/// - `G1 = A − 30 + 15 log(D/λ)` (2 + 15 log(D/λ) for A = 32) for φm ≤ φ < φr,
///   `φr = 15.85 (D/λ)^−0.6`;
/// - `A − 25 log φ` for φr ≤ φ < φb;
/// - `−10 dBi` for φb ≤ φ ≤ 180°;
///
/// with φb = 48° for A = 32 (App. 8 / APERR_001V01) and
/// φb = 10^((A + 10)/25) = 36.3° for A = 29 (APERR_002V01).
///
/// D/λ < 100: `φr = 100 λ/D`, `A + 20 − 10 log(D/λ) − 25 log φ`
/// (52 − 10 log(D/λ) − 25 log φ for A = 32) for φr ≤ φ < φb,
/// `10 − 10 log(D/λ)` beyond.
///
/// # References
/// ITU Radio Regulations, Appendix 8, Annex 1 (earth-station antenna
/// reference pattern). ITU BR, *Antenna Pattern Library* (web page
/// "Antenna Patterns", itu.int/en/ITU-R/software/Pages/ant-pattern.aspx,
/// and its reference manual APL-UM-001 v1.1.7, 2007): `APERR_001V01`
/// = App. 8 (A = 32), `APERR_002V01` = App. 30B with A = 29 or 32.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct App8EarthStation {
    aperture: Aperture,
    coef_a: f64,
    g1_dbi: f64,
    phi_m_deg: f64,
    phi_r_deg: f64,
    phi_b_deg: f64,
}

impl App8EarthStation {
    /// The App. 8 pattern proper (A = 32, APERR_001V01).
    ///
    /// # Errors
    /// Gmax ≤ 9.3 dBi (outside the BR pattern's scope) or below G1.
    pub fn appendix8(aperture: Aperture) -> Result<Self> {
        Self::new(aperture, APP8_COEF_A)
    }

    /// The pattern with side-lobe coefficient `coef_a`: 32 (App. 8) or
    /// 29 (App. 30B improved side lobe).
    ///
    /// # Errors
    /// `coef_a` other than 29 or 32; Gmax ≤ 9.3 dBi; Gmax below G1.
    pub fn new(aperture: Aperture, coef_a: f64) -> Result<Self> {
        if coef_a != 29.0 && coef_a != 32.0 {
            return Err(invalid("coef_a", "29 or 32", coef_a));
        }
        if aperture.gain_dbi <= 9.3 {
            return Err(out_of_validity(
                "RR App. 8 earth-station pattern",
                format!(
                    "defined for Gmax > 9.3 dBi (BR APERR_001V01), found {:.2} dBi",
                    aperture.gain_dbi
                ),
            ));
        }
        let dl = aperture.d_over_lambda;
        let g1_dbi = coef_a - 30.0 + 15.0 * dl.log10();
        if aperture.gain_dbi < g1_dbi {
            return Err(out_of_validity(
                "RR App. 8 earth-station pattern",
                format!(
                    "Gmax {:.2} dBi is below G1 {g1_dbi:.2} dBi",
                    aperture.gain_dbi
                ),
            ));
        }
        let phi_r_deg = if dl >= 100.0 {
            15.85 * dl.powf(-0.6)
        } else {
            100.0 / dl
        };
        Ok(Self {
            aperture,
            coef_a,
            g1_dbi,
            phi_m_deg: main_lobe_angle_deg(aperture.gain_dbi, dl, g1_dbi),
            phi_r_deg,
            phi_b_deg: if coef_a == APP8_COEF_A {
                48.0
            } else {
                10f64.powf((coef_a + 10.0) / 25.0)
            },
        })
    }

    /// (G1 dBi, φm, φr, φb degrees).
    pub fn breakpoints(&self) -> (f64, f64, f64, f64) {
        (self.g1_dbi, self.phi_m_deg, self.phi_r_deg, self.phi_b_deg)
    }
}

impl AntennaPattern for App8EarthStation {
    fn gain_dbi(&self, off_axis_deg: f64) -> f64 {
        let phi = normalize_off_axis_deg(off_axis_deg);
        if phi.is_nan() {
            return f64::NAN;
        }
        let dl = self.aperture.d_over_lambda;
        let large = dl >= 100.0;
        if phi < self.phi_m_deg {
            main_lobe_dbi(self.aperture.gain_dbi, dl, phi)
        } else if phi < self.phi_m_deg.max(self.phi_r_deg) {
            self.g1_dbi
        } else if phi < self.phi_b_deg {
            if large {
                self.coef_a - 25.0 * phi.log10()
            } else {
                self.coef_a + 20.0 - 10.0 * dl.log10() - 25.0 * phi.log10()
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
        "RR App. 8 earth station"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn coefficient_32_breakpoints() {
        // App. 8 proper (APERR_001V01). D/λ = 200, Gmax = 53.721:
        // G1 = 2 + 15 log 200 = 2 + 34.5154 = 36.5154,
        // φm = 20/200·√(53.721 − 36.5154) = 0.1·√17.2056 = 0.414796°,
        // φr = 15.85·200^−0.6 = 0.659798°, φb = 48°.
        let p = App8EarthStation::appendix8(Aperture::new(53.721, 200.0).unwrap()).unwrap();
        let (g1, pm, pr, pb) = p.breakpoints();
        close(g1, 36.5154, 1e-4);
        close(pm, 0.414796, 1e-5);
        close(pr, 0.659798, 1e-5);
        close(pb, 48.0, 1e-12);
        close(p.gain_dbi(0.5), 36.5154, 1e-4);
        // 10°: 32 − 25 = 7 dBi.
        close(p.gain_dbi(10.0), 7.0, 1e-9);
        // 47.9°: 32 − 25 log 47.9 = 32 − 25·1.680336 = −10.0084 dBi (still the
        // side-lobe law: App. 8 switches to −10 dBi at 48°, not at 47.86°).
        close(p.gain_dbi(47.9), -10.0084, 1e-3);
        close(p.gain_dbi(48.0), -10.0, 1e-12);
        close(p.gain_dbi(120.0), -10.0, 1e-12);
    }

    #[test]
    fn coefficient_29_breakpoints() {
        // D/λ = 200: G1 = 29 − 30 + 34.5154 = 33.5154;
        // φm = 0.1·√(53.721 − 33.5154) = 0.1·√20.2056 = 0.449506°;
        // φb = 10^(39/25) = 10^1.56 = 36.3078°.
        let p = App8EarthStation::new(Aperture::new(53.721, 200.0).unwrap(), 29.0).unwrap();
        let (g1, pm, _, pb) = p.breakpoints();
        close(g1, 33.5154, 1e-4);
        close(pm, 0.449506, 1e-5);
        close(pb, 36.3078, 1e-4);
        close(p.gain_dbi(0.6), 33.5154, 1e-4);
        // 10°: 29 − 25 = 4 dBi; 36.3°: 29 − 25·1.559907 = −9.9977; 40°: −10.
        close(p.gain_dbi(10.0), 4.0, 1e-9);
        close(p.gain_dbi(36.3), -9.9977, 1e-3);
        close(p.gain_dbi(40.0), -10.0, 1e-12);
    }

    #[test]
    fn small_antenna_uses_100_lambda_over_d() {
        // App. 8, D/λ = 50, Gmax 41.6794: G1 = 2 + 15 log 50 = 27.4846, φr = 100/50 = 2°,
        // G(10°) = 52 − 10 log 50 − 25 = 52 − 16.9897 − 25 = 10.0103;
        // G(40°) = 52 − 16.9897 − 25·1.60206 = −5.0412; beyond 48°: 10 − 16.9897 = −6.9897 dBi.
        let p = App8EarthStation::new(Aperture::new(41.6794, 50.0).unwrap(), 32.0).unwrap();
        close(p.gain_dbi(10.0), 10.0103, 1e-4);
        // φm = 0.4·√(41.6794 − 27.4846) = 1.5071°, so 1.8° is on the G1 shelf.
        close(p.gain_dbi(1.8), 27.4846, 1e-4);
        close(p.gain_dbi(40.0), -5.0412, 1e-4);
        close(p.gain_dbi(60.0), -6.9897, 1e-4);
        assert!(App8EarthStation::new(Aperture::new(41.6794, 50.0).unwrap(), 30.0).is_err());
        // The BR pattern is defined only above 9.3 dBi.
        assert!(App8EarthStation::appendix8(Aperture::new(9.0, 1.1).unwrap()).is_err());
    }
}
