//! Rain height model, ITU-R P.839-4.
//!
//! # References
//! ITU-R P.839-4 (2013) §2: mean annual 0 °C isotherm height h0 from the
//! digital map (1.5° grid, bilinear interpolation), eq. (1):
//! h_R = h0 + 0.36 km.

use crate::Result;
use crate::error::check_lat_lon;
use crate::maps::{MapId, Maps};

/// Mean annual 0 °C isotherm height above mean sea level (km).
pub fn isotherm_0c_height_km(maps: &Maps, lat_deg: f64, lon_deg: f64) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    Ok(maps.get(MapId::P839H0)?.bilinear(lat_deg, lon_deg))
}

/// Mean annual rain height above mean sea level (km), P.839-4 eq. (1).
pub fn rain_height_km(maps: &Maps, lat_deg: f64, lon_deg: f64) -> Result<f64> {
    Ok(isotherm_0c_height_km(maps, lat_deg, lon_deg)? + 0.36)
}
