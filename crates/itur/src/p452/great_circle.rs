//! Great-circle path calculations on the spherical Earth used by
//! ITU-R P.452-18.
//!
//! # References
//! ITU-R P.452-18 Attachment 6 to Annex 1 (also P.2001-5 Attachment H):
//! path length from the two terminals' coordinates, bearing from the
//! transmitter to the receiver, and the coordinates of a point at a
//! given distance along the path, on a sphere of radius 6371 km.

use super::radio_climate::EARTH_RADIUS_KM;

/// A point (degrees): `lon_deg` east, `lat_deg` north.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    /// Longitude (degrees east).
    pub lon_deg: f64,
    /// Latitude (degrees north).
    pub lat_deg: f64,
}

/// Great-circle distance (km) between two points.
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    central_angle_rad(a, b) * EARTH_RADIUS_KM
}

fn central_angle_rad(a: LonLat, b: LonLat) -> f64 {
    let (pa, pb) = (a.lat_deg.to_radians(), b.lat_deg.to_radians());
    let dl = (b.lon_deg - a.lon_deg).to_radians();
    let r = pa.sin() * pb.sin() + pa.cos() * pb.cos() * dl.cos();
    r.clamp(-1.0, 1.0).acos()
}

/// Bearing (degrees clockwise from north) of `b` seen from `a`.
pub fn bearing_deg(a: LonLat, b: LonLat) -> f64 {
    let (pa, pb) = (a.lat_deg.to_radians(), b.lat_deg.to_radians());
    let dl = (b.lon_deg - a.lon_deg).to_radians();
    let r = pa.sin() * pb.sin() + pa.cos() * pb.cos() * dl.cos();
    let x = pb.sin() - r * pa.sin();
    let y = pa.cos() * pb.cos() * dl.sin();
    if x.abs() < 1e-12 && y.abs() < 1e-12 {
        0.0
    } else {
        y.atan2(x).to_degrees()
    }
}

/// The point at `dist_km` from `start` along the great circle of bearing
/// `bearing_deg`.
pub fn destination(start: LonLat, bearing_deg: f64, dist_km: f64) -> LonLat {
    let phi = start.lat_deg.to_radians();
    let delta = dist_km / EARTH_RADIUS_KM;
    let b = bearing_deg.to_radians();
    let s = (phi.sin() * delta.cos() + phi.cos() * delta.sin() * b.cos()).clamp(-1.0, 1.0);
    let lat = s.asin();
    let x = delta.cos() - s * phi.sin();
    let y = phi.cos() * delta.sin() * b.sin();
    let lon = start.lon_deg + y.atan2(x).to_degrees();
    LonLat {
        lon_deg: lon,
        lat_deg: lat.to_degrees(),
    }
}

/// The point at `dist_km` from `from` on the great circle toward `to`.
pub fn intermediate_point(from: LonLat, to: LonLat, dist_km: f64) -> LonLat {
    destination(from, bearing_deg(from, to), dist_km)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn midpoint_of_meridian_path() {
        let a = LonLat {
            lon_deg: 0.0,
            lat_deg: 51.2,
        };
        let b = LonLat {
            lon_deg: 0.0,
            lat_deg: 51.155,
        };
        let d = distance_km(a, b);
        assert!((d - 5.0037).abs() < 1e-3, "{d}");
        let m = intermediate_point(a, b, d / 2.0);
        assert!((m.lat_deg - 51.1775).abs() < 1e-9 && m.lon_deg.abs() < 1e-9);
        let baku = LonLat {
            lon_deg: 49.87,
            lat_deg: 40.41,
        };
        let aktau = LonLat {
            lon_deg: 51.17,
            lat_deg: 43.65,
        };
        let d = distance_km(baku, aktau);
        let end = intermediate_point(baku, aktau, d);
        assert!((end.lat_deg - 43.65).abs() < 1e-9 && (end.lon_deg - 51.17).abs() < 1e-9);
    }
}
