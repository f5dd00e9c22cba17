//! Topography for Earth-to-space propagation modelling, ITU-R P.1511-2.
//!
//! # References
//! ITU-R P.1511-2 (2019) §2: topographic height above mean sea level on a
//! 1/12° grid (file TOPO.dat), bicubic interpolation per P.1144-10 Annex 1.

use crate::Result;
use crate::error::check_lat_lon;
use crate::maps::{MapId, Maps};

/// Topographic height above mean sea level (km).
///
/// # References
/// ITU-R P.1511-2 §2.
pub fn topographic_height_km(maps: &Maps, lat_deg: f64, lon_deg: f64) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    Ok(maps.get(MapId::P1511Topo)?.bicubic(lat_deg, lon_deg) / 1000.0)
}
