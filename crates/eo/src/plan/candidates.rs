//! Candidate acquisitions: for each request, satellite and pass, every
//! run of adjacent ground strips one swath can take, at each pitch the
//! platform allows (mono) or as a fore/aft pair (stereo), with its times,
//! roll, volume and the request's geometry limits checked.

use std::collections::HashMap;

use silkway_orbit::UtcTime;
use silkway_orbit::aer::Observer;
use silkway_orbit::geodetic::ecef_from_geodetic;
use silkway_orbit::sun::sun_elevation_deg;

use super::strips::{GroundStrip, ground_strips};
use crate::access::{aoi_radius_km, boresight_conditions, ground_speed_km_s, half_fov_at};
use crate::error::Error;
use crate::fleet::EoSatellite;
use crate::geom::ellipsoid::geodetic_up;
use crate::geom::pointing::PointingFrame;
use crate::geom::vec3::{cross, dot};
use crate::tasking::{Mode, ParsedRequest, StereoLook};
use crate::timing::{PassSpan, look, pass_spans, pitch_crossing};

/// Pitch of each look of a stereo pair, degrees (±; a base-to-height
/// ratio of about 0.35 from 700 km, within SPOT 6/7's 0.2–0.8 range).
pub const STEREO_PITCH_DEG: f64 = 10.0;
/// Pitches offered to mono acquisitions, degrees (those within the limit).
pub const MONO_PITCHES_DEG: [f64; 5] = [0.0, 10.0, -10.0, 20.0, -20.0];
/// Ground strips are this share of the narrowest swath (the rest absorbs
/// the small heading differences between satellites and passes).
pub const STRIP_SHARE_OF_SWATH: f64 = 0.85;
/// Most adjacent strips one acquisition may take.
const MAX_STRIPS_PER_LOOK: usize = 8;

/// One constant-attitude look.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Start, s after the horizon start.
    pub start_s: f64,
    /// End, s after the horizon start.
    pub end_s: f64,
    /// Roll, degrees.
    pub roll_deg: f64,
    /// Pitch, degrees.
    pub pitch_deg: f64,
    /// Incidence at mid-look, degrees.
    pub incidence_deg: f64,
    /// Sun elevation at mid-look, degrees.
    pub sun_elevation_deg: f64,
    /// Stereo role.
    pub stereo: Option<StereoLook>,
}

/// A candidate acquisition (one look, or a stereo pair).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Request index.
    pub req: usize,
    /// Satellite index.
    pub sat: usize,
    /// First ground strip covered.
    pub strip_lo: usize,
    /// Last ground strip covered (inclusive).
    pub strip_hi: usize,
    /// The looks, in time order.
    pub looks: Vec<Look>,
    /// Data volume, Gbit.
    pub volume_gbit: f64,
    /// Data must be downlinked by then, s after the horizon start.
    pub deadline_s: f64,
}

impl Candidate {
    /// Start of the first look, s.
    pub fn start_s(&self) -> f64 {
        self.looks[0].start_s
    }
    /// End of the last look, s.
    pub fn end_s(&self) -> f64 {
        self.looks[self.looks.len() - 1].end_s
    }
    /// Attitude (roll, pitch) at the start.
    pub fn entry(&self) -> (f64, f64) {
        (self.looks[0].roll_deg, self.looks[0].pitch_deg)
    }
    /// Attitude at the end.
    pub fn exit(&self) -> (f64, f64) {
        let l = &self.looks[self.looks.len() - 1];
        (l.roll_deg, l.pitch_deg)
    }
}

/// Candidates and ground strips of every request.
#[derive(Debug, Clone)]
pub struct CandidateSet {
    /// Ground strips per request.
    pub strips: Vec<Vec<GroundStrip>>,
    /// All candidates.
    pub candidates: Vec<Candidate>,
}

/// Build the candidates of all requests (in parallel over requests).
///
/// # Errors
/// Propagation failures; [`Error::Config`] for a request naming an unknown
/// satellite or satellites lacking planning figures.
pub fn build(
    requests: &[ParsedRequest],
    sats: &[EoSatellite],
    horizon: (UtcTime, UtcTime),
    extended_roll: bool,
) -> Result<CandidateSet, Error> {
    use rayon::prelude::*;
    for s in sats {
        s.imager.planning()?;
    }
    type PerRequest = Result<(Vec<GroundStrip>, Vec<Candidate>), Error>;
    let per: Vec<PerRequest> = requests
        .par_iter()
        .enumerate()
        .map(|(i, r)| request_candidates(i, r, sats, horizon, extended_roll))
        .collect();
    let mut set = CandidateSet {
        strips: Vec::new(),
        candidates: Vec::new(),
    };
    for p in per {
        let (s, c) = p?;
        set.strips.push(s);
        set.candidates.extend(c);
    }
    Ok(set)
}

fn ecef(p: [f64; 2]) -> [f64; 3] {
    ecef_from_geodetic(p[1], p[0], 0.0)
}

/// Heading of the strips (degrees clockwise from north) at `centre` for a
/// pass whose broadside frame is `frame`: the imaged band at constant roll
/// runs parallel to the ground track, i.e. perpendicular to the great
/// circle from the centre to the sub-satellite point, so the heading is the
/// satellite's azimuth seen from the centre ± 90°, on the side of the
/// satellite's motion. Near nadir (azimuth undefined) the along-track axis
/// projected on the local horizontal is used directly.
fn heading_deg(frame: &PointingFrame, centre: [f64; 2], roll_deg: f64) -> f64 {
    let up = geodetic_up(centre[1], centre[0]);
    let east = {
        let e = cross([0.0, 0.0, 1.0], up);
        let n = dot(e, e).sqrt();
        [e[0] / n, e[1] / n, e[2] / n]
    };
    let north = cross(up, east);
    let along = dot(frame.x, east).atan2(dot(frame.x, north)).to_degrees();
    if roll_deg.abs() < 2.0 {
        return along;
    }
    let obs = Observer::new(centre[1], centre[0], 0.0);
    let sat = silkway_orbit::frames::StateItrf {
        position_km: frame.position_km,
        velocity_km_s: [0.0; 3],
    };
    let az = obs.aer(&sat).azimuth_deg;
    let diff = |h: f64| ((h - along + 540.0).rem_euclid(360.0) - 180.0).abs();
    let (a, b) = (az + 90.0, az - 90.0);
    if diff(a) <= diff(b) { a } else { b }
}

fn request_candidates(
    ri: usize,
    pr: &ParsedRequest,
    sats: &[EoSatellite],
    horizon: (UtcTime, UtcTime),
    extended_roll: bool,
) -> Result<(Vec<GroundStrip>, Vec<Candidate>), Error> {
    let r = &pr.request;
    let aoi = &pr.aoi;
    let allowed: Vec<usize> = if r.satellites.is_empty() {
        (0..sats.len()).collect()
    } else {
        r.satellites
            .iter()
            .map(|id| {
                sats.iter().position(|s| &s.id == id).ok_or_else(|| {
                    Error::Config(format!(
                        "request {}: satellite {id} is not among those planned",
                        r.id
                    ))
                })
            })
            .collect::<Result<_, _>>()?
    };
    let (w0, w1) = (
        r.window.start.max_of(horizon.0),
        r.window.end.min_of(horizon.1),
    );
    let radius = aoi_radius_km(aoi);
    let centre = ecef(aoi.centroid);
    let centre_obs = Observer::new(aoi.centroid[1], aoi.centroid[0], 0.0);
    // Usable spans (daylight at the centre's broadside) per allowed satellite.
    let mut spans: Vec<(usize, PassSpan, f64)> = Vec::new();
    let mut heading = None;
    if w1 > w0 {
        for &si in &allowed {
            let sat = &sats[si];
            let im = &sat.imager;
            let min_sun = r
                .min_sun_elevation_deg
                .unwrap_or(f64::MIN)
                .max(im.min_sun_elevation_deg);
            let limit = im.roll_limit_deg(extended_roll);
            for span in pass_spans(
                sat,
                aoi.centroid,
                radius,
                w0,
                w1,
                limit + 3.0,
                im.pitch_max_deg,
            )? {
                let Some(tb) = pitch_crossing(sat, centre, span.start, span.end, 0.0)? else {
                    continue;
                };
                if sun_elevation_deg(&centre_obs, tb) < min_sun - 3.0 {
                    continue;
                }
                let (frame, angles) = look(sat, centre, tb)?;
                if angles.roll_deg.abs() > limit + 12.0 + radius / 20.0 {
                    continue;
                }
                // The strips follow the pass seen closest to nadir (the most
                // representative; the others differ by a degree or two).
                if heading.is_none_or(|(r, _): (f64, f64)| angles.roll_deg.abs() < r) {
                    heading = Some((
                        angles.roll_deg.abs(),
                        heading_deg(&frame, aoi.centroid, angles.roll_deg),
                    ));
                }
                spans.push((si, span, tb.seconds_since(horizon.0)));
            }
        }
    }
    let min_swath = allowed
        .iter()
        .map(|&s| sats[s].imager.swath_km)
        .fold(f64::MAX, f64::min);
    let strips = ground_strips(
        aoi,
        heading.map_or(190.0, |h| h.1),
        STRIP_SHARE_OF_SWATH * min_swath,
    );
    let mut out = Vec::new();
    for (si, span, _) in spans {
        span_candidates(
            ri,
            pr,
            &strips,
            &sats[si],
            si,
            span,
            (w0, w1),
            horizon,
            extended_roll,
            &mut out,
        )?;
    }
    Ok((strips, out))
}

trait MinMax {
    fn max_of(self, o: Self) -> Self;
    fn min_of(self, o: Self) -> Self;
}

impl MinMax for UtcTime {
    fn max_of(self, o: Self) -> Self {
        if o > self { o } else { self }
    }
    fn min_of(self, o: Self) -> Self {
        if o < self { o } else { self }
    }
}

#[allow(clippy::too_many_arguments)]
#[allow(clippy::needless_range_loop)]
fn span_candidates(
    ri: usize,
    pr: &ParsedRequest,
    strips: &[GroundStrip],
    sat: &EoSatellite,
    si: usize,
    span: PassSpan,
    window: (UtcTime, UtcTime),
    horizon: (UtcTime, UtcTime),
    extended_roll: bool,
    out: &mut Vec<Candidate>,
) -> Result<(), Error> {
    let r = &pr.request;
    let im = &sat.imager;
    let fig = im.planning()?;
    let limit = im.roll_limit_deg(extended_roll);
    let max_inc = r
        .max_incidence_deg
        .unwrap_or(90.0)
        .min(im.max_incidence_deg);
    let min_sun = r
        .min_sun_elevation_deg
        .unwrap_or(-90.0)
        .max(im.min_sun_elevation_deg);
    let t0 = horizon.0;
    // Broadside roll of every representative point (None: not seen).
    let mut roll_of: Vec<Vec<Option<(f64, UtcTime)>>> = Vec::new();
    for s in strips {
        let mut v = Vec::new();
        for &p in &s.points {
            let e = ecef(p);
            v.push(match pitch_crossing(sat, e, span.start, span.end, 0.0)? {
                Some(t) => Some((look(sat, e, t)?.1.roll_deg, t)),
                None => None,
            });
        }
        roll_of.push(v);
    }
    let Some(&(_, tb_any)) = roll_of.iter().flatten().flatten().next() else {
        return Ok(());
    };
    let half = half_fov_at(sat, &PointingFrame::new(&sat.state(tb_any)?));
    let scene_s = if pr.aoi.area_km2 == 0.0 {
        im.swath_km / ground_speed_km_s(sat, tb_any)?
    } else {
        0.0
    };
    let mut crossings: HashMap<(usize, usize, u64), Option<UtcTime>> = HashMap::new();
    let mut at_pitch = |k: usize, j: usize, pitch: f64| -> Result<Option<UtcTime>, Error> {
        if let Some(v) = crossings.get(&(k, j, pitch.to_bits())) {
            return Ok(*v);
        }
        let v = pitch_crossing(sat, ecef(strips[k].points[j]), span.start, span.end, pitch)?;
        crossings.insert((k, j, pitch.to_bits()), v);
        Ok(v)
    };
    let deadline_s = r.deliver_by.unwrap_or(horizon.1).seconds_since(t0);
    for lo in 0..strips.len() {
        let (mut rmin, mut rmax) = (f64::MAX, f64::MIN);
        for hi in lo..strips.len().min(lo + MAX_STRIPS_PER_LOOK) {
            let mut seen = true;
            for v in &roll_of[hi] {
                match v {
                    Some((roll, _)) => {
                        rmin = rmin.min(*roll);
                        rmax = rmax.max(*roll);
                    }
                    None => seen = false,
                }
            }
            if !seen || rmax - rmin > 2.0 * half * 0.98 {
                break;
            }
            let roll = 0.5 * (rmin + rmax);
            if roll.abs() > limit {
                continue;
            }
            let pitch_sets: Vec<Vec<(f64, Option<StereoLook>)>> = match r.mode {
                Mode::Mono => MONO_PITCHES_DEG
                    .iter()
                    .filter(|p| p.abs() <= im.pitch_max_deg + 1e-9)
                    .map(|&p| vec![(p, None)])
                    .collect(),
                Mode::Stereo if im.pitch_max_deg >= STEREO_PITCH_DEG => vec![vec![
                    (STEREO_PITCH_DEG, Some(StereoLook::Fore)),
                    (-STEREO_PITCH_DEG, Some(StereoLook::Aft)),
                ]],
                Mode::Stereo => Vec::new(),
            };
            'pitch: for set in pitch_sets {
                let mut looks = Vec::new();
                for (pitch, stereo) in set {
                    let (mut a, mut b): (Option<UtcTime>, Option<UtcTime>) = (None, None);
                    for k in lo..=hi {
                        for j in 0..strips[k].points.len() {
                            let Some(t) = at_pitch(k, j, pitch)? else {
                                continue 'pitch;
                            };
                            a = Some(a.map_or(t, |x: UtcTime| x.min_of(t)));
                            b = Some(b.map_or(t, |x: UtcTime| x.max_of(t)));
                        }
                    }
                    let (Some(mut a), Some(mut b)) = (a, b) else {
                        continue 'pitch;
                    };
                    let pad = (0.5f64).max(0.5 * (scene_s - b.seconds_since(a)));
                    a = a.plus_seconds(-pad);
                    b = b.plus_seconds(pad);
                    if a < window.0 || b > window.1 {
                        continue 'pitch;
                    }
                    let mid = a.plus_seconds(0.5 * b.seconds_since(a));
                    let Some((inc, sun)) = boresight_conditions(sat, mid, roll, pitch)? else {
                        continue 'pitch;
                    };
                    if inc > max_inc || sun < min_sun {
                        continue 'pitch;
                    }
                    looks.push(Look {
                        start_s: a.seconds_since(t0),
                        end_s: b.seconds_since(t0),
                        roll_deg: roll,
                        pitch_deg: pitch,
                        incidence_deg: inc,
                        sun_elevation_deg: sun,
                        stereo,
                    });
                }
                if looks.len() == 2 {
                    let gap = looks[1].start_s - looks[0].end_s;
                    let need = im.transition_s(
                        (looks[0].roll_deg, looks[0].pitch_deg),
                        (looks[1].roll_deg, looks[1].pitch_deg),
                    );
                    if gap < need {
                        continue;
                    }
                }
                let seconds: f64 = looks.iter().map(|l| l.end_s - l.start_s).sum();
                out.push(Candidate {
                    req: ri,
                    sat: si,
                    strip_lo: lo,
                    strip_hi: hi,
                    volume_gbit: seconds * fig.imaging_rate_mbps / 1000.0,
                    looks,
                    deadline_s,
                });
            }
        }
    }
    Ok(())
}
