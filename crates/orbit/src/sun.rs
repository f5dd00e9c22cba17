//! Analytic Sun position and the Sun's elevation at a ground point.
//!
//! Low-precision solar coordinates of Meeus, *Astronomical Algorithms*
//! (2nd ed., 1998), ch. 25 (accuracy ≈ 0.01°), apparent longitude and
//! obliquity of date; the vector is taken in TEME (true equator; the mean
//! vs true equinox difference, < 1.2″, is neglected).

use crate::aer::Observer;
use crate::frames::{StateItrf, gmst82_rad, teme_to_itrf_with_gmst};
use crate::propagate::StateTeme;
use crate::time::UtcTime;

/// Astronomical unit, km (IAU 2012 Resolution B2).
pub const AU_KM: f64 = 149_597_870.7;
/// Solar radius, km (IAU 2015 Resolution B3 nominal).
pub const SUN_RADIUS_KM: f64 = 695_700.0;

/// Geocentric position of the Sun in TEME, km.
pub fn sun_position_teme_km(t: UtcTime) -> [f64; 3] {
    let tc = t.julian_centuries_tt();
    let l0 = 280.466_46 + 36_000.769_83 * tc + 0.000_303_2 * tc * tc;
    let m = (357.529_11 + 35_999.050_29 * tc - 0.000_153_7 * tc * tc).to_radians();
    let e = 0.016_708_634 - 0.000_042_037 * tc - 0.000_000_126_7 * tc * tc;
    let c = (1.914_602 - 0.004_817 * tc - 0.000_014 * tc * tc) * m.sin()
        + (0.019_993 - 0.000_101 * tc) * (2.0 * m).sin()
        + 0.000_289 * (3.0 * m).sin();
    let true_lon = l0 + c;
    let nu = m + c.to_radians();
    let r_au = 1.000_001_018 * (1.0 - e * e) / (1.0 + e * nu.cos());
    let omega = (125.04 - 1934.136 * tc).to_radians();
    let lambda = (true_lon - 0.005_69 - 0.004_78 * omega.sin()).to_radians();
    let eps0 = 23.439_291_11 - 0.013_004_2 * tc - 1.64e-7 * tc * tc + 5.04e-7 * tc * tc * tc;
    let eps = (eps0 + 0.002_56 * omega.cos()).to_radians();
    let r = r_au * AU_KM;
    [
        r * lambda.cos(),
        r * eps.cos() * lambda.sin(),
        r * eps.sin() * lambda.sin(),
    ]
}

/// Geocentric position of the Sun in ITRF, km.
pub fn sun_position_itrf_km(t: UtcTime) -> [f64; 3] {
    let teme = StateTeme {
        position_km: sun_position_teme_km(t),
        velocity_km_s: [0.0; 3],
    };
    teme_to_itrf_with_gmst(&teme, gmst82_rad(t)).position_km
}

/// Elevation of the Sun's centre above the horizon of `site`, degrees
/// (geometric, no refraction).
pub fn sun_elevation_deg(site: &Observer, t: UtcTime) -> f64 {
    let sun = StateItrf {
        position_km: sun_position_itrf_km(t),
        velocity_km_s: [0.0; 3],
    };
    site.aer(&sun).elevation_deg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeus_example_25a() {
        // 1992 Oct 13.0 TD: apparent λ = 199.90988°, δ = −7.78507°, R = 0.99766 AU.
        let t = UtcTime::from_calendar(1992, 10, 12, 23, 59, 0.0)
            .unwrap()
            .plus_seconds(60.0 - 59.184);
        let s = sun_position_teme_km(t);
        let r = (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]).sqrt();
        let dec = (s[2] / r).asin().to_degrees();
        assert!((dec + 7.785_07).abs() < 0.002, "{dec}");
        assert!((r / AU_KM - 0.997_66).abs() < 1e-4);
    }

    #[test]
    fn noon_sun_is_high_in_june_at_baku() {
        let baku = Observer::new(40.41, 49.87, 0.0);
        // Local solar noon ≈ 12:00 − 49.87/15 h UTC.
        let t = UtcTime::parse_rfc3339("2026-06-21T08:40:00Z").unwrap();
        let el = sun_elevation_deg(&baku, t);
        assert!((el - (90.0 - 40.41 + 23.44)).abs() < 0.3, "{el}");
        let night = UtcTime::parse_rfc3339("2026-06-21T20:40:00Z").unwrap();
        assert!(sun_elevation_deg(&baku, night) < -20.0);
    }
}
