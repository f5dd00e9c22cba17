//! Look angles and slant range from an Earth station to a geostationary satellite.
//!
//! WGS84 station position and ideal GEO slot from [`silkway_model::wgs84`];
//! the local east-north-up frame gives the look angles.

use crate::error::{Result, check_finite, check_range};
use serde::Serialize;

pub use silkway_model::wgs84::{GEO_RADIUS_KM, WGS84_A_KM, WGS84_F};
use silkway_model::wgs84::{ecef_from_geodetic, geo_slot_ecef_km};

/// Look angles and range from a station to a GEO satellite.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GeoLook {
    /// Elevation above the local horizon (geodetic normal), degrees.
    pub elevation_deg: f64,
    /// Azimuth clockwise from true north, degrees in [0, 360).
    pub azimuth_deg: f64,
    /// Slant range, km.
    pub slant_range_km: f64,
}

/// Look angles from a station at (`lat_deg`, `lon_deg`, `height_m` above the
/// WGS84 ellipsoid) to a geostationary satellite at `sat_lon_deg` east.
///
/// # Units
/// Degrees (latitude north, longitude east), metres; result in degrees and km.
///
/// # References
/// Maral & Bousquet, *Satellite Communications Systems*, 5th ed., §8.3.3
/// (geometry of a GEO link); WGS84 station position (NIMA TR8350.2 §4).
///
/// # Examples
/// ```
/// // Baku toward Azerspace-1 at 46°E: elevation ≈ 43.1°.
/// let look = silkway_link::geo_look(40.41, 49.87, 0.0, 46.0).unwrap();
/// assert!((look.elevation_deg - 43.1).abs() < 0.1);
/// ```
pub fn geo_look(lat_deg: f64, lon_deg: f64, height_m: f64, sat_lon_deg: f64) -> Result<GeoLook> {
    check_range(
        "lat_deg",
        lat_deg,
        -90.0,
        90.0,
        "a latitude in [-90, 90] degrees",
    )?;
    check_range(
        "lon_deg",
        lon_deg,
        -360.0,
        360.0,
        "a longitude in [-360, 360] degrees",
    )?;
    check_range(
        "height_m",
        height_m,
        -500.0,
        10_000.0,
        "a height in [-500, 10000] m",
    )?;
    check_finite("sat_lon_deg", sat_lon_deg)?;

    let (sp, cp) = lat_deg.to_radians().sin_cos();
    let (sl, cl) = lon_deg.to_radians().sin_cos();
    let site = ecef_from_geodetic(lat_deg, lon_deg, height_m / 1000.0);
    let sat = geo_slot_ecef_km(sat_lon_deg);
    let d = [sat[0] - site[0], sat[1] - site[1], sat[2] - site[2]];
    let range = (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt();

    // Local east, north, up unit vectors.
    let east = [-sl, cl, 0.0];
    let north = [-sp * cl, -sp * sl, cp];
    let up = [cp * cl, cp * sl, sp];
    let dot = |a: [f64; 3], b: [f64; 3]| a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    let (de, dn, du) = (dot(d, east), dot(d, north), dot(d, up));
    let elevation_deg = (du / range).clamp(-1.0, 1.0).asin().to_degrees();
    let azimuth_deg = de.atan2(dn).to_degrees().rem_euclid(360.0);
    Ok(GeoLook {
        elevation_deg,
        azimuth_deg,
        slant_range_km: range,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baku_to_46e() {
        // FACTS.md: Baku toward 46°E, elevation ≈ 43.1°.
        // Satellite west of Baku (49.87°E) in the northern hemisphere → azimuth
        // slightly west of south (> 180°).
        let l = geo_look(40.41, 49.87, 0.0, 46.0).unwrap();
        assert!((l.elevation_deg - 43.13).abs() < 0.02, "{l:?}");
        assert!(l.azimuth_deg > 180.0 && l.azimuth_deg < 190.0, "{l:?}");
        assert!((l.slant_range_km - 37_539.4).abs() < 1.0, "{l:?}");
    }

    #[test]
    fn sub_satellite_point() {
        // On the equator under the satellite: range = r_GEO − a, elevation 90°.
        let l = geo_look(0.0, 46.0, 0.0, 46.0).unwrap();
        assert!((l.slant_range_km - (GEO_RADIUS_KM - WGS84_A_KM)).abs() < 1e-6);
        assert!((l.elevation_deg - 90.0).abs() < 1e-6);
    }

    #[test]
    fn far_side_is_negative_elevation() {
        let l = geo_look(0.0, -134.0, 0.0, 46.0).unwrap();
        assert!(l.elevation_deg < -80.0);
    }

    #[test]
    fn rejects_bad_latitude() {
        assert!(geo_look(91.0, 0.0, 0.0, 46.0).is_err());
        assert!(geo_look(f64::NAN, 0.0, 0.0, 46.0).is_err());
    }
}
