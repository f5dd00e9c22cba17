//! Decibels, Boltzmann's constant, wavelength.

/// Boltzmann's constant, J/K (SI 2019 exact value).
pub const BOLTZMANN_J_PER_K: f64 = 1.380_649e-23;

/// Speed of light in vacuum, m/s (SI exact).
pub const SPEED_OF_LIGHT_M_S: f64 = 299_792_458.0;

/// 10 log10(x).
pub fn lin_to_db(x: f64) -> f64 {
    10.0 * x.log10()
}

/// 10^(x/10).
pub fn db_to_lin(x_db: f64) -> f64 {
    10f64.powf(x_db / 10.0)
}

/// Wavelength in metres of `freq_ghz`.
pub fn wavelength_m(freq_ghz: f64) -> f64 {
    SPEED_OF_LIGHT_M_S / (freq_ghz * 1e9)
}

/// Thermal noise power `10 log10(k T B)`, dBW.
///
/// # Units
/// `noise_temp_k` in K, `bandwidth_hz` in Hz; result in dBW.
pub fn noise_power_dbw(noise_temp_k: f64, bandwidth_hz: f64) -> f64 {
    lin_to_db(BOLTZMANN_J_PER_K * noise_temp_k * bandwidth_hz)
}

/// Power sum of decibel values: `10 log10(Σ 10^(x/10))`; −∞ for an empty list.
pub fn power_sum_db(values_db: impl IntoIterator<Item = f64>) -> f64 {
    lin_to_db(values_db.into_iter().map(db_to_lin).sum::<f64>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ktb_of_290k_in_1hz() {
        // k·290 = 4.004e-21 W → −203.98 dBW.
        assert!((noise_power_dbw(290.0, 1.0) + 203.975).abs() < 1e-3);
    }

    #[test]
    fn power_sum_of_two_equal_terms_adds_3db() {
        assert!((power_sum_db([-100.0, -100.0]) + 96.9897).abs() < 1e-4);
        assert!(power_sum_db([]).is_infinite());
    }
}
