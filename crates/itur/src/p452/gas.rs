//! Gaseous attenuation along a terrestrial path for ITU-R P.452-18.
//!
//! # References
//! ITU-R P.452-18 Annex 1 §4.1 eq. (9): A_g = [γ_o + γ_w(ρ)]·d, with the
//! specific attenuations of dry air and water vapour from ITU-R P.676
//! Annex 1 (line-by-line, here P.676-12), at the surface pressure and
//! temperature of the path. The water-vapour density is
//! ρ = 7.5 + 2.5·ω g/m³ (eq. (9a)) for line-of-sight and ducting, and
//! 3 g/m³ for tropospheric scatter (§4.3).

use crate::p676::annex1::{gamma_oxygen_unchecked, gamma_water_unchecked};

/// Water-vapour density (g/m³) for a path whose sea fraction is `omega`,
/// P.452-18 eq. (9a).
pub fn water_vapour_density_g_m3(omega: f64) -> f64 {
    7.5 + 2.5 * omega
}

/// Specific gaseous attenuation γ_o + γ_w (dB/km) at `freq_ghz`, pressure
/// `press_hpa`, temperature `temp_c` and water-vapour density `rho_g_m3`.
pub fn specific_attenuation_db_km(
    freq_ghz: f64,
    press_hpa: f64,
    temp_c: f64,
    rho_g_m3: f64,
) -> f64 {
    let t_k = temp_c + 273.15;
    gamma_oxygen_unchecked(freq_ghz, press_hpa, rho_g_m3, t_k)
        + gamma_water_unchecked(freq_ghz, press_hpa, rho_g_m3, t_k)
}
