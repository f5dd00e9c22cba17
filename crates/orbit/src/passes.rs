//! Pass prediction: AOS, TCA (maximum elevation) and LOS of satellites over
//! ground stations.
//!
//! Method (written for this crate):
//! 1. **Screening.** The geocentric angle θ between station and satellite
//!    must fall below θ_max = acos(R_s/r_max · cos e₀) − e₀ for the satellite
//!    to reach elevation e₀ (spherical geometry, 0.5° margin for the
//!    ellipsoid). θ changes no faster than the satellite's largest angular
//!    rate (at perigee) plus the Earth's rotation, so while θ > θ_max the
//!    search jumps ahead by (θ − θ_max)/ω_max: no pass can be skipped.
//!    Likewise θ ≥ |β|, the station's angle out of the orbit plane, which
//!    changes only at about the Earth's rotation rate: while |β| > θ_max
//!    the search jumps by (|β| − θ_max)/ω_β.
//! 2. **Coarse sampling** near the station at a step of 1/40 of the period
//!    (10 s to 300 s) of f(t) = elevation − threshold(azimuth).
//! 3. **Bracketing**: sign changes of f between samples; local maxima (and
//!    minima) of f that hide a short pass (or a short gap) between samples are
//!    refined with Brent's `localmin` first.
//! 4. **Roots** (AOS/LOS) by Brent's method to 1 ms; **TCA** by Brent's
//!    golden-section/parabolic search on elevation.
//!
//! A pass already above the threshold at the window start gets `aos` = start
//! and `in_progress_at_start`; one still up at the end gets `los` = end and
//! `in_progress_at_end`. An always-visible GEO satellite therefore yields one
//! pass flagged at both ends; a never-visible one yields none.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::aer::{Aer, refraction_deg};
use crate::error::{OrbitError, Result};
use crate::frames::{EARTH_ROTATION_RAD_S, StateItrf, gmst82_rad, teme_to_itrf_with_gmst};
use crate::propagate::Satellite;
use crate::solve::{brent_min, brent_root};
use crate::station::GroundStation;
use crate::time::UtcTime;

/// Angular margin on the out-of-plane screening, rad (0.5°).
const PLANE_MARGIN_RAD: f64 = 0.5 * std::f64::consts::PI / 180.0;
/// Bound on the rate of the station's out-of-plane angle, rad/s: the Earth's
/// rotation plus 1e-5 rad/s for nodal precession and J2 short-period wobble
/// of the osculating plane (amplitude ~1e-3 rad at twice the orbital rate).
const PLANE_RATE_RAD_S: f64 = EARTH_ROTATION_RAD_S + 1e-5;

/// WGS-72 gravitational parameter, km³/s² (the value SGP4 uses).
const MU_KM3_S2: f64 = 398_600.8;

/// Settings of a pass search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PassOptions {
    /// Minimum elevation, degrees (a station mask can raise it by azimuth).
    pub min_elevation_deg: f64,
    /// Use apparent (refracted) elevation, Sæmundsson's formula.
    pub refraction: bool,
    /// Time tolerance of AOS, LOS and TCA, seconds.
    pub tolerance_s: f64,
}

impl Default for PassOptions {
    fn default() -> Self {
        Self {
            min_elevation_deg: 0.0,
            refraction: false,
            tolerance_s: 1e-3,
        }
    }
}

/// One pass of a satellite over a station.
///
/// # Units
/// Degrees; times in UTC.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Pass {
    /// Satellite name (TLE title line, trimmed).
    pub satellite: String,
    /// NORAD catalog number.
    pub norad_id: u32,
    /// Station name.
    pub station: String,
    /// Acquisition of signal (rise above the threshold), or the window start.
    pub aos: UtcTime,
    /// Time of closest approach (maximum elevation).
    pub tca: UtcTime,
    /// Loss of signal (set below the threshold), or the window end.
    pub los: UtcTime,
    /// Maximum elevation, degrees.
    pub max_elevation_deg: f64,
    /// Azimuth at AOS, degrees.
    pub aos_azimuth_deg: f64,
    /// Azimuth at TCA, degrees.
    pub tca_azimuth_deg: f64,
    /// Azimuth at LOS, degrees.
    pub los_azimuth_deg: f64,
    /// The pass was already in progress at the window start.
    pub in_progress_at_start: bool,
    /// The pass was still in progress at the window end.
    pub in_progress_at_end: bool,
}

impl Pass {
    /// Duration, seconds.
    pub fn duration_s(&self) -> f64 {
        self.los.seconds_since(self.aos)
    }
}

#[derive(Debug, Clone, Copy)]
struct Sample {
    t: f64,
    f: f64,
    elevation_deg: f64,
    /// Time during which the satellite certainly stays invisible, s
    /// (negative or small near the station).
    skip_s: f64,
}

struct Search<'a> {
    sat: &'a Satellite,
    station: &'a GroundStation,
    options: PassOptions,
    start: UtcTime,
    station_unit: [f64; 3],
    theta_max_rad: f64,
    omega_max_rad_s: f64,
    gmst0_rad: f64,
    gmst_rate_rad_s: f64,
    /// Asked every [`INTERRUPT_EVERY`] samples whether to give up.
    interrupt: Option<&'a (dyn Fn() -> bool + Sync)>,
}

/// Samples between two calls of a search's interrupt check.
const INTERRUPT_EVERY: usize = 512;

impl<'a> Search<'a> {
    fn new(
        sat: &'a Satellite,
        station: &'a GroundStation,
        start: UtcTime,
        options: PassOptions,
    ) -> Self {
        let el = &sat.elements;
        let n_rad_s = el.mean_motion_rev_per_day * std::f64::consts::TAU / 86_400.0;
        let a_km = (MU_KM3_S2 / (n_rad_s * n_rad_s)).cbrt();
        let e = el.eccentricity.min(0.999);
        // Osculating radius stays within a few tens of km of the mean apogee
        // (J2 short-period terms, drag over days): 1 % + 50 km margin.
        let r_max_km = a_km * (1.0 + e) * 1.01 + 50.0;
        let r_p = (a_km * (1.0 - e)).max(6000.0);
        let h = (MU_KM3_S2 * a_km * (1.0 - e * e)).sqrt();
        let omega_max_rad_s = 1.15 * h / (r_p * r_p) + EARTH_ROTATION_RAD_S;
        let mut e0 = options.min_elevation_deg;
        if let Some(mask) = &station.mask {
            e0 = e0.max(mask.min_elevation_deg());
        }
        if options.refraction {
            e0 -= 0.6;
        }
        let e0 = (e0 - 0.5).max(-90.0).to_radians();
        let p = station.observer.ecef_km;
        let rs = (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt();
        let ratio = rs / r_max_km * e0.cos();
        // Never visible when even the apogee is below the horizon cone.
        let theta_max_rad = if ratio >= 1.0 {
            -1.0
        } else {
            ratio.acos() - e0
        };
        let gmst0_rad = gmst82_rad(start);
        let day_later = gmst82_rad(start.plus_seconds(86_400.0));
        let gmst_rate_rad_s = ((day_later - gmst0_rad).rem_euclid(std::f64::consts::TAU)
            + std::f64::consts::TAU)
            / 86_400.0;
        Self {
            sat,
            station,
            options,
            start,
            station_unit: [p[0] / rs, p[1] / rs, p[2] / rs],
            theta_max_rad,
            omega_max_rad_s,
            gmst0_rad,
            gmst_rate_rad_s,
            interrupt: None,
        }
    }

    fn interrupted(&self, i: usize) -> Result<()> {
        match self.interrupt {
            Some(stop) if i % INTERRUPT_EVERY == INTERRUPT_EVERY - 1 && stop() => {
                Err(OrbitError::Cancelled)
            }
            _ => Ok(()),
        }
    }

    fn time(&self, t: f64) -> UtcTime {
        self.start.plus_seconds(t)
    }

    /// Earth-fixed state at `t` seconds after the window start. GMST is
    /// advanced linearly from the start (the IAU-82 quadratic term changes
    /// it by < 1e-8 s over a week).
    fn itrf(&self, t: f64) -> Result<StateItrf> {
        let teme = self.sat.propagate(self.time(t))?;
        Ok(teme_to_itrf_with_gmst(
            &teme,
            self.gmst0_rad + self.gmst_rate_rad_s * t,
        ))
    }

    fn refract(&self, elevation_deg: f64) -> f64 {
        if self.options.refraction {
            elevation_deg + refraction_deg(elevation_deg)
        } else {
            elevation_deg
        }
    }

    /// Full look angles (azimuth needed).
    fn look(&self, t: f64) -> Result<Aer> {
        let mut aer = self.station.observer.aer(&self.itrf(t)?);
        aer.elevation_deg = self.refract(aer.elevation_deg);
        Ok(aer)
    }

    /// Elevation only (no azimuth, no range rate): the cheap path of the
    /// root and maximum searches.
    fn elevation(&self, t: f64) -> Result<f64> {
        let r = self.itrf(t)?.position_km;
        let o = self.station.observer.ecef_km;
        let rho = [r[0] - o[0], r[1] - o[1], r[2] - o[2]];
        let up = self.station.observer.up();
        let u = rho[0] * up[0] + rho[1] * up[1] + rho[2] * up[2];
        let range2 = rho[0] * rho[0] + rho[1] * rho[1] + rho[2] * rho[2];
        let horizontal = (range2 - u * u).max(0.0).sqrt();
        Ok(self.refract(u.atan2(horizontal).to_degrees()))
    }

    fn threshold(&self, azimuth_deg: f64) -> f64 {
        match &self.station.mask {
            Some(m) => self
                .options
                .min_elevation_deg
                .max(m.elevation_deg(azimuth_deg)),
            None => self.options.min_elevation_deg,
        }
    }

    fn sample(&self, t: f64) -> Result<Sample> {
        let teme = self.sat.propagate(self.time(t))?;
        let gmst = self.gmst0_rad + self.gmst_rate_rad_s * t;
        let itrf = teme_to_itrf_with_gmst(&teme, gmst);
        let mut aer = self.station.observer.aer(&itrf);
        aer.elevation_deg = self.refract(aer.elevation_deg);
        let r = itrf.position_km;
        let rn = (r[0] * r[0] + r[1] * r[1] + r[2] * r[2]).sqrt();
        let u = self.station_unit;
        let cos_theta = ((r[0] * u[0] + r[1] * u[1] + r[2] * u[2]) / rn).clamp(-1.0, 1.0);
        let excess_rad = cos_theta.acos() - self.theta_max_rad;
        // Out-of-plane angle β of the station from the orbit plane (TEME):
        // θ ≥ |β|, and |β| changes no faster than the station's inertial
        // motion plus the osculating plane's wobble.
        let (rr, vv) = (teme.position_km, teme.velocity_km_s);
        let h = [
            rr[1] * vv[2] - rr[2] * vv[1],
            rr[2] * vv[0] - rr[0] * vv[2],
            rr[0] * vv[1] - rr[1] * vv[0],
        ];
        let hn = (h[0] * h[0] + h[1] * h[1] + h[2] * h[2]).sqrt();
        let (sg, cg) = gmst.sin_cos();
        let su = [cg * u[0] - sg * u[1], sg * u[0] + cg * u[1], u[2]];
        let sin_beta = ((su[0] * h[0] + su[1] * h[1] + su[2] * h[2]) / hn).clamp(-1.0, 1.0);
        let plane_excess_rad = sin_beta.abs().asin() - self.theta_max_rad - PLANE_MARGIN_RAD;
        let skip_s = (excess_rad / self.omega_max_rad_s).max(plane_excess_rad / PLANE_RATE_RAD_S);
        Ok(Sample {
            t,
            f: aer.elevation_deg - self.threshold(aer.azimuth_deg),
            elevation_deg: aer.elevation_deg,
            skip_s,
        })
    }

    /// Elevation above the threshold, degrees.
    fn f(&self, t: f64) -> Result<f64> {
        if self.station.mask.is_some() {
            let aer = self.look(t)?;
            Ok(aer.elevation_deg - self.threshold(aer.azimuth_deg))
        } else {
            Ok(self.elevation(t)? - self.options.min_elevation_deg)
        }
    }

    fn fine_step_s(&self) -> f64 {
        (self.sat.elements.period_s() / 40.0).clamp(10.0, 300.0)
    }

    /// Coarse samples over [0, span]; `certain[i]` is true when the interval
    /// before sample i is certified invisible by the screening.
    fn scan(&self, span: f64) -> Result<(Vec<Sample>, Vec<bool>)> {
        let h = self.fine_step_s();
        let mut samples = Vec::new();
        let mut certain = Vec::new();
        let mut t = 0.0;
        let mut skipped = false;
        loop {
            self.interrupted(samples.len())?;
            let s = self.sample(t)?;
            samples.push(s);
            certain.push(skipped);
            if t >= span {
                break;
            }
            skipped = s.skip_s > h;
            let step = if skipped { s.skip_s } else { h };
            t = (t + step).min(span);
        }
        Ok((samples, certain))
    }

    fn passes(&self, span: f64) -> Result<Vec<Pass>> {
        let tol = self.options.tolerance_s;
        let (samples, certain) = self.scan(span)?;
        // Add hidden extrema: a local maximum of f below zero may hide a
        // short pass; a local minimum above zero may hide a short gap.
        let mut points: Vec<(f64, f64)> = samples.iter().map(|s| (s.t, s.f)).collect();
        for i in 1..samples.len().saturating_sub(1) {
            self.interrupted(i)?;
            let (a, m, b) = (&samples[i - 1], &samples[i], &samples[i + 1]);
            if certain[i] && certain[i + 1] {
                continue;
            }
            if m.f < 0.0 && m.f >= a.f && m.f >= b.f {
                let (t, neg) = brent_min(|t| self.f(t).map(|v| -v), a.t, b.t, tol * 10.0)?;
                if -neg > 0.0 {
                    points.push((t, -neg));
                }
            } else if m.f > 0.0 && m.f <= a.f && m.f <= b.f {
                let (t, v) = brent_min(|t| self.f(t), a.t, b.t, tol * 10.0)?;
                if v < 0.0 {
                    points.push((t, v));
                }
            }
        }
        points.sort_by(|x, y| x.0.total_cmp(&y.0));
        // Roots between consecutive points of opposite sign.
        let mut events: Vec<(f64, bool)> = Vec::new(); // (t, rising)
        for w in points.windows(2) {
            let ((ta, fa), (tb, fb)) = (w[0], w[1]);
            if (fa < 0.0) != (fb < 0.0) {
                let root = brent_root(|t| self.f(t), ta, tb, fa, fb, tol)?;
                events.push((root, fa < 0.0));
            }
        }
        let mut passes = Vec::new();
        let mut open: Option<(f64, bool)> = if points.first().is_some_and(|p| p.1 >= 0.0) {
            Some((0.0, true))
        } else {
            None
        };
        for (t, rising) in events {
            if rising {
                open = Some((t, false));
            } else if let Some((aos, flagged)) = open.take() {
                passes.push(self.make_pass(aos, t, flagged, false, &samples)?);
            }
        }
        if let Some((aos, flagged)) = open {
            passes.push(self.make_pass(aos, span, flagged, true, &samples)?);
        }
        Ok(passes)
    }

    fn make_pass(
        &self,
        aos: f64,
        los: f64,
        at_start: bool,
        at_end: bool,
        samples: &[Sample],
    ) -> Result<Pass> {
        let tol = self.options.tolerance_s;
        // Best sampled elevation inside the pass; a parabola through it and
        // its neighbours gives a first guess, refined by Brent's search in a
        // narrow bracket (widened to the samples' bracket if the maximum
        // lands on its edge).
        let i0 = samples.partition_point(|s| s.t <= aos);
        let i1 = samples.partition_point(|s| s.t < los);
        let inside = &samples[i0..i1.max(i0)];
        let (mut lo, mut hi) = (aos, los);
        let mut guess = None;
        if let Some((k, _)) = inside
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.elevation_deg.total_cmp(&b.1.elevation_deg))
        {
            if k > 0 {
                lo = inside[k - 1].t;
            }
            if k + 1 < inside.len() {
                hi = inside[k + 1].t;
            }
            if k > 0 && k + 1 < inside.len() {
                let (a, b, c) = (&inside[k - 1], &inside[k], &inside[k + 1]);
                let num = (b.t - a.t).powi(2) * (b.elevation_deg - c.elevation_deg)
                    - (b.t - c.t).powi(2) * (b.elevation_deg - a.elevation_deg);
                let den = (b.t - a.t) * (b.elevation_deg - c.elevation_deg)
                    - (b.t - c.t) * (b.elevation_deg - a.elevation_deg);
                if den != 0.0 {
                    let v = b.t - 0.5 * num / den;
                    if v > lo && v < hi {
                        guess = Some(v);
                    }
                }
            }
        }
        let neg_el = |t: f64| self.elevation(t).map(|e| -e);
        let tol_tca = tol * 50.0;
        let (mut tca, neg) = match guess {
            Some(g) => {
                let w = (0.1 * (hi - lo)).max(2.0);
                let (a, b) = ((g - w).max(lo), (g + w).min(hi));
                let r = brent_min(neg_el, a, b, tol_tca)?;
                if (r.0 - a < 2.0 * tol_tca && a > lo) || (b - r.0 < 2.0 * tol_tca && b < hi) {
                    brent_min(neg_el, lo, hi, tol_tca)?
                } else {
                    r
                }
            }
            None => brent_min(neg_el, lo, hi, tol_tca)?,
        };
        let mut max_el = -neg;
        let a_aos = self.look(aos)?;
        let a_los = self.look(los)?;
        for (edge, el) in [(aos, a_aos.elevation_deg), (los, a_los.elevation_deg)] {
            if el > max_el {
                max_el = el;
                tca = edge;
            }
        }
        let a_tca = self.look(tca)?;
        Ok(Pass {
            satellite: self.sat.name().to_owned(),
            norad_id: self.sat.norad_id(),
            station: self.station.name.clone(),
            aos: self.time(aos),
            tca: self.time(tca),
            los: self.time(los),
            max_elevation_deg: max_el,
            aos_azimuth_deg: a_aos.azimuth_deg,
            tca_azimuth_deg: a_tca.azimuth_deg,
            los_azimuth_deg: a_los.azimuth_deg,
            in_progress_at_start: at_start,
            in_progress_at_end: at_end,
        })
    }
}

/// All passes of one satellite over one station in `[start, end]`.
///
/// # Errors
/// [`OrbitError::InvalidInput`] for an empty window; propagation errors
/// (decay, divergence) of the satellite inside the window.
///
/// # Examples
/// ```
/// use silkway_orbit::{Satellite, UtcTime, passes::{find_passes, PassOptions}, station::GroundStation};
/// let text = "ISS\n\
/// 1 25544U 98067A   24001.50000000  .00016717  00000-0  10270-3 0  9997\n\
/// 2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.49815350434157\n";
/// let set = silkway_orbit::tle::parse_tle_text("iss", text, Default::default()).sets.remove(0);
/// let sat = Satellite::new(set).unwrap();
/// let baku = GroundStation::parse("Baku:40.41,49.87,0").unwrap();
/// let start = UtcTime::parse_rfc3339("2024-01-01T12:00:00Z").unwrap();
/// let opts = PassOptions { min_elevation_deg: 10.0, ..Default::default() };
/// let passes = find_passes(&sat, &baku, start, start.plus_seconds(86_400.0), &opts).unwrap();
/// assert!(passes.iter().all(|p| p.max_elevation_deg >= 10.0));
/// ```
pub fn find_passes(
    sat: &Satellite,
    station: &GroundStation,
    start: UtcTime,
    end: UtcTime,
    options: &PassOptions,
) -> Result<Vec<Pass>> {
    find_passes_interruptible(sat, station, start, end, options, None)
}

/// [`find_passes`] that gives up with [`OrbitError::Cancelled`] when
/// `interrupt` (asked every few hundred samples) returns true.
fn find_passes_interruptible(
    sat: &Satellite,
    station: &GroundStation,
    start: UtcTime,
    end: UtcTime,
    options: &PassOptions,
    interrupt: Option<&(dyn Fn() -> bool + Sync)>,
) -> Result<Vec<Pass>> {
    let span = end.seconds_since(start);
    if span.is_nan() || span <= 0.0 || !span.is_finite() {
        return Err(OrbitError::InvalidInput(format!(
            "pass window must end after it starts ({start} .. {end})"
        )));
    }
    if !(-90.0..=90.0).contains(&options.min_elevation_deg)
        || options.tolerance_s.is_nan()
        || options.tolerance_s <= 0.0
    {
        return Err(OrbitError::InvalidInput(format!(
            "minimum elevation {} must be in [-90, 90] and tolerance positive",
            options.min_elevation_deg
        )));
    }
    let mut search = Search::new(sat, station, start, *options);
    search.interrupt = interrupt;
    search.passes(span)
}

/// Sort passes chronologically by AOS, then by satellite and station name
/// (the order of pass tables).
pub fn sort_by_aos(passes: &mut [Pass]) {
    passes.sort_by(|x, y| {
        x.aos
            .seconds_since(y.aos)
            .total_cmp(&0.0)
            .then(x.satellite.cmp(&y.satellite))
            .then(x.station.cmp(&y.station))
    });
}

/// Result of one satellite × station pair in [`find_passes_many`].
#[derive(Debug, Clone)]
pub struct PairResult {
    /// Index into the satellites slice.
    pub satellite_index: usize,
    /// Index into the stations slice.
    pub station_index: usize,
    /// The passes, or why the pair failed (e.g. decay).
    pub passes: Result<Vec<Pass>>,
}

/// Passes of N satellites × M stations, in parallel (rayon) over pairs.
/// `progress` is called once per finished pair (from worker threads).
/// Results come back in satellite-major order.
pub fn find_passes_many(
    satellites: &[Satellite],
    stations: &[GroundStation],
    start: UtcTime,
    end: UtcTime,
    options: &PassOptions,
    progress: &(dyn Fn() + Sync),
) -> Vec<PairResult> {
    let each_pair = |_: usize, _: usize| {
        progress();
        ControlFlow::Continue(())
    };
    // Never cancelled: `each_pair` always continues.
    find_passes_many_cancellable(satellites, stations, start, end, options, &each_pair)
        .unwrap_or_default()
}

/// [`find_passes_many`] that the caller can stop: `each_pair(done, total)`
/// is called once per finished satellite × station pair (from worker
/// threads), and every few hundred samples inside a pair (with the pairs
/// finished so far) so that long windows stop promptly too; when it returns
/// [`ControlFlow::Break`], the pairs under way give up, those not yet
/// started are skipped and the call returns [`OrbitError::Cancelled`].
///
/// # Errors
/// [`OrbitError::Cancelled`] when `each_pair` broke. Per-pair failures
/// (decay...) are in each [`PairResult`], not here.
pub fn find_passes_many_cancellable(
    satellites: &[Satellite],
    stations: &[GroundStation],
    start: UtcTime,
    end: UtcTime,
    options: &PassOptions,
    each_pair: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Result<Vec<PairResult>> {
    let m = stations.len();
    let total = satellites.len() * m;
    let done = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let results: Vec<PairResult> = (0..total)
        .into_par_iter()
        .map(|k| {
            let (i, j) = (k / m, k % m);
            if stopped.load(Ordering::Relaxed) {
                return PairResult {
                    satellite_index: i,
                    station_index: j,
                    passes: Err(OrbitError::Cancelled),
                };
            }
            // Long windows: ask mid-pair too (reporting the pairs done so far).
            let interrupt = || {
                stopped.load(Ordering::Relaxed)
                    || each_pair(done.load(Ordering::Relaxed), total).is_break() && {
                        stopped.store(true, Ordering::Relaxed);
                        true
                    }
            };
            let passes = find_passes_interruptible(
                &satellites[i],
                &stations[j],
                start,
                end,
                options,
                Some(&interrupt),
            );
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if each_pair(n, total).is_break() {
                stopped.store(true, Ordering::Relaxed);
            }
            PairResult {
                satellite_index: i,
                station_index: j,
                passes,
            }
        })
        .collect();
    if stopped.load(Ordering::Relaxed) {
        return Err(OrbitError::Cancelled);
    }
    Ok(results)
}
