//! Reference standard atmospheres, ITU-R P.835-6 §1 (mean annual global
//! reference atmosphere).
//!
//! # References
//! ITU-R P.835-6 (2017) §1.1 equations (1a)–(6) (temperature and pressure,
//! geometric height converted to geopotential height) and §1.2 equation (7)
//! (water-vapour density, scale height 2 km).

use crate::Result;
use crate::error::check_range;

/// Geometric height (km) → geopotential height (km), P.835-6 eq. (1a).
fn geopotential_km(h_km: f64) -> f64 {
    6356.766 * h_km / (6356.766 + h_km)
}

fn check_h(h_km: f64) -> Result<f64> {
    check_range("height_km", h_km, -1.0, 100.0, "a height in [-1, 100] km")
}

/// Standard temperature (K) at geometric height `height_km`.
///
/// # References
/// ITU-R P.835-6 §1.1 eqs. (2a)–(2g), (4a)–(4b).
pub fn standard_temperature_k(height_km: f64) -> Result<f64> {
    let h = check_h(height_km)?;
    let hp = geopotential_km(h);
    Ok(if hp < 11.0 {
        288.15 - 6.5 * hp
    } else if hp < 20.0 {
        216.65
    } else if hp < 32.0 {
        216.65 + (hp - 20.0)
    } else if hp < 47.0 {
        228.65 + 2.8 * (hp - 32.0)
    } else if hp < 51.0 {
        270.65
    } else if hp < 71.0 {
        270.65 - 2.8 * (hp - 51.0)
    } else if hp <= 84.852 {
        214.65 - 2.0 * (hp - 71.0)
    } else {
        // 86-100 km (geometric), eq. (4a)/(4b)
        if h < 91.0 {
            186.8673
        } else {
            263.1905 - 76.3232 * (1.0 - ((h - 91.0) / 19.9429).powi(2)).max(0.0).sqrt()
        }
    })
}

/// Standard (dry) pressure (hPa) at geometric height `height_km`.
///
/// # References
/// ITU-R P.835-6 §1.1 eqs. (3a)–(3g), (5).
pub fn standard_pressure_hpa(height_km: f64) -> Result<f64> {
    let h = check_h(height_km)?;
    let hp = geopotential_km(h);
    Ok(if hp < 11.0 {
        1013.25 * (288.15 / (288.15 - 6.5 * hp)).powf(-34.1632 / 6.5)
    } else if hp < 20.0 {
        226.3226 * (-34.1632 * (hp - 11.0) / 216.65).exp()
    } else if hp < 32.0 {
        54.74980 * (216.65 / (216.65 + (hp - 20.0))).powf(34.1632)
    } else if hp < 47.0 {
        8.680422 * (228.65 / (228.65 + 2.8 * (hp - 32.0))).powf(34.1632 / 2.8)
    } else if hp < 51.0 {
        1.109106 * (-34.1632 * (hp - 47.0) / 270.65).exp()
    } else if hp < 71.0 {
        0.6694167 * (270.65 / (270.65 - 2.8 * (hp - 51.0))).powf(-34.1632 / 2.8)
    } else if hp <= 84.852 {
        0.03956649 * (214.65 / (214.65 - 2.0 * (hp - 71.0))).powf(-34.1632 / 2.0)
    } else {
        // eq. (5)
        let (a0, a1, a2, a3, a4) = (95.571899, -4.011801, 6.424731e-2, -4.789660e-4, 1.340543e-6);
        (a0 + a1 * h + a2 * h * h + a3 * h.powi(3) + a4 * h.powi(4)).exp()
    })
}

/// Standard water-vapour density (g/m³) at `height_km` given the surface
/// density `rho0_g_m3` (P.835-6 eq. (7), scale height 2 km).
pub fn standard_water_vapour_density_g_m3(height_km: f64, rho0_g_m3: f64) -> Result<f64> {
    let h = check_h(height_km)?;
    check_range("rho0_g_m3", rho0_g_m3, 0.0, 1e3, "a non-negative density")?;
    Ok(rho0_g_m3 * (-h / 2.0).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sea_level_and_valex_pressure() {
        assert!((standard_pressure_hpa(0.0).unwrap() - 1013.25).abs() < 1e-9);
        assert!((standard_temperature_k(0.0).unwrap() - 288.15).abs() < 1e-9);
        // P.618-13 ValEx (London, hs = 0.031382984 km): P = 1009.485612 hPa.
        let p = standard_pressure_hpa(0.031382984).unwrap();
        assert!((p - 1009.485612).abs() < 1e-3, "{p}");
        assert!(standard_pressure_hpa(f64::NAN).is_err());
    }
}
