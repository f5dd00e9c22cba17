//! Azimuth, elevation, range and range rate from a ground observer;
//! optional atmospheric refraction.
//!
//! Topocentric south-east-zenith geometry per Vallado 2006 §4.4
//! (algorithm 27, RAZEL); azimuth clockwise from north.

use crate::error::Result;
use crate::frames::{StateItrf, gmst82_rad, teme_to_itrf_with_gmst};
use crate::geodetic::ecef_from_geodetic;
use crate::propagate::Satellite;
use crate::time::UtcTime;

/// Look angles of a target from an observer.
///
/// # Units
/// Degrees, km, km/s (range rate positive when receding).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Aer {
    /// Azimuth, degrees clockwise from true north, in [0, 360).
    pub azimuth_deg: f64,
    /// Elevation above the local horizontal (ellipsoid normal), degrees.
    pub elevation_deg: f64,
    /// Slant range, km.
    pub range_km: f64,
    /// Range rate, km/s.
    pub range_rate_km_s: f64,
}

/// A fixed observer on the WGS-84 ellipsoid with its precomputed
/// Earth-fixed position and east/north/up axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observer {
    /// Geodetic latitude, degrees.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Height above the ellipsoid, m.
    pub alt_m: f64,
    /// Earth-fixed position, km.
    pub ecef_km: [f64; 3],
    east: [f64; 3],
    north: [f64; 3],
    up: [f64; 3],
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

impl Observer {
    /// An observer at geodetic latitude/longitude (degrees) and height (m).
    pub fn new(lat_deg: f64, lon_deg: f64, alt_m: f64) -> Self {
        let (sp, cp) = lat_deg.to_radians().sin_cos();
        let (sl, cl) = lon_deg.to_radians().sin_cos();
        Self {
            lat_deg,
            lon_deg,
            alt_m,
            ecef_km: ecef_from_geodetic(lat_deg, lon_deg, alt_m / 1000.0),
            east: [-sl, cl, 0.0],
            north: [-sp * cl, -sp * sl, cp],
            up: [cp * cl, cp * sl, sp],
        }
    }

    /// Local up unit vector (ellipsoid normal) in Earth-fixed axes.
    pub fn up(&self) -> [f64; 3] {
        self.up
    }

    /// Look angles of an Earth-fixed target state (velocity may be zero).
    pub fn aer(&self, target: &StateItrf) -> Aer {
        let r = target.position_km;
        let rho = [
            r[0] - self.ecef_km[0],
            r[1] - self.ecef_km[1],
            r[2] - self.ecef_km[2],
        ];
        let range_km = dot(rho, rho).sqrt();
        let e = dot(rho, self.east);
        let n = dot(rho, self.north);
        let u = dot(rho, self.up);
        let mut azimuth_deg = e.atan2(n).to_degrees();
        if azimuth_deg < 0.0 {
            azimuth_deg += 360.0;
        }
        if azimuth_deg >= 360.0 {
            azimuth_deg -= 360.0;
        }
        let elevation_deg = u.atan2(e.hypot(n)).to_degrees();
        let range_rate_km_s = if range_km > 0.0 {
            dot(rho, target.velocity_km_s) / range_km
        } else {
            0.0
        };
        Aer {
            azimuth_deg,
            elevation_deg,
            range_km,
            range_rate_km_s,
        }
    }

    /// Look angles of a satellite at `t`.
    ///
    /// # Errors
    /// Propagation errors of the satellite.
    pub fn look(&self, sat: &Satellite, t: UtcTime) -> Result<Aer> {
        let teme = sat.propagate(t)?;
        Ok(self.aer(&teme_to_itrf_with_gmst(&teme, gmst82_rad(t))))
    }
}

/// Atmospheric refraction for a true (geometric) elevation, degrees, at
/// 1010 hPa and 10 °C; zero below −1°.
///
/// # References
/// Sæmundsson 1986, as given by Meeus, *Astronomical Algorithms* 2nd ed., eq. 16.4.
pub fn refraction_deg(true_elevation_deg: f64) -> f64 {
    if true_elevation_deg < -1.0 {
        return 0.0;
    }
    let h = true_elevation_deg;
    let arcmin = 1.02 / (h + 10.3 / (h + 5.11)).to_radians().tan();
    (arcmin / 60.0).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geodetic::ecef_from_geodetic;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn straight_overhead(lat in -89.0f64..89.0, lon in -180.0f64..180.0, h_km in 200.0f64..40_000.0) {
            let obs = Observer::new(lat, lon, 120.0);
            let target = StateItrf {
                position_km: ecef_from_geodetic(lat, lon, 0.120 + h_km),
                velocity_km_s: [0.0; 3],
            };
            let aer = obs.aer(&target);
            prop_assert!((aer.elevation_deg - 90.0).abs() < 1e-6, "{aer:?}");
            prop_assert!((aer.range_km - h_km).abs() < 1e-6);
        }
    }

    #[test]
    fn due_north_on_horizon() {
        let obs = Observer::new(0.0, 0.0, 0.0);
        let target = StateItrf {
            position_km: [obs.ecef_km[0], 0.0, 1000.0],
            velocity_km_s: [0.0, 0.0, 1.0],
        };
        let aer = obs.aer(&target);
        assert!(aer.azimuth_deg.abs() < 1e-9);
        assert!(aer.elevation_deg.abs() < 1e-6);
        assert!((aer.range_rate_km_s - 1.0).abs() < 1e-9);
    }

    #[test]
    fn refraction_at_horizon_is_about_half_a_degree() {
        let r = refraction_deg(0.0);
        assert!((r - 0.48).abs() < 0.02, "{r}");
        assert!(refraction_deg(90.0) < 1e-3);
    }
}
