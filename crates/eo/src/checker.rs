//! The independent plan checker.
//!
//! It shares no code with the planner's search, candidate builder or
//! downlink scheduler: it takes a finished [`Plan`] (possibly written by
//! hand or another tool), the requests, the satellites and the stations,
//! and re-derives everything it checks from the orbit crate's propagation,
//! look angles and Sun position, with its own pointing frame (the
//! horizontal projection of the Earth-fixed velocity, not a cross
//! product), its own ground intersection (secant search on geodetic
//! height along the ray, not the ellipsoid quadratic), and its own
//! coverage grid (a longitude/latitude grid weighted by cos φ, not the
//! planner's local-plane grid).
//!
//! Checked: requests and satellites exist and are allowed; acquisitions lie
//! in their request's window and the horizon, within the roll and pitch
//! limits, with the volume the imaging rate gives; incidence and sun
//! elevation at the boresight's ground point within the request's and the
//! sensor's limits; stereo pairs (fore then aft, same strip and roll);
//! one acquisition at a time per satellite with slew + settle between
//! consecutive ones; downlinks after their acquisition, before the
//! deadline, above the station's mask (look angles at start, middle and
//! end), at most the downlink rate, one at a time per satellite and per
//! station; every acquisition fully downlinked; memory never above
//! capacity (volume held from acquisition start to downlink end); and the
//! claimed coverage of each request no more than 5 % (of the area) above
//! what the checker's grid measures, the claimed value equal to
//! Σ priority × claimed fraction.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use silkway_orbit::UtcTime;
use silkway_orbit::aer::Observer;
use silkway_orbit::frames::StateItrf;
use silkway_orbit::geodetic::{ecef_from_geodetic, geodetic_from_ecef};
use silkway_orbit::sun::sun_elevation_deg;

use crate::aoi::AoiShape;
use crate::contacts::DownlinkStation;
use crate::fleet::EoSatellite;
use crate::geom::local::in_ring;
use crate::tasking::{Mode, ParsedRequest, Plan, StereoLook};

/// Coverage tolerance: claimed share minus measured share, at most.
pub const COVERAGE_TOLERANCE: f64 = 0.05;
/// Angle tolerance on incidence and sun limits, degrees.
pub const ANGLE_TOLERANCE_DEG: f64 = 0.05;
/// Time tolerance, s.
pub const TIME_TOLERANCE_S: f64 = 1e-3;

/// The checker's verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// Constraint violations (empty: the plan is feasible).
    pub violations: Vec<String>,
    /// Coverage share measured on the checker's grid, per request id.
    pub measured_fractions: Vec<(String, f64)>,
    /// Σ priority × measured share.
    pub measured_value: f64,
}

impl CheckReport {
    /// No violation.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }
}

struct Axes {
    r: [f64; 3],
    x: [f64; 3],
    y: [f64; 3],
    z: [f64; 3],
}

fn d3(a: [f64; 3], b: [f64; 3]) -> f64 {
    a.iter().zip(b).map(|(p, q)| p * q).sum()
}

fn axes(s: &StateItrf) -> Axes {
    let r = s.position_km;
    let rn = d3(r, r).sqrt();
    let z = r.map(|c| -c / rn);
    let v = s.velocity_km_s;
    let vz = d3(v, z);
    let h = [v[0] - vz * z[0], v[1] - vz * z[1], v[2] - vz * z[2]];
    let hn = d3(h, h).sqrt();
    let x = h.map(|c| c / hn);
    let y = [
        z[1] * x[2] - z[2] * x[1],
        z[2] * x[0] - z[0] * x[2],
        z[0] * x[1] - z[1] * x[0],
    ];
    Axes { r, x, y, z }
}

fn roll_pitch(a: &Axes, target: [f64; 3]) -> (f64, f64) {
    let u = [target[0] - a.r[0], target[1] - a.r[1], target[2] - a.r[2]];
    let n = d3(u, u).sqrt();
    (
        d3(u, a.y).atan2(d3(u, a.z)).to_degrees(),
        (d3(u, a.x) / n).asin().to_degrees(),
    )
}

/// Ground point of the ray (roll, pitch): secant search for the distance
/// along the ray at which the geodetic height is zero.
fn ground(a: &Axes, roll: f64, pitch: f64) -> Option<[f64; 3]> {
    let (sr, cr) = roll.to_radians().sin_cos();
    let (sp, cp) = pitch.to_radians().sin_cos();
    let d = [0, 1, 2].map(|i| a.x[i] * sp + cp * (a.y[i] * sr + a.z[i] * cr));
    let at = |s: f64| [0, 1, 2].map(|i| a.r[i] + s * d[i]);
    let h = |s: f64| geodetic_from_ecef(at(s)).height_km;
    let (mut s0, mut s1) = (0.0, geodetic_from_ecef(a.r).height_km);
    let (mut h0, mut h1) = (h(s0), h(s1));
    for _ in 0..60 {
        if (h1 - h0).abs() < 1e-12 {
            break;
        }
        let s2 = s1 - h1 * (s1 - s0) / (h1 - h0);
        (s0, h0) = (s1, h1);
        s1 = s2;
        h1 = h(s1);
        if h1.abs() < 1e-7 {
            break;
        }
    }
    (h1.abs() < 1e-4 && s1 > 0.0).then(|| at(s1))
}

/// Check a plan against the requests, satellites and stations.
pub fn check_plan(
    plan: &Plan,
    requests: &[ParsedRequest],
    sats: &[EoSatellite],
    stations: &[DownlinkStation],
    extended_roll: bool,
) -> CheckReport {
    let mut v: Vec<String> = Vec::new();
    let req_of: HashMap<&str, &ParsedRequest> = requests
        .iter()
        .map(|r| (r.request.id.as_str(), r))
        .collect();
    let sat_of: HashMap<&str, &EoSatellite> = sats.iter().map(|s| (s.id.as_str(), s)).collect();
    let st_of: HashMap<&str, &DownlinkStation> =
        stations.iter().map(|s| (s.id.as_str(), s)).collect();
    let state = |s: &EoSatellite, t: UtcTime| s.state(t).ok();

    // Acquisitions one by one.
    for a in &plan.acquisitions {
        let name = format!("acquisition {} ({})", a.id, a.request);
        let Some(r) = req_of.get(a.request.as_str()) else {
            v.push(format!("{name}: unknown request"));
            continue;
        };
        let Some(s) = sat_of.get(a.satellite.as_str()) else {
            v.push(format!("{name}: unknown satellite {}", a.satellite));
            continue;
        };
        let rq = &r.request;
        let im = &s.imager;
        if !rq.satellites.is_empty() && !rq.satellites.contains(&a.satellite) {
            v.push(format!(
                "{name}: satellite {} not allowed by the request",
                a.satellite
            ));
        }
        if a.end.seconds_since(a.start) <= 0.0 {
            v.push(format!("{name}: ends before it starts"));
            continue;
        }
        let lo = if rq.window.start > plan.start {
            rq.window.start
        } else {
            plan.start
        };
        let hi = if rq.window.end < plan.end {
            rq.window.end
        } else {
            plan.end
        };
        if a.start.seconds_since(lo) < -TIME_TOLERANCE_S
            || a.end.seconds_since(hi) > TIME_TOLERANCE_S
        {
            v.push(format!(
                "{name}: {}..{} outside the request window and horizon {lo}..{hi}",
                a.start, a.end
            ));
        }
        let roll_limit = if extended_roll {
            im.roll_extended_deg
        } else {
            im.roll_max_deg
        };
        if a.roll_deg.abs() > roll_limit + 1e-9 {
            v.push(format!(
                "{name}: roll {:.3}° beyond ±{roll_limit}°",
                a.roll_deg
            ));
        }
        if a.pitch_deg.abs() > im.pitch_max_deg + 1e-9 {
            v.push(format!(
                "{name}: pitch {:.3}° beyond ±{}°",
                a.pitch_deg, im.pitch_max_deg
            ));
        }
        let rate = im.imaging_rate_mbps.unwrap_or(0.0) / 1000.0;
        let expect = a.end.seconds_since(a.start) * rate;
        if (a.volume_gbit - expect).abs() > 1e-6 * expect.max(1.0) {
            v.push(format!(
                "{name}: volume {:.6} Gbit, the imaging rate gives {expect:.6}",
                a.volume_gbit
            ));
        }
        match (rq.mode, a.stereo) {
            (Mode::Mono, Some(_)) => v.push(format!("{name}: stereo look for a mono request")),
            (Mode::Stereo, None) => v.push(format!("{name}: mono look for a stereo request")),
            _ => {}
        }
        let mid = a.start.plus_seconds(0.5 * a.end.seconds_since(a.start));
        let Some(st) = state(s, mid) else {
            v.push(format!("{name}: cannot propagate {}", a.satellite));
            continue;
        };
        let ax = axes(&st);
        match ground(&ax, a.roll_deg, a.pitch_deg) {
            None => v.push(format!("{name}: boresight misses the Earth")),
            Some(p) => {
                let g = geodetic_from_ecef(p);
                let obs = Observer::new(g.lat_deg, g.lon_deg, 0.0);
                let inc = 90.0 - obs.aer(&st).elevation_deg;
                let sun = sun_elevation_deg(&obs, mid);
                let max_inc = rq
                    .max_incidence_deg
                    .unwrap_or(90.0)
                    .min(im.max_incidence_deg);
                let min_sun = rq
                    .min_sun_elevation_deg
                    .unwrap_or(-90.0)
                    .max(im.min_sun_elevation_deg);
                if inc > max_inc + ANGLE_TOLERANCE_DEG {
                    v.push(format!("{name}: incidence {inc:.2}° above {max_inc}°"));
                }
                if sun < min_sun - ANGLE_TOLERANCE_DEG {
                    v.push(format!("{name}: sun elevation {sun:.2}° below {min_sun}°"));
                }
            }
        }
    }

    // Stereo pairs.
    for r in requests.iter().filter(|r| r.request.mode == Mode::Stereo) {
        let mut looks: Vec<_> = plan
            .acquisitions
            .iter()
            .filter(|a| a.request == r.request.id)
            .collect();
        looks.sort_by(|a, b| {
            a.start
                .partial_cmp(&b.start)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let fores: Vec<_> = looks
            .iter()
            .filter(|a| a.stereo == Some(StereoLook::Fore))
            .collect();
        let afts: Vec<_> = looks
            .iter()
            .filter(|a| a.stereo == Some(StereoLook::Aft))
            .collect();
        for f in &fores {
            let ok = afts.iter().any(|b| {
                b.satellite == f.satellite
                    && b.strips == f.strips
                    && (b.roll_deg - f.roll_deg).abs() < 1e-9
                    && b.start >= f.end
                    && b.start.seconds_since(f.end) < 600.0
                    && f.pitch_deg > 0.0
                    && b.pitch_deg < 0.0
            });
            if !ok {
                v.push(format!(
                    "acquisition {}: stereo fore look without its aft look",
                    f.id
                ));
            }
        }
        if fores.len() != afts.len() {
            v.push(format!(
                "request {}: {} fore and {} aft looks",
                r.request.id,
                fores.len(),
                afts.len()
            ));
        }
    }

    // One at a time, slew + settle, per satellite.
    for s in sats {
        let mut mine: Vec<_> = plan
            .acquisitions
            .iter()
            .filter(|a| a.satellite == s.id)
            .collect();
        mine.sort_by(|a, b| {
            a.start
                .partial_cmp(&b.start)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        for w in mine.windows(2) {
            let (p, n) = (w[0], w[1]);
            let angle = (p.roll_deg - n.roll_deg)
                .abs()
                .max((p.pitch_deg - n.pitch_deg).abs());
            let need = match s.imager.slew_rate_deg_s {
                Some(rate) => angle / rate + s.imager.settle_s,
                None => f64::INFINITY,
            };
            let gap = n.start.seconds_since(p.end);
            if gap + TIME_TOLERANCE_S < need {
                v.push(format!(
                    "{}: acquisitions {} and {} are {gap:.2} s apart, the slew of {angle:.2}° and settle need {need:.2} s",
                    s.id, p.id, n.id
                ));
            }
        }
    }

    // Downlinks.
    let acq_of: HashMap<&str, &crate::tasking::Acquisition> = plan
        .acquisitions
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let mut sent: HashMap<&str, f64> = HashMap::new();
    for d in &plan.downlinks {
        let name = format!(
            "downlink of {} to {} at {}",
            d.acquisition, d.station, d.start
        );
        // (Times are f64 POSIX seconds: ~0.3 µs resolution, hence the tolerances.)
        let Some(a) = acq_of.get(d.acquisition.as_str()) else {
            v.push(format!("{name}: unknown acquisition"));
            continue;
        };
        let (Some(s), Some(st)) = (
            sat_of.get(d.satellite.as_str()),
            st_of.get(d.station.as_str()),
        ) else {
            v.push(format!("{name}: unknown satellite or station"));
            continue;
        };
        if d.satellite != a.satellite {
            v.push(format!(
                "{name}: sent by {} but acquired by {}",
                d.satellite, a.satellite
            ));
        }
        let dur = d.end.seconds_since(d.start);
        if dur <= 0.0 {
            v.push(format!("{name}: ends before it starts"));
            continue;
        }
        if d.start.seconds_since(a.end) < -TIME_TOLERANCE_S {
            v.push(format!(
                "{name}: starts before the acquisition ends ({})",
                a.end
            ));
        }
        let deadline = req_of
            .get(a.request.as_str())
            .and_then(|r| r.request.deliver_by)
            .unwrap_or(plan.end);
        let deadline = if deadline < plan.end {
            deadline
        } else {
            plan.end
        };
        if d.end.seconds_since(deadline) > TIME_TOLERANCE_S {
            v.push(format!(
                "{name}: ends {} after the deadline {deadline}",
                d.end
            ));
        }
        let rate = s.imager.downlink_mbps.unwrap_or(0.0) / 1000.0;
        if d.volume_gbit > rate * (dur + TIME_TOLERANCE_S) {
            v.push(format!(
                "{name}: {:.3} Gbit in {dur:.3} s exceeds the downlink rate",
                d.volume_gbit
            ));
        }
        for t in [d.start, d.start.plus_seconds(0.5 * dur), d.end] {
            if let Some(state) = state(s, t) {
                let aer = st.site.observer.aer(&state);
                if aer.elevation_deg < st.mask_deg(aer.azimuth_deg) - 0.01 {
                    v.push(format!(
                        "{name}: satellite at {:.2}° elevation at {t}, below the mask",
                        aer.elevation_deg
                    ));
                    break;
                }
            }
        }
        *sent.entry(d.acquisition.as_str()).or_default() += d.volume_gbit;
    }
    for a in &plan.acquisitions {
        let s = sent.get(a.id.as_str()).copied().unwrap_or(0.0);
        if (s - a.volume_gbit).abs() > 1e-6 * a.volume_gbit.max(1.0) {
            v.push(format!(
                "acquisition {}: {s:.6} of {:.6} Gbit downlinked",
                a.id, a.volume_gbit
            ));
        }
    }
    for (key, what) in [(0, "satellite"), (1, "station")] {
        let mut groups: HashMap<&str, Vec<&crate::tasking::Downlink>> = HashMap::new();
        for d in &plan.downlinks {
            groups
                .entry(if key == 0 {
                    d.satellite.as_str()
                } else {
                    d.station.as_str()
                })
                .or_default()
                .push(d);
        }
        for (k, mut ds) in groups {
            ds.sort_by(|a, b| {
                a.start
                    .partial_cmp(&b.start)
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            for w in ds.windows(2) {
                if w[1].start.seconds_since(w[0].end) < -TIME_TOLERANCE_S {
                    v.push(format!(
                        "{what} {k}: downlinks at {} and {} overlap",
                        w[0].start, w[1].start
                    ));
                }
            }
        }
    }
    // Memory.
    for s in sats {
        let cap = s.imager.memory_gbit.unwrap_or(f64::INFINITY);
        let mut events: Vec<(f64, f64)> = plan
            .acquisitions
            .iter()
            .filter(|a| a.satellite == s.id)
            .map(|a| (a.start.seconds_since(plan.start), a.volume_gbit))
            .chain(
                plan.downlinks
                    .iter()
                    .filter(|d| d.satellite == s.id)
                    .map(|d| (d.end.seconds_since(plan.start), -d.volume_gbit)),
            )
            .collect();
        events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut held = 0.0;
        for (t, dv) in events {
            held += dv;
            if held > cap + 1e-6 {
                v.push(format!(
                    "{}: memory {held:.3} Gbit above {cap} Gbit at +{t:.1} s",
                    s.id
                ));
                break;
            }
        }
    }

    // Coverage and value.
    let measured: Vec<(String, f64, Vec<String>)> = requests
        .par_iter()
        .map(|r| {
            let looks: Vec<_> = plan.acquisitions.iter().filter(|a| a.request == r.request.id).collect();
            let frac = if looks.is_empty() { 0.0 } else { measure(r, &looks, &sat_of) };
            let mut problems = Vec::new();
            let claimed = plan.requests.iter().find(|o| o.id == r.request.id);
            match claimed {
                None => problems.push(format!("request {}: missing from the plan's request list", r.request.id)),
                Some(o) => {
                    if o.covered_fraction > frac + COVERAGE_TOLERANCE {
                        problems.push(format!(
                            "request {}: claims {:.3} of the area, the acquisitions cover {frac:.3}",
                            r.request.id, o.covered_fraction
                        ));
                    }
                    if (o.value - o.covered_fraction * r.request.priority).abs() > 1e-9 {
                        problems.push(format!("request {}: value is not priority × fraction", r.request.id));
                    }
                }
            }
            (r.request.id.clone(), frac, problems)
        })
        .collect();
    let claimed_total: f64 = plan.requests.iter().map(|o| o.value).sum();
    if (claimed_total - plan.value).abs() > 1e-6 {
        v.push(format!(
            "plan value {} differs from the sum over requests {claimed_total}",
            plan.value
        ));
    }
    let mut measured_value = 0.0;
    let mut measured_fractions = Vec::new();
    for (r, (id, f, problems)) in requests.iter().zip(measured) {
        measured_value += f * r.request.priority;
        measured_fractions.push((id, f));
        v.extend(problems);
    }
    CheckReport {
        violations: v,
        measured_fractions,
        measured_value,
    }
}

/// Share of the request's area imaged by its acquisitions, on a
/// longitude/latitude grid weighted by cos φ (a point target: 0 or 1).
fn measure(
    r: &ParsedRequest,
    looks: &[&crate::tasking::Acquisition],
    sat_of: &HashMap<&str, &EoSatellite>,
) -> f64 {
    let points: Vec<([f64; 2], f64)> = match &r.aoi.shape {
        AoiShape::Point(p) => vec![(*p, 1.0)],
        AoiShape::Polygons(polys) => {
            let all = polys.iter().flat_map(|p| p.exterior.iter());
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for q in all {
                x0 = x0.min(q[0]);
                x1 = x1.max(q[0]);
                y0 = y0.min(q[1]);
                y1 = y1.max(q[1]);
            }
            let n = 16;
            let mut pts = Vec::new();
            for j in 0..n {
                for i in 0..n {
                    let q = [
                        x0 + (x1 - x0) * (i as f64 + 0.5) / n as f64,
                        y0 + (y1 - y0) * (j as f64 + 0.5) / n as f64,
                    ];
                    let inside = polys
                        .iter()
                        .any(|p| in_ring(q, &p.exterior) && !p.holes.iter().any(|h| in_ring(q, h)));
                    if inside {
                        pts.push((q, q[1].to_radians().cos()));
                    }
                }
            }
            if pts.is_empty() {
                pts.push((r.aoi.centroid, 1.0));
            }
            pts
        }
    };
    let stereo = r.request.mode == Mode::Stereo;
    let (mut total, mut got) = (0.0, 0.0);
    for (q, w) in points {
        total += w;
        let target = ecef_from_geodetic(q[1], q[0], 0.0);
        let (mut fore, mut aft, mut mono) = (false, false, false);
        for a in looks {
            let Some(s) = sat_of.get(a.satellite.as_str()) else {
                continue;
            };
            if imaged(s, a, target) {
                match a.stereo {
                    Some(StereoLook::Fore) => fore = true,
                    Some(StereoLook::Aft) => aft = true,
                    None => mono = true,
                }
            }
        }
        if (stereo && fore && aft) || (!stereo && mono) {
            got += w;
        }
    }
    if total > 0.0 { got / total } else { 0.0 }
}

/// Whether the acquisition's swath passes over `target`: the target's
/// pitch crosses the acquisition's pitch during it, and at that instant its
/// roll is within half the field of view of the acquisition's roll.
fn imaged(s: &EoSatellite, a: &crate::tasking::Acquisition, target: [f64; 3]) -> bool {
    let pitch_at = |t: UtcTime| s.state(t).ok().map(|st| roll_pitch(&axes(&st), target));
    let (Some((_, p0)), Some((_, p1))) = (pitch_at(a.start), pitch_at(a.end)) else {
        return false;
    };
    if !(p0 >= a.pitch_deg && a.pitch_deg >= p1) {
        return false;
    }
    let (mut lo, mut hi) = (0.0, a.end.seconds_since(a.start));
    for _ in 0..30 {
        let m = 0.5 * (lo + hi);
        match pitch_at(a.start.plus_seconds(m)) {
            Some((_, p)) if p > a.pitch_deg => lo = m,
            Some(_) => hi = m,
            None => return false,
        }
    }
    let t = a.start.plus_seconds(0.5 * (lo + hi));
    let Some(st) = s.state(t).ok() else {
        return false;
    };
    let ax = axes(&st);
    let (roll, _) = roll_pitch(&ax, target);
    // Half field of view from the swath at nadir (spherical Earth of the
    // local radius below the satellite).
    let rn = d3(ax.r, ax.r).sqrt();
    let earth = rn - geodetic_from_ecef(ax.r).height_km;
    let lambda = 0.5 * s.imager.swath_km / earth;
    let half = (earth * lambda.sin())
        .atan2(rn - earth * lambda.cos())
        .to_degrees();
    (roll - a.roll_deg).abs() <= half + 1e-6
}
