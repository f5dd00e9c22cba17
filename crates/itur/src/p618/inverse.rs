//! The inverse problem: the percentage of an average year during which a
//! given attenuation is exceeded, by inverting the monotonic p → A(p)
//! relations of ITU-R P.618-13 §2.2.1.1 (rain) and §2.5 (total).
//!
//! # References
//! ITU-R P.618-13 §2.2.1.1 eq. (8) and §2.5 eq. (64); bisection in ln p.

use super::rain::{RainOverrides, rain_attenuation};
use super::total::{TotalInput, total_attenuation};
use crate::Result;
use crate::error::check_range;
use crate::maps::Maps;

/// Result of an inversion.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Exceedance {
    /// The percentage of time (%) the attenuation is exceeded.
    Pct(f64),
    /// The attenuation is exceeded less often than the model's lowest
    /// percentage (value given, %).
    BelowRange(f64),
    /// The attenuation is exceeded more often than the model's highest
    /// percentage (value given, %).
    AboveRange(f64),
}

fn invert(
    lo_p: f64,
    hi_p: f64,
    target: f64,
    mut a_of_p: impl FnMut(f64) -> Result<f64>,
) -> Result<Exceedance> {
    let a_lo = a_of_p(lo_p)?; // largest attenuation
    let a_hi = a_of_p(hi_p)?;
    if target > a_lo {
        return Ok(Exceedance::BelowRange(lo_p));
    }
    if target < a_hi {
        return Ok(Exceedance::AboveRange(hi_p));
    }
    let (mut l, mut h) = (lo_p.ln(), hi_p.ln());
    for _ in 0..60 {
        let m = 0.5 * (l + h);
        if a_of_p(m.exp())? > target {
            l = m;
        } else {
            h = m;
        }
        if h - l < 1e-9 {
            break;
        }
    }
    Ok(Exceedance::Pct((0.5 * (l + h)).exp()))
}

/// Percentage of time (0.001–5 %) the rain attenuation `a_db` is exceeded.
#[allow(clippy::too_many_arguments)]
pub fn rain_exceedance(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    freq_ghz: f64,
    elevation_deg: f64,
    tau_deg: f64,
    a_db: f64,
    ov: RainOverrides,
) -> Result<Exceedance> {
    check_range("a_db", a_db, 0.0, 1e4, "a non-negative attenuation in dB")?;
    invert(0.001, 5.0, a_db, |p| {
        Ok(rain_attenuation(
            maps,
            lat_deg,
            lon_deg,
            freq_ghz,
            elevation_deg,
            tau_deg,
            p,
            ov,
        )?
        .a_p_db)
    })
}

/// Percentage of time (0.001–50 %) the total attenuation `a_db` is
/// exceeded (`input.p_pct` is ignored).
pub fn total_exceedance(maps: &Maps, input: &TotalInput, a_db: f64) -> Result<Exceedance> {
    check_range("a_db", a_db, 0.0, 1e4, "a non-negative attenuation in dB")?;
    invert(0.001, 50.0, a_db, |p| {
        Ok(total_attenuation(maps, &TotalInput { p_pct: p, ..*input })?.a_total_db)
    })
}
