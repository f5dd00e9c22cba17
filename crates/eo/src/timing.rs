//! When a satellite can see a ground point: the passes near an area, the
//! broadside instant (pitch zero) and the instants at a given pitch.
//!
//! The pitch of a fixed ground point decreases monotonically through a
//! pass (see [`crate::geom::pointing`]), so each instant is the single root
//! of pitch(t) − θ in the pass, found with Brent's method to 1 ms.

use silkway_orbit::UtcTime;
use silkway_orbit::passes::{PassOptions, find_passes};
use silkway_orbit::solve::brent_root;
use silkway_orbit::station::GroundStation;

use crate::error::Error;
use crate::fleet::EoSatellite;
use crate::geom::pointing::{
    PointingFrame, RollPitch, incidence_from_off_nadir_deg, off_nadir_deg,
};

/// Time tolerance of the instants, s.
pub const TIME_TOLERANCE_S: f64 = 1e-3;

/// Pointing frame and the angles to `target_km` at `t`.
///
/// # Errors
/// Propagation failures.
pub fn look(
    sat: &EoSatellite,
    target_km: [f64; 3],
    t: UtcTime,
) -> Result<(PointingFrame, RollPitch), Error> {
    let frame = PointingFrame::new(&sat.state(t)?);
    let angles = frame.angles_to(target_km);
    Ok((frame, angles))
}

/// The instant in `[a, b]` when the target is seen at `pitch_deg`, if the
/// pitch crosses that value inside the interval.
///
/// # Errors
/// Propagation failures.
pub fn pitch_crossing(
    sat: &EoSatellite,
    target_km: [f64; 3],
    a: UtcTime,
    b: UtcTime,
    pitch_deg: f64,
) -> Result<Option<UtcTime>, Error> {
    let f = |s: f64| -> Result<f64, Error> {
        Ok(look(sat, target_km, a.plus_seconds(s))?.1.pitch_deg - pitch_deg)
    };
    let span = b.seconds_since(a);
    let (fa, fb) = (f(0.0)?, f(span)?);
    if fa < 0.0 || fb > 0.0 {
        return Ok(None);
    }
    let s = brent_root(f, 0.0, span, fa, fb, TIME_TOLERANCE_S)?;
    Ok(Some(a.plus_seconds(s)))
}

/// A time span in which the satellite passes near an area (padded pass of
/// the area's centre), within which pitch crossings are searched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PassSpan {
    /// Start of the span.
    pub start: UtcTime,
    /// End of the span.
    pub end: UtcTime,
}

/// Spans around the passes of `sat` over a circle of `radius_km` about
/// `center` ((lon, lat) degrees) in which the target may lie within the
/// roll and pitch limits (degrees). The pass finder of the orbit crate runs
/// on the centre with a minimum elevation lowered below the one matching
/// the largest off-nadir angle (incidence from the law of sines) by a
/// margin for the radius; each pass is padded by 2 min plus the radius at
/// 6.5 km/s ground speed. Spans may start before `start` or end after `end`:
/// callers clip the instants they find.
///
/// # Errors
/// Propagation or pass-search failures.
pub fn pass_spans(
    sat: &EoSatellite,
    center: [f64; 2],
    radius_km: f64,
    start: UtcTime,
    end: UtcTime,
    roll_limit_deg: f64,
    pitch_max_deg: f64,
) -> Result<Vec<PassSpan>, Error> {
    let st = sat.state(start)?;
    let r = crate::geom::vec3::norm(st.position_km);
    let earth_r = 6371.0;
    let eta = off_nadir_deg(roll_limit_deg, pitch_max_deg) + 1.0;
    let min_el = match incidence_from_off_nadir_deg(eta, r, earth_r) {
        Some(i) => (90.0 - i - 2.0 - 0.15 * radius_km).max(0.0),
        None => 0.0,
    };
    let station = GroundStation::new("aoi", center[1], center[0], 0.0)?;
    let pad = 120.0 + radius_km / 6.5;
    let opts = PassOptions {
        min_elevation_deg: min_el,
        refraction: false,
        tolerance_s: 0.5,
    };
    let passes = find_passes(
        &sat.orbit,
        &station,
        start.plus_seconds(-pad),
        end.plus_seconds(pad),
        &opts,
    )?;
    Ok(passes
        .into_iter()
        .map(|p| PassSpan {
            start: p.aos.plus_seconds(-pad),
            end: p.los.plus_seconds(pad),
        })
        .collect())
}
