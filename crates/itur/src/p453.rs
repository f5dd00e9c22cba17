//! The radio refractive index, ITU-R P.453-14: wet term of the surface
//! refractivity, Nwet.
//!
//! # References
//! - ITU-R P.453-14 (2019) §1 eq. (4): N_wet = 72 e/T + 3.75·10⁵ e/T².
//! - ITU-R P.453-14 §2.2: maps of N_wet exceeded for p % of an average year
//!   (0.75° grid, bilinear interpolation), interpolated in ln p between the
//!   map levels.

use crate::error::{check_lat_lon, check_range};
use crate::maps::{MapId, Maps, level_bracket};
use crate::{Error, Result};

/// Wet term of the radio refractivity (N-units) from the water-vapour
/// pressure `e_hpa` and temperature `temperature_k`, P.453-14 eq. (4).
pub fn wet_refractivity(e_hpa: f64, temperature_k: f64) -> Result<f64> {
    check_range(
        "e_hpa",
        e_hpa,
        0.0,
        2000.0,
        "a vapour pressure in [0, 2000] hPa",
    )?;
    check_range(
        "temperature_k",
        temperature_k,
        1.0,
        1000.0,
        "a temperature in K",
    )?;
    Ok(72.0 * e_hpa / temperature_k + 3.75e5 * e_hpa / (temperature_k * temperature_k))
}

/// Wet term of the surface refractivity (N-units) exceeded `p_pct` % of an
/// average year, from the P.453-14 maps, 0.1 ≤ p ≤ 99.
pub fn map_wet_refractivity(maps: &Maps, lat_deg: f64, lon_deg: f64, p_pct: f64) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    let (lo, hi, w) = level_bracket(p_pct).ok_or(Error::InvalidInput {
        name: "p_pct",
        value: p_pct,
        expected: "a percentage in [0.1, 99]",
    })?;
    let a = maps.get(MapId::P453Nwet(lo))?.bilinear(lat_deg, lon_deg);
    if lo == hi {
        return Ok(a);
    }
    let b = maps.get(MapId::P453Nwet(hi))?.bilinear(lat_deg, lon_deg);
    Ok(a + (b - a) * w)
}
