//! Earth-station to geostationary-satellite geometry (spherical Earth).
//!
//! # References
//! ITU-R S.1257 / P.618 usage: the elevation angle from the central angle
//! γ between station and sub-satellite point, cos γ = cos φ cos Δλ,
//! el = arccos( sin γ / sqrt(1 + (R/r)² − 2 (R/r) cos γ) ). Same convention
//! as ITU-Rpy's `elevation_angle` (R = 6371 km, GEO altitude 35 786 km).

use crate::Result;
use crate::error::{check_lat_lon, check_range};

/// Mean Earth radius used for the geometry (km).
pub const EARTH_RADIUS_KM: f64 = 6371.0;
/// Altitude of the geostationary orbit above the spherical Earth (km).
pub const GEO_ALTITUDE_KM: f64 = 35_786.0;

/// Look geometry toward a GEO satellite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoLook {
    /// Elevation angle above the horizon (degrees; negative: not visible).
    pub elevation_deg: f64,
    /// Slant range station → satellite (km).
    pub slant_range_km: f64,
}

/// Elevation and slant range from a station at (`lat_deg`, `lon_deg`) to a
/// geostationary satellite at longitude `sat_lon_deg`.
///
/// # Examples
/// ```
/// let look = silkway_itur::geo::geo_look(40.41, 49.87, 46.0).unwrap();
/// assert!((look.elevation_deg - 43.1).abs() < 0.1);
/// ```
pub fn geo_look(lat_deg: f64, lon_deg: f64, sat_lon_deg: f64) -> Result<GeoLook> {
    check_lat_lon(lat_deg, lon_deg)?;
    check_range("sat_lon_deg", sat_lon_deg, -1e6, 1e6, "a finite longitude")?;
    let rs = EARTH_RADIUS_KM + GEO_ALTITUDE_KM;
    let k = EARTH_RADIUS_KM / rs;
    let cos_g =
        (lat_deg.to_radians().cos() * (sat_lon_deg - lon_deg).to_radians().cos()).clamp(-1.0, 1.0);
    let sin_g = (1.0 - cos_g * cos_g).sqrt();
    let norm = (1.0 + k * k - 2.0 * k * cos_g).sqrt();
    let el = (sin_g / norm).clamp(-1.0, 1.0).acos();
    // acos gives |el|; negative when the satellite is below the horizon.
    let elevation_deg = if cos_g < k {
        -el.to_degrees()
    } else {
        el.to_degrees()
    };
    Ok(GeoLook {
        elevation_deg,
        slant_range_km: rs * norm,
    })
}
