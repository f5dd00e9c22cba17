//! The pointing frame of an Earth-observation satellite and the roll and
//! pitch that aim its instrument at a ground point.
//!
//! # Frame
//! The orbital frame of a pushbroom imager flying with yaw steering: the
//! instrument's lines stay perpendicular to the *ground track*, so the
//! along-track axis follows the Earth-fixed velocity.
//! - `z` (down): towards the Earth's centre, −r/|r| (geocentric nadir);
//! - `y` (right): z × v / |z × v| with v the Earth-fixed (ITRF) velocity;
//! - `x` (forward): y × z, along the ground track.
//!
//! This is the local vertical / local horizontal frame (Vallado 2006 §3.3,
//! the "RSW" axes re-ordered as in aircraft body axes: forward, right,
//! down) built on the Earth-fixed rather than the inertial velocity.
//!
//! # Angles
//! A line of sight `u` is reached from nadir by a **roll** about `x`
//! followed by a **pitch** about the rolled `y` axis:
//! `d = x·sin p + cos p·(y·sin r + z·cos r)`, hence
//! roll = atan2(u·y, u·z) (positive: to the right of the ground track) and
//! pitch = asin(u·x / |u|) (positive: ahead of the satellite). A ground
//! point is *broadside* when its pitch is zero; its pitch decreases
//! monotonically through a pass (ahead, then behind).

use silkway_orbit::frames::StateItrf;

use super::vec3::{cross, dot, norm, scale, unit};

/// Orthonormal pointing axes of a satellite at one instant (Earth-fixed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointingFrame {
    /// Satellite position, km (ITRF).
    pub position_km: [f64; 3],
    /// Forward (along the ground track).
    pub x: [f64; 3],
    /// Right of the ground track.
    pub y: [f64; 3],
    /// Down (geocentric nadir).
    pub z: [f64; 3],
}

/// Roll and pitch of a line of sight, degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RollPitch {
    /// Roll about the along-track axis, degrees (positive: right).
    pub roll_deg: f64,
    /// Pitch about the rolled cross-track axis, degrees (positive: ahead).
    pub pitch_deg: f64,
}

impl PointingFrame {
    /// The frame of an Earth-fixed state.
    pub fn new(state: &StateItrf) -> Self {
        let r = state.position_km;
        let z = scale(unit(r), -1.0);
        let y = unit(cross(z, state.velocity_km_s));
        let x = cross(y, z);
        Self {
            position_km: r,
            x,
            y,
            z,
        }
    }

    /// Roll and pitch that point the boresight at `target_km` (ITRF).
    pub fn angles_to(&self, target_km: [f64; 3]) -> RollPitch {
        let p = self.position_km;
        let u = [
            target_km[0] - p[0],
            target_km[1] - p[1],
            target_km[2] - p[2],
        ];
        let (ux, uy, uz) = (dot(u, self.x), dot(u, self.y), dot(u, self.z));
        RollPitch {
            roll_deg: uy.atan2(uz).to_degrees(),
            pitch_deg: (ux / norm(u)).clamp(-1.0, 1.0).asin().to_degrees(),
        }
    }

    /// Unit line of sight for a roll and a pitch (degrees), Earth-fixed axes.
    pub fn direction(&self, roll_deg: f64, pitch_deg: f64) -> [f64; 3] {
        let (sr, cr) = roll_deg.to_radians().sin_cos();
        let (sp, cp) = pitch_deg.to_radians().sin_cos();
        [0, 1, 2].map(|i| self.x[i] * sp + cp * (self.y[i] * sr + self.z[i] * cr))
    }
}

/// Angle off nadir of a roll and a pitch, degrees: acos(cos r · cos p).
pub fn off_nadir_deg(roll_deg: f64, pitch_deg: f64) -> f64 {
    (roll_deg.to_radians().cos() * pitch_deg.to_radians().cos())
        .clamp(-1.0, 1.0)
        .acos()
        .to_degrees()
}

/// Half of the instrument's cross-track field of view, degrees, from its
/// swath at nadir: on a sphere of radius `earth_radius_km` seen from
/// geocentric distance `orbit_radius_km`, the ray reaching the ground
/// `swath_km / 2` away from the sub-satellite point (central angle
/// λ = s / R) leaves nadir at η = atan(R sin λ / (r − R cos λ))
/// (Wertz & Larson, *Space Mission Analysis and Design*, 3rd ed., §5.2,
/// eqs. 5-26 – 5-28).
pub fn half_fov_deg(swath_km: f64, orbit_radius_km: f64, earth_radius_km: f64) -> f64 {
    let lambda = 0.5 * swath_km / earth_radius_km;
    (earth_radius_km * lambda.sin())
        .atan2(orbit_radius_km - earth_radius_km * lambda.cos())
        .to_degrees()
}

/// Incidence at the ground from the angle off nadir at the satellite, on a
/// sphere: sin i = (r / R) sin η (law of sines, SMAD §5.2 eq. 5-25).
/// `None` when the ray misses the sphere.
pub fn incidence_from_off_nadir_deg(
    off_nadir_deg: f64,
    orbit_radius_km: f64,
    earth_radius_km: f64,
) -> Option<f64> {
    let s = orbit_radius_km / earth_radius_km * off_nadir_deg.to_radians().sin();
    (s <= 1.0).then(|| s.asin().to_degrees())
}

#[cfg(test)]
mod tests {
    use super::*;
    use silkway_orbit::geodetic::ecef_from_geodetic;

    fn frame() -> PointingFrame {
        // Over the equator at 0°E, 700 km, flying north.
        PointingFrame::new(&StateItrf {
            position_km: ecef_from_geodetic(0.0, 0.0, 700.0),
            velocity_km_s: [0.0, 0.0, 7.5],
        })
    }

    #[test]
    fn axes_are_forward_right_down() {
        let f = frame();
        assert!((f.x[2] - 1.0).abs() < 1e-12); // north
        assert!((f.y[1] - 1.0).abs() < 1e-12); // flying north, right is east
        assert!((f.z[0] + 1.0).abs() < 1e-12);
    }

    #[test]
    fn direction_and_angles_round_trip() {
        let f = frame();
        for &(r, p) in &[(0.0, 0.0), (30.0, 0.0), (-25.0, 10.0), (12.0, -20.0)] {
            let d = f.direction(r, p);
            let target = [0, 1, 2].map(|i| f.position_km[i] + 500.0 * d[i]);
            let a = f.angles_to(target);
            assert!((a.roll_deg - r).abs() < 1e-9 && (a.pitch_deg - p).abs() < 1e-9);
        }
    }

    #[test]
    fn swath_half_angle_matches_flat_earth_for_small_swaths() {
        // 60 km at 694 km: flat Earth gives atan(30 / 694) = 2.475°.
        let h = half_fov_deg(60.0, 6371.0 + 694.0, 6371.0);
        assert!((h - 30.0f64.atan2(694.0).to_degrees()).abs() < 0.01, "{h}");
    }

    #[test]
    fn incidence_exceeds_off_nadir() {
        let i = incidence_from_off_nadir_deg(30.0, 7065.0, 6371.0).unwrap();
        assert!((i - 33.68).abs() < 0.05, "{i}");
        assert!(incidence_from_off_nadir_deg(80.0, 7065.0, 6371.0).is_none());
    }
}
