//! The WGS84 ellipsoid and the geostationary slot: the one place silkway
//! turns a geodetic position into Earth-fixed Cartesian coordinates.
//!
//! Defining parameters from NIMA TR8350.2 (3rd ed.), §3; geodetic →
//! Earth-fixed conversion from §4.1 (Eq. 4-14). The geostationary radius
//! follows from GM = 398 600.4418 km³/s² and one sidereal day
//! (86 164.0905 s): Maral & Bousquet, *Satellite Communications Systems*,
//! 5th ed., §2.2.5, 42 164 km.

/// WGS84 semi-major axis, km (NIMA TR8350.2 §3.2.1).
pub const WGS84_A_KM: f64 = 6378.137;
/// WGS84 flattening (NIMA TR8350.2 §3.2.2).
pub const WGS84_F: f64 = 1.0 / 298.257_223_563;
/// WGS84 first eccentricity squared, e² = f (2 − f).
pub const WGS84_E2: f64 = WGS84_F * (2.0 - WGS84_F);
/// Geostationary orbit radius, km.
pub const GEO_RADIUS_KM: f64 = 42_164.17;

/// Earth-fixed Cartesian position (km) of a geodetic point
/// (NIMA TR8350.2 Eq. 4-14).
///
/// # Units
/// Degrees north and east, km above the ellipsoid; result in km.
///
/// # Examples
/// ```
/// use silkway_model::wgs84::{ecef_from_geodetic, WGS84_A_KM};
/// let r = ecef_from_geodetic(0.0, 0.0, 0.0);
/// assert!((r[0] - WGS84_A_KM).abs() < 1e-12);
/// ```
pub fn ecef_from_geodetic(lat_deg: f64, lon_deg: f64, height_km: f64) -> [f64; 3] {
    let (slat, clat) = lat_deg.to_radians().sin_cos();
    let (slon, clon) = lon_deg.to_radians().sin_cos();
    let n = WGS84_A_KM / (1.0 - WGS84_E2 * slat * slat).sqrt();
    [
        (n + height_km) * clat * clon,
        (n + height_km) * clat * slon,
        (n * (1.0 - WGS84_E2) + height_km) * slat,
    ]
}

/// Earth-fixed position (km) of an ideal geostationary satellite at
/// `sat_lon_deg` east: on the equator at [`GEO_RADIUS_KM`].
pub fn geo_slot_ecef_km(sat_lon_deg: f64) -> [f64; 3] {
    let (s, c) = sat_lon_deg.to_radians().sin_cos();
    [GEO_RADIUS_KM * c, GEO_RADIUS_KM * s, 0.0]
}

/// Slant range (km) from a site at (`lat_deg`, `lon_deg`, `height_km` above
/// the ellipsoid) to the geostationary slot at `sat_lon_deg` east.
///
/// # Examples
/// ```
/// use silkway_model::wgs84::{geo_slant_range_km, GEO_RADIUS_KM, WGS84_A_KM};
/// // Under the satellite the range is its altitude.
/// let r = geo_slant_range_km(0.0, 46.0, 0.0, 46.0);
/// assert!((r - (GEO_RADIUS_KM - WGS84_A_KM)).abs() < 1e-6);
/// ```
pub fn geo_slant_range_km(lat_deg: f64, lon_deg: f64, height_km: f64, sat_lon_deg: f64) -> f64 {
    let site = ecef_from_geodetic(lat_deg, lon_deg, height_km);
    let sat = geo_slot_ecef_km(sat_lon_deg);
    ((sat[0] - site[0]).powi(2) + (sat[1] - site[1]).powi(2) + (sat[2] - site[2]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pole_lies_on_the_semi_minor_axis() {
        let r = ecef_from_geodetic(90.0, 0.0, 0.0);
        let b = WGS84_A_KM * (1.0 - WGS84_F);
        assert!(r[0].abs() < 1e-9 && (r[2] - b).abs() < 1e-9, "{r:?}");
    }

    #[test]
    fn baku_to_azerspace_1_range() {
        // Baku (40.41 N, 49.87 E) to 46°E: 37 539 km (elevation 43.1°, FACTS.md).
        let r = geo_slant_range_km(40.41, 49.87, 0.0, 46.0);
        assert!((r - 37_539.4).abs() < 0.5, "{r}");
    }
}
