//! Water vapour: surface density and total columnar content,
//! ITU-R P.836-6.
//!
//! # References
//! ITU-R P.836-6 (2017) Annex 1 (surface water-vapour density ρ) and
//! Annex 2 (total columnar content V): at each of the four 1.125° grid
//! points around the location, the map value is scaled to the station
//! height, ρ_i · exp(−(alt − alt_i)/vsch_i) with alt_i from the P.836 TOPO
//! map (bicubic), then interpolated bilinearly, and finally interpolated
//! in ln p between the map levels.

use crate::error::{check_lat_lon, check_range};
use crate::maps::{MapId, Maps, level_bracket};
use crate::{Error, Result};

#[derive(Clone, Copy)]
enum Quantity {
    Rho,
    V,
}

fn value_at_level(
    maps: &Maps,
    q: Quantity,
    level: u8,
    lat_deg: f64,
    lon_deg: f64,
    alt_km: Option<f64>,
) -> Result<f64> {
    let data = maps.get(match q {
        Quantity::Rho => MapId::P836Rho(level),
        Quantity::V => MapId::P836V(level),
    })?;
    let Some(alt) = alt_km else {
        return Ok(data.bilinear(lat_deg, lon_deg));
    };
    let vsch = maps.get(MapId::P836Vsch(level))?;
    let topo = maps.p836_node_topography()?;
    let r = (lat_deg - data.lat0_deg()) / data.dlat_deg();
    let mut dl = (lon_deg - data.lon0_deg()).rem_euclid(360.0);
    if dl.is_nan() {
        dl = 0.0;
    }
    let c = dl / data.dlon_deg();
    let r = r.clamp(0.0, (data.nlat() - 1) as f64);
    let ri = (r.floor() as i64).min(data.nlat() as i64 - 2);
    let ci = c.floor() as i64;
    let (fr, fc) = (r - ri as f64, c - ci as f64);
    let mut acc = 0.0;
    for (di, dj, w) in [
        (0, 0, (1.0 - fr) * (1.0 - fc)),
        (1, 0, fr * (1.0 - fc)),
        (0, 1, (1.0 - fr) * fc),
        (1, 1, fr * fc),
    ] {
        let (i, j) = (ri + di, ci + dj);
        let alt_i = topo.node(i, j);
        let v = data.node(i, j) * (-(alt - alt_i) / vsch.node(i, j)).exp();
        acc += w * v;
    }
    Ok(acc)
}

fn interpolate(
    maps: &Maps,
    q: Quantity,
    lat_deg: f64,
    lon_deg: f64,
    p_pct: f64,
    alt_km: Option<f64>,
) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    if let Some(a) = alt_km {
        check_range("alt_km", a, -1.0, 10.0, "a station height in [-1, 10] km")?;
    }
    let (lo, hi, w) = level_bracket(p_pct).ok_or(Error::InvalidInput {
        name: "p_pct",
        value: p_pct,
        expected: "a percentage in [0.1, 99]",
    })?;
    let a = value_at_level(maps, q, lo, lat_deg, lon_deg, alt_km)?;
    if lo == hi {
        return Ok(a);
    }
    let b = value_at_level(maps, q, hi, lat_deg, lon_deg, alt_km)?;
    Ok(a + (b - a) * w)
}

/// Surface water-vapour density (g/m³) exceeded `p_pct` % of an average
/// year (0.1 ≤ p ≤ 99) at a station of height `alt_km` above mean sea
/// level (`None`: the map's own surface).
///
/// # References
/// ITU-R P.836-6 Annex 1.
pub fn surface_water_vapour_density_g_m3(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    p_pct: f64,
    alt_km: Option<f64>,
) -> Result<f64> {
    interpolate(maps, Quantity::Rho, lat_deg, lon_deg, p_pct, alt_km)
}

/// Total columnar water-vapour content (kg/m²) exceeded `p_pct` % of an
/// average year (0.1 ≤ p ≤ 99) at height `alt_km` (`None`: the map's
/// surface).
///
/// # References
/// ITU-R P.836-6 Annex 2.
pub fn total_water_vapour_content_kg_m2(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    p_pct: f64,
    alt_km: Option<f64>,
) -> Result<f64> {
    interpolate(maps, Quantity::V, lat_deg, lon_deg, p_pct, alt_km)
}
