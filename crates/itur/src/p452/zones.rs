//! Radio-climatic zone of a point from a land outline and its terrain
//! height, ITU-R P.452-18 Table 2.
//!
//! # References
//! ITU-R P.452-18 Annex 1 §3.2.1, Table 2: zone B (sea) — seas, oceans
//! and other large bodies of inland water (at least 100 km across); zone
//! A1 (coastal land) — land adjacent to a zone B area up to an altitude of
//! 100 m above the mean sea or water level, limited to 50 km from the
//! nearest zone B area; zone A2 (inland) — all other land.

use super::coastline::Coastline;
use super::profile::Zone;
use crate::Result;

/// Maximum distance of coastal land (zone A1) from the sea (km).
pub const COASTAL_LAND_MAX_DISTANCE_KM: f64 = 50.0;
/// Maximum altitude of coastal land above the water level (m).
pub const COASTAL_LAND_MAX_ALTITUDE_M: f64 = 100.0;

/// The zone of the point (`lon_deg`, `lat_deg`) with terrain height
/// `height_m` above mean sea level.
pub fn zone_at(coast: &Coastline, lon_deg: f64, lat_deg: f64, height_m: f64) -> Result<Zone> {
    if !coast.is_land(lon_deg, lat_deg)? {
        return Ok(Zone::Sea);
    }
    if height_m > COASTAL_LAND_MAX_ALTITUDE_M {
        return Ok(Zone::Inland);
    }
    let d = coast.distance_to_coast_km(lon_deg, lat_deg, COASTAL_LAND_MAX_DISTANCE_KM)?;
    Ok(if d < COASTAL_LAND_MAX_DISTANCE_KM {
        Zone::CoastalLand
    } else {
        Zone::Inland
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_around_baku() {
        let c = Coastline::caspian_region();
        assert_eq!(zone_at(c, 51.0, 42.0, -28.0).unwrap(), Zone::Sea);
        assert_eq!(zone_at(c, 49.87, 40.41, 0.0).unwrap(), Zone::CoastalLand);
        assert_eq!(zone_at(c, 49.87, 40.41, 300.0).unwrap(), Zone::Inland);
        assert_eq!(zone_at(c, 69.24, 41.30, 50.0).unwrap(), Zone::Inland);
    }
}
