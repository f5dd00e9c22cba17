//! Earth-station gain toward the horizon (RR App. 7 Annex 3).

use crate::error::{Result, out_of_validity, positive};

/// The App. 7 reference earth-station pattern (App. 7 Annex 3 §3; ITU BR
/// antenna library `APERR_012V01`, "Appendix 7 Earth station antenna
/// pattern for the determination of the coordination area", originally
/// ITU-R SM.1448), for D/λ ≥ 35:
///
/// - D/λ from `20 log(D/λ) ≈ Gmax − 7.7`;
/// - `G1 = −1 + 15 log(D/λ)`, `φr = 15.85 (D/λ)^−0.6` for D/λ ≥ 100;
///   `G1 = −21 + 25 log(D/λ)`, `φr = 100 λ/D` for 35 ≤ D/λ < 100;
/// - `Gmax − 2.5×10⁻³ (D/λ φ)²` for φ < φm = 20 λ/D √(Gmax − G1);
/// - `G1` for φm ≤ φ < φr; `29 − 25 log φ` for φr ≤ φ < 36°; `−10` beyond.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct App7Pattern {
    gmax_dbi: f64,
    d_over_lambda: f64,
    g1_dbi: f64,
    phi_m_deg: f64,
    phi_r_deg: f64,
}

impl App7Pattern {
    /// The pattern of an antenna of boresight gain `gmax_dbi`.
    ///
    /// # Errors
    /// D/λ < 35 (the pattern's scope).
    pub fn new(gmax_dbi: f64) -> Result<Self> {
        positive("gmax_dbi", gmax_dbi)?;
        let dl = 10f64.powf((gmax_dbi - 7.7) / 20.0);
        if dl < 35.0 {
            return Err(out_of_validity(
                "RR App. 7 earth-station pattern",
                format!("needs D/λ ≥ 35 (Gmax ≥ 38.6 dBi), found D/λ {dl:.1}"),
            ));
        }
        let (g1_dbi, phi_r_deg) = if dl >= 100.0 {
            (-1.0 + 15.0 * dl.log10(), 15.85 * dl.powf(-0.6))
        } else {
            (-21.0 + 25.0 * dl.log10(), 100.0 / dl)
        };
        Ok(Self {
            gmax_dbi,
            d_over_lambda: dl,
            g1_dbi,
            phi_m_deg: 20.0 / dl * (gmax_dbi - g1_dbi).max(0.0).sqrt(),
            phi_r_deg,
        })
    }

    /// Gain at `phi_deg` off axis, dBi.
    pub fn gain_dbi(&self, phi_deg: f64) -> f64 {
        let phi = phi_deg.abs();
        if phi < self.phi_m_deg {
            self.gmax_dbi - 2.5e-3 * (self.d_over_lambda * phi).powi(2)
        } else if phi < self.phi_r_deg {
            self.g1_dbi
        } else if phi < 36.0 {
            29.0 - 25.0 * phi.log10()
        } else {
            -10.0
        }
    }
}

/// Angle between the main beam (azimuth `az_s`, elevation `el_s`) and the
/// horizon direction (azimuth `az`, elevation `el_h`), degrees
/// (App. 7 Annex 3 §2: `cos φ = cos ε cos εs cos(α − αs) + sin ε sin εs`).
pub fn off_axis_to_horizon_deg(az_deg: f64, el_h_deg: f64, az_s_deg: f64, el_s_deg: f64) -> f64 {
    crate::geometry::angle_between_deg(az_deg, el_h_deg, az_s_deg, el_s_deg)
}

/// Azimuth and elevation (degrees) of a geostationary satellite at
/// `sat_lon_deg` seen from (lat, lon, height), spherical Earth.
pub fn gso_look_angles_deg(
    lat_deg: f64,
    lon_deg: f64,
    height_m: f64,
    sat_lon_deg: f64,
) -> (f64, f64) {
    use crate::geometry::{ecef_km, gso_ecef_km};
    let es = ecef_km(lat_deg, lon_deg, height_m);
    let sat = gso_ecef_km(sat_lon_deg);
    let d = [sat[0] - es[0], sat[1] - es[1], sat[2] - es[2]];
    let (p, l) = (lat_deg.to_radians(), lon_deg.to_radians());
    let east = -l.sin() * d[0] + l.cos() * d[1];
    let north = -p.sin() * l.cos() * d[0] - p.sin() * l.sin() * d[1] + p.cos() * d[2];
    let up = p.cos() * l.cos() * d[0] + p.cos() * l.sin() * d[1] + p.sin() * d[2];
    let az = east.atan2(north).to_degrees().rem_euclid(360.0);
    let el = up.atan2(east.hypot(north)).to_degrees();
    (az, el)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breakpoints_of_a_large_antenna() {
        // Gmax 53.7 dBi: D/λ = 10^(46/20) = 199.526; G1 = −1 + 15·2.30000 = 33.5000;
        // φr = 15.85·199.526^−0.6 = 0.66074°; φm = 20/199.526·√(53.7 − 33.5) = 0.45052°.
        let p = App7Pattern::new(53.7).unwrap();
        assert!((p.gain_dbi(0.55) - 33.5).abs() < 1e-3);
        // 10°: 29 − 25 = 4 dBi; 35.9°: 29 − 25·1.555094 = −9.8774; 36°: −10.
        assert!((p.gain_dbi(10.0) - 4.0).abs() < 1e-9);
        assert!((p.gain_dbi(35.9) + 9.8774).abs() < 1e-3);
        assert!((p.gain_dbi(36.0) + 10.0).abs() < 1e-12);
        // Continuity at φr: 29 − 25 log φr = G1.
        let pr = 15.85 * 199.526f64.powf(-0.6);
        assert!((29.0 - 25.0 * pr.log10() - 33.5).abs() < 1e-3);
        assert!(App7Pattern::new(30.0).is_err());
    }

    #[test]
    fn baku_looks_south_at_46e() {
        // Baku (40.41N 49.87E) to 46E: azimuth a little west of south, elevation ≈ 43°
        // (FACTS.md: elevation ≈ 43.1° toward 46°E).
        let (az, el) = gso_look_angles_deg(40.41, 49.87, 0.0, 46.0);
        assert!((az - 185.9).abs() < 0.5, "{az}");
        assert!((el - 43.1).abs() < 0.3, "{el}");
    }
}
