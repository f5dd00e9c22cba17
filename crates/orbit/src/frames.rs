//! TEME → ITRF (pseudo Earth-fixed) using GMST IAU-82.
//!
//! Vallado 2006 (*Fundamentals of Astrodynamics and Applications*, 3rd ed.),
//! §3.7 eq. 3-47 (GMST 1982) and Vallado et al. 2006 (AIAA 2006-6753)
//! appendix C (TEME → PEF: rotation about z by GMST, velocity corrected by
//! ω⊕ × r). UT1 is taken as UTC and polar motion is neglected (PEF ≈ ITRF to
//! ≈ 10 m), the same simplifications Skyfield makes with `xp = yp = 0`.

use crate::propagate::StateTeme;
use crate::time::{JD_J2000, UtcTime};

/// Earth's mean angular velocity, rad/s (Vallado 2006, value used with IAU-76/FK5).
pub const EARTH_ROTATION_RAD_S: f64 = 7.292_115_146_706_979e-5;

/// A state vector in ITRF (Earth-fixed).
///
/// # Units
/// Position km, velocity km/s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StateItrf {
    /// Position, km.
    pub position_km: [f64; 3],
    /// Velocity relative to the rotating Earth, km/s.
    pub velocity_km_s: [f64; 3],
}

/// Greenwich mean sidereal time, IAU-82, radians in [0, 2π).
///
/// # References
/// Vallado 2006, eq. 3-47; Aoki et al. 1982.
pub fn gmst82_rad(t: UtcTime) -> f64 {
    let (whole, fraction) = t.julian_date_split();
    let tut1 = ((whole - JD_J2000) + fraction) / 36_525.0;
    let seconds =
        67_310.548_41 + (876_600.0 * 3600.0 + 8_640_184.812_866) * tut1 + 0.093_104 * tut1 * tut1
            - 6.2e-6 * tut1 * tut1 * tut1;
    (seconds / 240.0)
        .to_radians()
        .rem_euclid(std::f64::consts::TAU)
}

/// Rotate a TEME state into ITRF at `t`.
pub fn teme_to_itrf(state: &StateTeme, t: UtcTime) -> StateItrf {
    teme_to_itrf_with_gmst(state, gmst82_rad(t))
}

/// Rotate a TEME state into ITRF given GMST (radians), for loops that reuse it.
pub fn teme_to_itrf_with_gmst(state: &StateTeme, gmst_rad: f64) -> StateItrf {
    let (s, c) = gmst_rad.sin_cos();
    let r = state.position_km;
    let v = state.velocity_km_s;
    let rp = [c * r[0] + s * r[1], -s * r[0] + c * r[1], r[2]];
    let vp = [
        c * v[0] + s * v[1] + EARTH_ROTATION_RAD_S * rp[1],
        -s * v[0] + c * v[1] - EARTH_ROTATION_RAD_S * rp[0],
        v[2],
    ];
    StateItrf {
        position_km: rp,
        velocity_km_s: vp,
    }
}

/// Rotate an Earth-fixed position into TEME (inverse of the position part of
/// [`teme_to_itrf`]).
pub fn itrf_to_teme_position(position_km: [f64; 3], t: UtcTime) -> [f64; 3] {
    let (s, c) = gmst82_rad(t).sin_cos();
    let r = position_km;
    [c * r[0] - s * r[1], s * r[0] + c * r[1], r[2]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gmst_vallado_example_3_5() {
        // Vallado 2006 example 3-5: 1992 Aug 20 12:14 UT1 -> GMST 152.578787886°.
        let t = UtcTime::from_calendar(1992, 8, 20, 12, 14, 0.0).unwrap();
        let deg = gmst82_rad(t).to_degrees();
        assert!((deg - 152.578_787_886).abs() < 1e-6, "{deg}");
    }

    #[test]
    fn round_trip_position() {
        let t = UtcTime::from_unix_seconds(1.78e9);
        let s = StateTeme {
            position_km: [7000.0, -1200.0, 300.0],
            velocity_km_s: [0.0; 3],
        };
        let e = teme_to_itrf(&s, t);
        let back = itrf_to_teme_position(e.position_km, t);
        for (b, a) in back.iter().zip(s.position_km) {
            assert!((b - a).abs() < 1e-9);
        }
    }
}
