//! WGS-84 geodetic ↔ Earth-fixed Cartesian coordinates.
//!
//! NIMA TR8350.2 (WGS-84 defining parameters); the inverse iterates
//! Vallado 2006 algorithm 12 with a height formula valid at the poles.

pub use silkway_model::wgs84::{WGS84_A_KM, WGS84_E2, WGS84_F, ecef_from_geodetic};

/// A geodetic position on or above the WGS-84 ellipsoid.
///
/// # Units
/// Degrees, kilometres above the ellipsoid.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Geodetic {
    /// Geodetic latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east in (-180, 180].
    pub lon_deg: f64,
    /// Height above the ellipsoid, km.
    pub height_km: f64,
}

/// Geodetic coordinates of an Earth-fixed position (km).
pub fn geodetic_from_ecef(r: [f64; 3]) -> Geodetic {
    let p = r[0].hypot(r[1]);
    let lon = r[1].atan2(r[0]);
    let mut lat = r[2].atan2(p * (1.0 - WGS84_E2));
    for _ in 0..6 {
        let s = lat.sin();
        let n = WGS84_A_KM / (1.0 - WGS84_E2 * s * s).sqrt();
        lat = (r[2] + n * WGS84_E2 * s).atan2(p);
    }
    let (s, c) = lat.sin_cos();
    let height_km = p * c + r[2] * s - WGS84_A_KM * (1.0 - WGS84_E2 * s * s).sqrt();
    let mut lon_deg = lon.to_degrees();
    if lon_deg <= -180.0 {
        lon_deg += 360.0;
    }
    Geodetic {
        lat_deg: lat.to_degrees(),
        lon_deg,
        height_km,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trip(lat in -90.0f64..=90.0, lon in -179.999f64..180.0, h in -1.0f64..40_000.0) {
            let g = geodetic_from_ecef(ecef_from_geodetic(lat, lon, h));
            prop_assert!((g.lat_deg - lat).abs() < 1e-9);
            if lat.abs() < 89.9999 {
                prop_assert!((g.lon_deg - lon).abs() < 1e-9);
            }
            prop_assert!((g.height_km - h).abs() < 1e-8);
        }
    }

    #[test]
    fn equator_and_pole() {
        let e = ecef_from_geodetic(0.0, 0.0, 0.0);
        assert!((e[0] - WGS84_A_KM).abs() < 1e-12);
        let p = ecef_from_geodetic(90.0, 0.0, 0.0);
        let b = WGS84_A_KM * (1.0 - WGS84_F);
        assert!((p[2] - b).abs() < 1e-9);
    }
}
