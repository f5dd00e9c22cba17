//! Free-space attenuation, ITU-R P.525-4.
//!
//! # References
//! ITU-R P.525-4 (2019) §2.1, equation (6): basic transmission loss
//! L_bf = 92.45 + 20 log f(GHz) + 20 log d(km).

use crate::Result;
use crate::error::check_range;

/// Free-space basic transmission loss (dB) at `freq_ghz` over
/// `distance_km`.
///
/// # Examples
/// ```
/// let l = silkway_itur::p525::free_space_loss_db(1.0, 1.0).unwrap();
/// assert!((l - 92.45).abs() < 1e-9);
/// ```
///
/// # References
/// ITU-R P.525-4 §2.1 eq. (6).
pub fn free_space_loss_db(freq_ghz: f64, distance_km: f64) -> Result<f64> {
    check_range(
        "freq_ghz",
        freq_ghz,
        1e-9,
        f64::MAX,
        "a positive frequency in GHz",
    )?;
    check_range(
        "distance_km",
        distance_km,
        1e-12,
        f64::MAX,
        "a positive distance in km",
    )?;
    Ok(92.45 + 20.0 * freq_ghz.log10() + 20.0 * distance_km.log10())
}
