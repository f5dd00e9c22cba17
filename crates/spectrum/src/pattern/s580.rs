//! ITU-R S.580-6: earth-station side-lobe design objective (D/λ ≥ 50).

use super::{
    AntennaPattern, Aperture, main_lobe_beamwidth_deg, main_lobe_dbi, normalize_off_axis_deg,
};
use crate::error::{Result, out_of_validity};

/// ITU-R S.580-6 earth-station design-objective envelope.
///
/// - `29 − 25 log φ` for φmin ≤ φ ≤ 20°, φmin = max(1°, 100 λ/D);
/// - `−3.5 dBi` for 20° < φ ≤ 26.3°;
/// - `32 − 25 log φ` for 26.3° < φ ≤ 48°;
/// - `−10 dBi` for 48° < φ ≤ 180°.
///
/// The main beam (φ < φmin) is not defined by the Recommendation; as for
/// [`super::S465`], the main-lobe law floored at the level at φmin is used.
///
/// # References
/// ITU-R S.580-6 (01/2004), *recommends* 1–3 (applies to D/λ ≥ 50).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct S580 {
    aperture: Aperture,
    phi_min_deg: f64,
}

impl S580 {
    /// The envelope of an antenna with this aperture.
    ///
    /// # Errors
    /// [`crate::Error::OutOfValidity`] for D/λ < 50.
    pub fn new(aperture: Aperture) -> Result<Self> {
        let dl = aperture.d_over_lambda;
        if dl < 50.0 {
            return Err(out_of_validity(
                "ITU-R S.580-6",
                format!("applies to D/λ ≥ 50, found {dl:.2}"),
            ));
        }
        Ok(Self {
            aperture,
            phi_min_deg: (100.0 / dl).max(1.0),
        })
    }

    /// φmin, degrees.
    pub fn phi_min_deg(&self) -> f64 {
        self.phi_min_deg
    }
}

impl AntennaPattern for S580 {
    fn gain_dbi(&self, off_axis_deg: f64) -> f64 {
        let phi = normalize_off_axis_deg(off_axis_deg);
        if phi.is_nan() {
            return f64::NAN;
        }
        let gmax = self.aperture.gain_dbi;
        let g = if phi < self.phi_min_deg {
            let floor = 29.0 - 25.0 * self.phi_min_deg.log10();
            main_lobe_dbi(gmax, self.aperture.d_over_lambda, phi).max(floor)
        } else if phi <= 20.0 {
            29.0 - 25.0 * phi.log10()
        } else if phi <= 26.3 {
            -3.5
        } else if phi <= 48.0 {
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
        "ITU-R S.580-6"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn breakpoints() {
        // D/λ = 150: φmin = max(1, 100/150 = 0.667) = 1°.
        let p = S580::new(Aperture::new(51.2, 150.0).unwrap()).unwrap();
        // 1°: 29 − 0 = 29 dBi.
        close(p.gain_dbi(1.0), 29.0, 1e-9);
        // 10°: 29 − 25 = 4 dBi.
        close(p.gain_dbi(10.0), 4.0, 1e-9);
        // 20°: 29 − 25 log 20 = 29 − 25·1.30103 = −3.526 dBi.
        close(p.gain_dbi(20.0), -3.526, 1e-3);
        // 20.01° and 26.3°: −3.5 dBi.
        close(p.gain_dbi(20.01), -3.5, 1e-12);
        close(p.gain_dbi(26.3), -3.5, 1e-12);
        // 26.31°: 32 − 25 log 26.31 = 32 − 25·1.420121 = −3.503 dBi.
        close(p.gain_dbi(26.31), -3.503, 1e-3);
        // 48°: 32 − 25 log 48 = 32 − 25·1.681241 = −10.031 dBi; beyond: −10.
        close(p.gain_dbi(48.0), -10.031, 1e-3);
        close(p.gain_dbi(48.01), -10.0, 1e-12);
        close(p.gain_dbi(180.0), -10.0, 1e-12);
    }

    #[test]
    fn phi_min_of_a_60_lambda_dish_and_scope() {
        // D/λ = 60: φmin = 100/60 = 1.6667°; G = 29 − 25·0.221849 = 23.4538 dBi.
        let p = S580::new(Aperture::new(43.3, 60.0).unwrap()).unwrap();
        close(p.gain_dbi(1.666_667), 23.4538, 1e-3);
        assert!(matches!(
            S580::new(Aperture::new(38.0, 40.0).unwrap()),
            Err(crate::Error::OutOfValidity { .. })
        ));
    }
}
