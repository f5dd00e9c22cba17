//! Lines of sight against the WGS-84 ellipsoid: where a ray meets the
//! ground, and the incidence of a line of sight at a ground point.
//!
//! The intersection scales the ellipsoid to the unit sphere
//! (x/a, y/a, z/b) and solves the quadratic for the nearer root — the
//! method of Orekit's `OneAxisEllipsoid.getIntersectionPoint` and of
//! Vallado 2006 §11.4 (ray-ellipsoid), written here from the geometry.

use silkway_orbit::geodetic::{Geodetic, WGS84_A_KM, WGS84_F, geodetic_from_ecef};

use super::vec3::{dot, norm, sub};

/// WGS-84 semi-minor axis, km.
pub const WGS84_B_KM: f64 = WGS84_A_KM * (1.0 - WGS84_F);

/// First point where the ray `origin + s·direction` (s > 0, Earth-fixed
/// km) meets the WGS-84 ellipsoid, or `None` when it misses.
pub fn ray_ellipsoid(origin_km: [f64; 3], direction: [f64; 3]) -> Option<[f64; 3]> {
    let k = [1.0 / WGS84_A_KM, 1.0 / WGS84_A_KM, 1.0 / WGS84_B_KM];
    let o = [0, 1, 2].map(|i| origin_km[i] * k[i]);
    let d = [0, 1, 2].map(|i| direction[i] * k[i]);
    let a = dot(d, d);
    let b = 2.0 * dot(o, d);
    let c = dot(o, o) - 1.0;
    let disc = b * b - 4.0 * a * c;
    if disc < 0.0 || a == 0.0 {
        return None;
    }
    let s = (-b - disc.sqrt()) / (2.0 * a);
    (s > 0.0).then(|| [0, 1, 2].map(|i| origin_km[i] + s * direction[i]))
}

/// Geodetic (ellipsoid-normal) up unit vector at a latitude and longitude.
pub fn geodetic_up(lat_deg: f64, lon_deg: f64) -> [f64; 3] {
    let (sp, cp) = lat_deg.to_radians().sin_cos();
    let (sl, cl) = lon_deg.to_radians().sin_cos();
    [cp * cl, cp * sl, sp]
}

/// Incidence at a ground point, degrees: the angle between the ellipsoid
/// normal at the point and the direction to the satellite (90° minus the
/// satellite's elevation seen from the point; STK's and Orekit's
/// definition of the incidence of a line of sight).
pub fn incidence_deg(ground: &Geodetic, ground_km: [f64; 3], satellite_km: [f64; 3]) -> f64 {
    let up = geodetic_up(ground.lat_deg, ground.lon_deg);
    let to_sat = sub(satellite_km, ground_km);
    (dot(up, to_sat) / norm(to_sat))
        .clamp(-1.0, 1.0)
        .acos()
        .to_degrees()
}

/// Geodetic coordinates of a ground point reached by a ray, or `None`.
pub fn ground_point(origin_km: [f64; 3], direction: [f64; 3]) -> Option<([f64; 3], Geodetic)> {
    ray_ellipsoid(origin_km, direction).map(|p| (p, geodetic_from_ecef(p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use silkway_orbit::geodetic::ecef_from_geodetic;

    #[test]
    fn nadir_ray_hits_the_sub_satellite_point() {
        for &(lat, lon) in &[(0.0, 0.0), (40.4, 49.9), (-70.0, 120.0)] {
            let sat = ecef_from_geodetic(lat, lon, 700.0);
            let ground = ecef_from_geodetic(lat, lon, 0.0);
            let d = sub(ground, sat);
            let dir = [0, 1, 2].map(|i| d[i] / norm(d));
            let (p, g) = ground_point(sat, dir).unwrap();
            assert!(norm(sub(p, ground)) < 1e-6);
            assert!(g.height_km.abs() < 1e-6);
            assert!(incidence_deg(&g, p, sat) < 1e-6);
        }
    }

    #[test]
    fn rays_away_from_earth_miss() {
        let sat = ecef_from_geodetic(0.0, 0.0, 700.0);
        assert!(ray_ellipsoid(sat, [1.0, 0.0, 0.0]).is_none());
        assert!(ray_ellipsoid(sat, [0.0, 0.0, 1.0]).is_none());
    }
}
