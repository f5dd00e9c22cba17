//! Great-circle bearings, elevation toward another station, off-axis angles.
//!
//! Spherical Earth of radius [`MEAN_EARTH_RADIUS_KM`] (as everywhere in
//! silkway); no atmospheric refraction.

pub use silkway_model::geo::{MEAN_EARTH_RADIUS_KM, haversine_km};

/// Initial great-circle bearing from point 1 to point 2, degrees from
/// north in [0, 360).
///
/// # Examples
/// ```
/// // Due east along the equator.
/// let b = silkway_spectrum::geometry::bearing_deg(0.0, 0.0, 0.0, 1.0);
/// assert!((b - 90.0).abs() < 1e-9);
/// ```
pub fn bearing_deg(lat1_deg: f64, lon1_deg: f64, lat2_deg: f64, lon2_deg: f64) -> f64 {
    let (p1, p2) = (lat1_deg.to_radians(), lat2_deg.to_radians());
    let dl = (lon2_deg - lon1_deg).to_radians();
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    y.atan2(x).to_degrees().rem_euclid(360.0)
}

/// Geometric elevation of point 2 seen from point 1 (heights above the
/// sphere in metres, great-circle distance in km), degrees.
///
/// The straight line between the two points on a spherical Earth; no refraction.
pub fn elevation_deg(height1_m: f64, height2_m: f64, distance_km: f64) -> f64 {
    let r = MEAN_EARTH_RADIUS_KM;
    let (r1, r2) = (r + height1_m / 1e3, r + height2_m / 1e3);
    let gamma = distance_km / r;
    // Station 2 in the local frame of station 1 (up, horizontal).
    let up = r2 * gamma.cos() - r1;
    let horiz = r2 * gamma.sin();
    if up == 0.0 && horiz == 0.0 {
        return 0.0;
    }
    up.atan2(horiz).to_degrees()
}

/// Straight-line (slant) distance between two points at heights above
/// the sphere, km.
pub fn slant_km(height1_m: f64, height2_m: f64, distance_km: f64) -> f64 {
    let r = MEAN_EARTH_RADIUS_KM;
    let (r1, r2) = (r + height1_m / 1e3, r + height2_m / 1e3);
    let gamma = distance_km / r;
    (r1 * r1 + r2 * r2 - 2.0 * r1 * r2 * gamma.cos())
        .max(0.0)
        .sqrt()
}

/// Angle between two directions given as (azimuth, elevation), degrees
/// (spherical law of cosines).
///
/// # Examples
/// ```
/// use silkway_spectrum::geometry::angle_between_deg;
/// assert!((angle_between_deg(10.0, 0.0, 40.0, 0.0) - 30.0).abs() < 1e-9);
/// assert!((angle_between_deg(0.0, 45.0, 180.0, 45.0) - 90.0).abs() < 1e-9);
/// ```
pub fn angle_between_deg(az1_deg: f64, el1_deg: f64, az2_deg: f64, el2_deg: f64) -> f64 {
    let (e1, e2) = (el1_deg.to_radians(), el2_deg.to_radians());
    let c = e1.sin() * e2.sin() + e1.cos() * e2.cos() * (az2_deg - az1_deg).to_radians().cos();
    c.clamp(-1.0, 1.0).acos().to_degrees()
}

/// Earth-centred position of a point, km (spherical Earth).
pub fn ecef_km(lat_deg: f64, lon_deg: f64, height_m: f64) -> [f64; 3] {
    let r = MEAN_EARTH_RADIUS_KM + height_m / 1e3;
    let (p, l) = (lat_deg.to_radians(), lon_deg.to_radians());
    [r * p.cos() * l.cos(), r * p.cos() * l.sin(), r * p.sin()]
}

/// Position of a geostationary satellite at `lon_deg`, km.
pub fn gso_ecef_km(lon_deg: f64) -> [f64; 3] {
    let l = lon_deg.to_radians();
    [GSO_RADIUS_KM * l.cos(), GSO_RADIUS_KM * l.sin(), 0.0]
}

/// Geostationary orbit radius, km (ITU-R S.1503 / RR value 42 164.2 km).
pub const GSO_RADIUS_KM: f64 = 42_164.2;

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn norm(a: [f64; 3]) -> f64 {
    (a[0] * a[0] + a[1] * a[1] + a[2] * a[2]).sqrt()
}

/// Distance between two Earth-centred points, km.
pub fn distance_km(a: [f64; 3], b: [f64; 3]) -> f64 {
    norm(sub(a, b))
}

/// Angle at `from` between the directions to `a` and `b`, degrees
/// (e.g. the topocentric separation of two GSO satellites seen from an
/// earth station).
pub fn angle_at_deg(from: [f64; 3], a: [f64; 3], b: [f64; 3]) -> f64 {
    let (u, v) = (sub(a, from), sub(b, from));
    let c = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (norm(u) * norm(v));
    c.clamp(-1.0, 1.0).acos().to_degrees()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearings_of_the_border_links() {
        // Astara (AZ) 38.46N 48.86E → Lankaran 38.75N 48.85E: almost due north.
        let b = bearing_deg(38.46, 48.86, 38.75, 48.85);
        assert!(!(2.0..=358.0).contains(&b), "{b}");
        // Reverse: almost due south.
        let r = bearing_deg(38.75, 48.85, 38.46, 48.86);
        assert!((r - 180.0).abs() < 2.0, "{r}");
    }

    #[test]
    fn elevation_over_a_curved_earth() {
        // Same heights 100 km apart: the other station is below the horizontal by
        // γ/2 = (100/6371.0088)/2 rad = 0.44966°.
        let e = elevation_deg(0.0, 0.0, 100.0);
        assert!((e + 0.44966).abs() < 1e-4, "{e}");
        // Straight up: 1 km above at zero distance.
        assert!((elevation_deg(0.0, 1000.0, 0.0) - 90.0).abs() < 1e-9);
        // Slant of 100 km on the ground: chord 2R sin(γ/2) = 99.9996 km.
        assert!((slant_km(0.0, 0.0, 100.0) - 99.9996).abs() < 1e-3);
    }

    #[test]
    fn topocentric_separation_at_the_sub_satellite_point() {
        // ES at 0N 0E, satellites at ±1° longitude: half-angle atan(r sin1°/(r cos1° − R)).
        // r sin 1° = 42164.2·0.0174524 = 735.86; r cos 1° − R = 42157.78 − 6371.01 = 35786.77;
        // atan(735.86/35786.77) = 1.17797° → separation 2.35594°.
        let es = ecef_km(0.0, 0.0, 0.0);
        let sep = angle_at_deg(es, gso_ecef_km(-1.0), gso_ecef_km(1.0));
        assert!((sep - 2.35594).abs() < 1e-3, "{sep}");
    }
}
