//! Attenuation due to clouds and fog, ITU-R P.840-8.
//!
//! # References
//! - ITU-R P.840-8 (2019) §2: specific attenuation coefficient K_l from
//!   the double-Debye model of the permittivity of water, eqs. (2)–(9).
//! - ITU-R P.840-8 §3: slant-path cloud attenuation A = L_red K_l(f, 273.15)
//!   / sin θ, eq. (11), with the reduced columnar liquid water L_red from
//!   the digital maps (1.125° grid, bilinear, ln p interpolation), for
//!   5° ≤ θ ≤ 90°.

use crate::error::{check_lat_lon, check_range};
use crate::maps::{MapId, Maps, level_bracket};
use crate::{Error, Result};

/// Cloud liquid-water specific attenuation coefficient K_l
/// ((dB/km)/(g/m³)) at `freq_ghz` (≤ 1000 GHz) and `temperature_k`.
///
/// # References
/// ITU-R P.840-8 §2 eqs. (2)–(9).
pub fn specific_coefficient(freq_ghz: f64, temperature_k: f64) -> Result<f64> {
    let f = check_range(
        "freq_ghz",
        freq_ghz,
        1e-3,
        1000.0,
        "a frequency in (0, 1000] GHz",
    )?;
    let t = check_range(
        "temperature_k",
        temperature_k,
        150.0,
        400.0,
        "a temperature in K",
    )?;
    let theta = 300.0 / t;
    let e0 = 77.66 + 103.3 * (theta - 1.0);
    let e1 = 0.0671 * e0;
    let e2 = 3.52;
    let fp = 20.20 - 146.0 * (theta - 1.0) + 316.0 * (theta - 1.0) * (theta - 1.0);
    let fs = 39.8 * fp;
    let e_im = f * (e0 - e1) / (fp * (1.0 + (f / fp).powi(2)))
        + f * (e1 - e2) / (fs * (1.0 + (f / fs).powi(2)));
    let e_re = (e0 - e1) / (1.0 + (f / fp).powi(2)) + (e1 - e2) / (1.0 + (f / fs).powi(2)) + e2;
    let eta = (2.0 + e_re) / e_im;
    Ok(0.819 * f / (e_im * (1.0 + eta * eta)))
}

/// Reduced total columnar cloud liquid water L_red (kg/m²) exceeded
/// `p_pct` % of an average year, 0.1 ≤ p ≤ 99.
///
/// # References
/// ITU-R P.840-8 §3.
pub fn reduced_liquid_kg_m2(maps: &Maps, lat_deg: f64, lon_deg: f64, p_pct: f64) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    let (lo, hi, w) = level_bracket(p_pct).ok_or(Error::InvalidInput {
        name: "p_pct",
        value: p_pct,
        expected: "a percentage in [0.1, 99]",
    })?;
    let a = maps.get(MapId::P840Lred(lo))?.bilinear(lat_deg, lon_deg);
    if lo == hi {
        return Ok(a);
    }
    let b = maps.get(MapId::P840Lred(hi))?.bilinear(lat_deg, lon_deg);
    Ok(a + (b - a) * w)
}

/// Slant-path cloud attenuation (dB) exceeded `p_pct` % of an average
/// year (0.1 ≤ p ≤ 99), elevation 5°–90°.
///
/// # References
/// ITU-R P.840-8 §3 eq. (11).
pub fn cloud_attenuation_db(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    elevation_deg: f64,
    freq_ghz: f64,
    p_pct: f64,
) -> Result<f64> {
    check_range(
        "elevation_deg",
        elevation_deg,
        5.0,
        90.0,
        "an elevation in [5, 90] degrees",
    )?;
    let kl = specific_coefficient(freq_ghz, 273.15)?;
    let lred = reduced_liquid_kg_m2(maps, lat_deg, lon_deg, p_pct)?;
    Ok(lred * kl / elevation_deg.to_radians().sin())
}
