//! Tropospheric scatter, ITU-R P.452-18 Annex 1 §4.3.
//!
//! # References
//! ITU-R P.452-18 §4.3 eq. (45): basic transmission loss due to
//! troposcatter L_bs, with the frequency-dependent loss L_f (eq. (45a)),
//! the aperture-to-medium coupling loss L_c (eq. (45b)), and the gaseous
//! attenuation A_g of eq. (9) for a water-vapour density of 3 g/m³.

/// Water-vapour density used for the troposcatter gaseous attenuation
/// (g/m³), §4.3.
pub const TROPOSCATTER_RHO_G_M3: f64 = 3.0;

/// Troposcatter basic transmission loss L_bs (dB) not exceeded p % of the
/// time, eq. (45).
///
/// `theta_mrad` is the path angular distance (eq. (159)), `n0` the
/// sea-level surface refractivity at the path centre, `gains_dbi` the sum
/// G_t + G_r of the antenna gains toward the horizon along the path, and `gamma_db_km` the specific
/// gaseous attenuation at ρ = 3 g/m³.
pub fn troposcatter_db(
    dtot_km: f64,
    theta_mrad: f64,
    freq_ghz: f64,
    p_pct: f64,
    n0: f64,
    gains_dbi: f64,
    gamma_db_km: f64,
) -> f64 {
    let lf = 25.0 * freq_ghz.log10() - 2.5 * (freq_ghz / 2.0).log10().powi(2); // (45a)
    let lc = 0.051 * (0.055 * gains_dbi).exp(); // (45b)
    let ag = gamma_db_km * dtot_km; // (9)
    190.0 + lf + 20.0 * dtot_km.log10() + 0.573 * theta_mrad - 0.15 * n0 + lc + ag
        - 10.1 * (-(p_pct / 50.0).log10()).powf(0.7) // (45)
}
