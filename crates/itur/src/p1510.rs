//! Mean surface temperature, ITU-R P.1510-1.
//!
//! # References
//! ITU-R P.1510-1 (2017) §2 (annual mean surface temperature map, 0.75°
//! grid, bilinear interpolation per P.1144) and §3 (monthly means).

use crate::Result;
use crate::error::{check_lat_lon, check_range};
use crate::maps::{MapId, Maps};

/// Annual mean surface temperature (K) at 2 m above the surface.
///
/// # References
/// ITU-R P.1510-1 §2.
pub fn surface_mean_temperature_k(maps: &Maps, lat_deg: f64, lon_deg: f64) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    Ok(maps.get(MapId::P1510TAnnual)?.bilinear(lat_deg, lon_deg))
}

/// Monthly mean surface temperature (K), `month` in 1..=12.
///
/// # References
/// ITU-R P.1510-1 §3.
pub fn surface_month_mean_temperature_k(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    month: u8,
) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    check_range("month", f64::from(month), 1.0, 12.0, "a month in 1..=12")?;
    Ok(maps
        .get(MapId::P1510TMonth(month))?
        .bilinear(lat_deg, lon_deg))
}
