//! A local plane for areas of interest: an equirectangular projection
//! about a reference point using the WGS-84 meridional (M) and normal (N)
//! radii of curvature there (x = N cos φ₀ Δλ, y = M Δφ; Snyder, *Map
//! Projections — A Working Manual*, USGS PP 1395, §12 and eqs. 4-18,
//! 4-20). Over an AOI a few hundred kilometres across, areas and distances
//! are within about 1 % — ample for coverage fractions and strip widths.

use silkway_orbit::geodetic::{WGS84_A_KM, WGS84_E2};

/// A point in the local plane, km (x east, y north).
pub type Xy = [f64; 2];

/// A local east/north plane about a reference point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalPlane {
    /// Reference latitude, degrees.
    pub lat0_deg: f64,
    /// Reference longitude, degrees.
    pub lon0_deg: f64,
    km_per_deg_lon: f64,
    km_per_deg_lat: f64,
}

impl LocalPlane {
    /// The plane about (lat0, lon0), degrees.
    pub fn new(lat0_deg: f64, lon0_deg: f64) -> Self {
        let s = lat0_deg.to_radians().sin();
        let w = 1.0 - WGS84_E2 * s * s;
        let n = WGS84_A_KM / w.sqrt();
        let m = WGS84_A_KM * (1.0 - WGS84_E2) / (w * w.sqrt());
        let k = std::f64::consts::PI / 180.0;
        Self {
            lat0_deg,
            lon0_deg,
            km_per_deg_lon: n * lat0_deg.to_radians().cos() * k,
            km_per_deg_lat: m * k,
        }
    }

    /// (lon, lat) degrees → plane km.
    pub fn to_xy(&self, lon_lat: [f64; 2]) -> Xy {
        let mut dlon = lon_lat[0] - self.lon0_deg;
        if dlon > 180.0 {
            dlon -= 360.0;
        } else if dlon < -180.0 {
            dlon += 360.0;
        }
        [
            dlon * self.km_per_deg_lon,
            (lon_lat[1] - self.lat0_deg) * self.km_per_deg_lat,
        ]
    }

    /// Plane km → (lon, lat) degrees.
    pub fn to_lon_lat(&self, xy: Xy) -> [f64; 2] {
        [
            self.lon0_deg + xy[0] / self.km_per_deg_lon,
            self.lat0_deg + xy[1] / self.km_per_deg_lat,
        ]
    }
}

/// Signed area of a ring (shoelace formula), positive counter-clockwise.
pub fn ring_area(ring: &[Xy]) -> f64 {
    let n = ring.len();
    let mut twice = 0.0;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        twice += a[0] * b[1] - b[0] * a[1];
    }
    0.5 * twice
}

/// Whether `p` is inside a ring (even-odd crossing rule; points on the
/// boundary may go either way).
pub fn in_ring(p: Xy, ring: &[Xy]) -> bool {
    let n = ring.len();
    let mut inside = false;
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (ring[i], ring[j]);
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
            if p[0] < x {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_degree_at_forty_north() {
        let p = LocalPlane::new(40.0, 50.0);
        let xy = p.to_xy([51.0, 41.0]);
        // WGS-84 at 40°N: 85.39 km per degree of longitude, 111.04 per latitude.
        assert!((xy[0] - 85.39).abs() < 0.05, "{xy:?}");
        assert!((xy[1] - 111.04).abs() < 0.05, "{xy:?}");
        let back = p.to_lon_lat(xy);
        assert!((back[0] - 51.0).abs() < 1e-12 && (back[1] - 41.0).abs() < 1e-12);
    }

    #[test]
    fn square_area_and_inside() {
        let sq = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        assert!((ring_area(&sq) - 4.0).abs() < 1e-12);
        assert!(in_ring([1.0, 1.0], &sq));
        assert!(!in_ring([3.0, 1.0], &sq));
    }
}
