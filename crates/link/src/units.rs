//! Decibel conversions and physical constants.
//!
//! Quantities are plain `f64` with the unit in the name: `gain_dbi`,
//! `eirp_dbw`, `gt_dbk` (dB/K), `cn0_dbhz` (dB·Hz), `t_sys_k`, `freq_ghz`.

/// Speed of light in vacuum (m/s), exact by the SI definition.
pub const SPEED_OF_LIGHT_M_S: f64 = 299_792_458.0;

/// Boltzmann's constant (J/K), exact by the 2019 SI definition.
pub const BOLTZMANN_J_K: f64 = 1.380_649e-23;

/// Boltzmann's constant in dB(W/(K·Hz)): 10·log10(k) ≈ −228.60.
///
/// # Units
/// dBW/(K·Hz)
pub fn boltzmann_dbw_per_k_hz() -> f64 {
    lin_to_db(BOLTZMANN_J_K)
}

/// Reference temperature for noise figures (K), IEEE / ITU-R convention.
pub const T0_K: f64 = 290.0;

/// Minutes in an average year (365.25 days).
pub const MINUTES_PER_YEAR: f64 = 365.25 * 24.0 * 60.0;

/// Power ratio → dB: 10·log10(x).
pub fn lin_to_db(x: f64) -> f64 {
    10.0 * x.log10()
}

/// dB → power ratio: 10^(x/10).
pub fn db_to_lin(x_db: f64) -> f64 {
    10f64.powf(x_db / 10.0)
}

/// Wavelength (m) of a frequency given in GHz.
pub fn wavelength_m(freq_ghz: f64) -> f64 {
    SPEED_OF_LIGHT_M_S / (freq_ghz * 1e9)
}

/// Combines ratios given in dB as the inverse sum of their linear values:
/// `(C/N)_tot⁻¹ = Σ (C/N)_i⁻¹`.
///
/// Used for C/N0, C/N and C/I terms alike (end-to-end through a transparent
/// transponder, and C/(N+I)).
///
/// # References
/// G. Maral, M. Bousquet, *Satellite Communications Systems*, 5th ed., §5.9
/// (overall link performance with a transparent satellite).
///
/// An empty slice gives `+∞` (no impairment).
pub fn combine_inverse_db(terms_db: &[f64]) -> f64 {
    let sum: f64 = terms_db.iter().map(|t| db_to_lin(-t)).sum();
    -lin_to_db(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boltzmann_is_minus_228_6() {
        assert!((boltzmann_dbw_per_k_hz() + 228.599_1).abs() < 1e-3);
    }

    #[test]
    fn combining_two_equal_terms_loses_3db() {
        // 10 dB and 10 dB: 0.1 + 0.1 = 0.2 → 6.99 dB.
        let c = combine_inverse_db(&[10.0, 10.0]);
        assert!((c - 6.9897).abs() < 1e-3);
        assert!(combine_inverse_db(&[]).is_infinite());
    }
}
