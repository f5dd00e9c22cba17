//! Free-space basic transmission loss.

use crate::error::{Result, check_positive};
use crate::units::{SPEED_OF_LIGHT_M_S, lin_to_db};

/// Free-space basic transmission loss between isotropic antennas,
/// `L_bf = 20·log10(4π d / λ)` (≈ 92.45 + 20·log10 f_GHz + 20·log10 d_km).
///
/// # Units
/// `distance_km` in km, `freq_ghz` in GHz; result in dB.
///
/// # References
/// ITU-R P.525-4, eq. (6).
///
/// # Examples
/// ```
/// let l = silkway_link::free_space_loss_db(37_539.4, 12.0).unwrap();
/// assert!((l - 205.52).abs() < 0.01);
/// ```
pub fn free_space_loss_db(distance_km: f64, freq_ghz: f64) -> Result<f64> {
    check_positive("distance_km", distance_km)?;
    check_positive("freq_ghz", freq_ghz)?;
    let lambda_m = SPEED_OF_LIGHT_M_S / (freq_ghz * 1e9);
    Ok(2.0 * lin_to_db(4.0 * std::f64::consts::PI * distance_km * 1e3 / lambda_m))
}

/// Spreading loss `10·log10(4π d²)` (dB·m²) converting EIRP (dBW) to power
/// flux density (dBW/m²).
///
/// # References
/// Maral & Bousquet, 5th ed., §5.2.1 (power flux density).
pub fn spreading_loss_db_m2(distance_km: f64) -> Result<f64> {
    check_positive("distance_km", distance_km)?;
    let d_m = distance_km * 1e3;
    Ok(lin_to_db(4.0 * std::f64::consts::PI * d_m * d_m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p525_shortcut_form() {
        // P.525-4 eq. (6): 32.4 + 20 log f(MHz) + 20 log d(km).
        // 12 000 MHz, 37 539.4 km: 32.45 + 81.584 + 91.490 = 205.52 dB.
        let l = free_space_loss_db(37_539.4, 12.0).unwrap();
        assert!((l - 205.52).abs() < 0.01, "{l}");
        let shortcut = 32.447_8 + 20.0 * 12_000f64.log10() + 20.0 * 37_539.4f64.log10();
        assert!((l - shortcut).abs() < 1e-3);
    }

    #[test]
    fn spreading_loss_geo() {
        // 4π (3.75394e7 m)² = 1.7709e16 m² → 162.48 dB·m².
        let s = spreading_loss_db_m2(37_539.4).unwrap();
        assert!((s - 162.48).abs() < 0.01, "{s}");
    }

    #[test]
    fn rejects_zero() {
        assert!(free_space_loss_db(0.0, 12.0).is_err());
        assert!(free_space_loss_db(1.0, -1.0).is_err());
    }
}
