//! Geostationary geometry: look angles and polarization skew toward a GEO
//! slot, and the visible part of the GEO arc from a site.
//!
//! The satellite is placed on the equator at the geostationary radius
//! 42,164.17 km (ITU-R S.1503 / Maral & Bousquet, *Satellite Communications
//! Systems*, §2.2.5); look angles use the WGS-84 observer of [`Observer`],
//! so they agree with the full AER of a propagated GEO TLE to the
//! satellite's station-keeping box.

use crate::aer::Observer;
use crate::frames::StateItrf;
use crate::geodetic::ecef_from_geodetic;

pub use silkway_model::wgs84::GEO_RADIUS_KM;

/// Look angles toward a GEO slot.
///
/// # Units
/// Degrees, km.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct GeoLook {
    /// Satellite longitude, degrees east.
    pub satellite_lon_deg: f64,
    /// Azimuth, degrees from true north.
    pub azimuth_deg: f64,
    /// Elevation, degrees.
    pub elevation_deg: f64,
    /// Slant range, km.
    pub range_km: f64,
    /// Polarization skew, degrees: rotation of a linear feed from the local
    /// vertical, positive clockwise looking toward the satellite;
    /// ψ = atan(sin Δλ / tan φ) with Δλ = λ_sat − λ_site (spherical Earth,
    /// Ippolito, *Satellite Communications Systems Engineering*, §3.4).
    pub polarization_skew_deg: f64,
}

/// Look angles and polarization skew from `site` toward the GEO slot at
/// `satellite_lon_deg`.
///
/// # Examples
/// ```
/// // Baku toward Azerspace-1 at 46°E: elevation ≈ 43° (docs/FACTS.md).
/// let baku = silkway_orbit::Observer::new(40.41, 49.87, 0.0);
/// let look = silkway_orbit::geo_look::geo_look(&baku, 46.0);
/// assert!((look.elevation_deg - 43.1).abs() < 0.3);
/// ```
pub fn geo_look(site: &Observer, satellite_lon_deg: f64) -> GeoLook {
    let sat = StateItrf {
        position_km: ecef_from_geodetic(0.0, satellite_lon_deg, GEO_RADIUS_KM - 6378.137),
        velocity_km_s: [0.0; 3],
    };
    let aer = site.aer(&sat);
    let dlon = (satellite_lon_deg - site.lon_deg).to_radians();
    let lat = site.lat_deg.to_radians();
    let skew = if lat.abs() < 1e-12 {
        90.0f64.copysign(dlon.sin())
    } else {
        (dlon.sin() / lat.tan()).atan().to_degrees()
    };
    GeoLook {
        satellite_lon_deg,
        azimuth_deg: aer.azimuth_deg,
        elevation_deg: aer.elevation_deg,
        range_km: aer.range_km,
        polarization_skew_deg: skew,
    }
}

/// The visible GEO arc from a site: `(west_lon_deg, east_lon_deg)` of the
/// slots seen at or above `min_elevation_deg`, or `None` when no slot is.
/// Longitudes may exceed ±180 when the arc crosses the antimeridian.
pub fn visible_geo_arc(site: &Observer, min_elevation_deg: f64) -> Option<(f64, f64)> {
    let el = |dlon: f64| geo_look(site, site.lon_deg + dlon).elevation_deg - min_elevation_deg;
    if el(0.0) < 0.0 {
        return None;
    }
    let edge = |sign: f64| {
        let (mut lo, mut hi) = (0.0, 90.0);
        for _ in 0..60 {
            let mid = 0.5 * (lo + hi);
            if el(sign * mid) >= 0.0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        site.lon_deg + sign * lo
    };
    Some((edge(-1.0), edge(1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_satellite_point_sees_zenith() {
        let site = Observer::new(0.0, 46.0, 0.0);
        let look = geo_look(&site, 46.0);
        assert!((look.elevation_deg - 90.0).abs() < 1e-6);
        assert!((look.range_km - (GEO_RADIUS_KM - 6378.137)).abs() < 1e-6);
    }

    #[test]
    fn arc_is_symmetric_and_shrinks_with_latitude() {
        let baku = Observer::new(40.41, 49.87, 0.0);
        let (w, e) = visible_geo_arc(&baku, 5.0).unwrap();
        assert!(((49.87 - w) - (e - 49.87)).abs() < 1e-6);
        assert!(e - w > 100.0 && e - w < 160.0, "{w} {e}");
        assert!(visible_geo_arc(&Observer::new(85.0, 0.0, 0.0), 5.0).is_none());
    }

    #[test]
    fn skew_sign_follows_longitude_offset() {
        let baku = Observer::new(40.41, 49.87, 0.0);
        assert!(geo_look(&baku, 46.0).polarization_skew_deg < 0.0);
        assert!(geo_look(&baku, 58.5).polarization_skew_deg > 0.0);
    }
}
