//! The acquisition planner: tasking requests → a feasible plan of
//! acquisitions and downlinks that maximises Σ priority × covered share of
//! each request's area.
//!
//! Steps: downlink contacts ([`crate::contacts`]); ground strips and
//! candidate acquisitions per request ([`candidates`]); the choice of
//! candidates under one-at-a-time, slew + settle, memory and
//! downlink-before-deadline constraints ([`search`], with the EDF downlink
//! schedule of [`downlink`]); then the independent checker
//! ([`crate::checker`]) must accept the plan before it is returned.

pub mod candidates;
pub mod downlink;
pub mod geojson;
pub mod search;
pub mod strips;

use std::time::{Duration, Instant};

use silkway_orbit::UtcTime;

use crate::access::footprint;
use crate::checker;
use crate::contacts::{DownlinkStation, contacts};
use crate::error::Error;
use crate::fleet::EoSatellite;
use crate::tasking::{Acquisition, Downlink, ParsedRequest, Plan, RequestOutcome, SolverStats};
use downlink::Window;
use search::{SearchInput, SearchOptions, SearchProgress};

/// Planner settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanOptions {
    /// Wall-clock limit of the search (candidate building and checking come
    /// on top).
    pub time_limit: Duration,
    /// LNS iterations; with the seed, makes the plan reproducible when the
    /// time limit is not reached first.
    pub max_iterations: u64,
    /// Seed of the LNS.
    pub seed: u64,
    /// Use the sensors' extended roll limit.
    pub extended_roll: bool,
    /// Solve exactly when there are at most this many candidates.
    pub exact_max_candidates: usize,
}

impl Default for PlanOptions {
    fn default() -> Self {
        Self {
            time_limit: Duration::from_secs(10),
            max_iterations: 3000,
            seed: 0,
            extended_roll: false,
            exact_max_candidates: 40,
        }
    }
}

/// What is planned.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    /// Requests with their areas.
    pub requests: &'a [ParsedRequest],
    /// Satellites.
    pub satellites: &'a [EoSatellite],
    /// Receiving stations.
    pub stations: &'a [DownlinkStation],
    /// Horizon start.
    pub start: UtcTime,
    /// Horizon end.
    pub end: UtcTime,
}

/// Progress reports of [`plan`].
#[derive(Debug, Clone, PartialEq)]
pub enum PlanProgress {
    /// Contacts and candidates are ready.
    Prepared {
        /// Contacts found.
        contacts: usize,
        /// Candidate acquisitions.
        candidates: usize,
        /// Since the start.
        elapsed: Duration,
    },
    /// The search improved the plan.
    Search(SearchProgress),
}

/// Plan acquisitions and downlinks.
///
/// # Errors
/// [`Error::Config`] for missing planning figures or an empty horizon;
/// propagation failures; [`Error::Internal`] when the independent checker
/// rejects the plan (a bug: never returned silently).
pub fn plan(
    input: &PlanInput<'_>,
    opts: &PlanOptions,
    progress: &dyn Fn(&PlanProgress),
) -> Result<Plan, Error> {
    let t_start = Instant::now();
    let (start, end) = (input.start, input.end);
    if end.seconds_since(start).is_nan() || end <= start {
        return Err(Error::Config(format!(
            "planning horizon must end after it starts ({start} .. {end})"
        )));
    }
    let sats = input.satellites;
    let figures: Vec<_> = sats
        .iter()
        .map(|s| s.imager.planning())
        .collect::<Result<_, _>>()?;
    let contact_list = contacts(sats, input.stations, start, end)?;
    let windows: Vec<Vec<Window>> = sats
        .iter()
        .map(|s| {
            let mut w: Vec<Window> = contact_list
                .iter()
                .filter(|c| c.satellite == s.id)
                .map(|c| Window {
                    station: input
                        .stations
                        .iter()
                        .position(|st| st.id == c.station)
                        .unwrap_or(0),
                    start_s: c.start.seconds_since(start),
                    end_s: c.end.seconds_since(start),
                })
                .collect();
            w.sort_by(|a, b| a.start_s.total_cmp(&b.start_s));
            w
        })
        .collect();
    let set = candidates::build(input.requests, sats, (start, end), opts.extended_roll)?;
    let candidates_s = t_start.elapsed().as_secs_f64();
    progress(&PlanProgress::Prepared {
        contacts: contact_list.len(),
        candidates: set.candidates.len(),
        elapsed: t_start.elapsed(),
    });
    let search_input = SearchInput {
        candidates: &set.candidates,
        strip_fractions: set
            .strips
            .iter()
            .map(|s| s.iter().map(|g| g.fraction).collect())
            .collect(),
        priorities: input.requests.iter().map(|r| r.request.priority).collect(),
        agility: figures
            .iter()
            .zip(sats)
            .map(|(f, s)| (f.slew_rate_deg_s, s.imager.settle_s))
            .collect(),
        downlink: figures
            .iter()
            .map(|f| (f.downlink_mbps / 1000.0, f.memory_gbit))
            .collect(),
        windows,
    };
    let t_search = Instant::now();
    let outcome = search::search(
        &search_input,
        &SearchOptions {
            time_limit: opts.time_limit,
            max_iterations: opts.max_iterations,
            seed: opts.seed,
            exact_max_candidates: opts.exact_max_candidates,
        },
        &|p| progress(&PlanProgress::Search(p.clone())),
    );
    let search_s = t_search.elapsed().as_secs_f64();

    // Acquisitions, by satellite then time.
    let mut chosen = outcome.selected.clone();
    chosen.sort_by(|&a, &b| {
        let (ca, cb) = (&set.candidates[a], &set.candidates[b]);
        ca.sat
            .cmp(&cb.sat)
            .then(ca.start_s().total_cmp(&cb.start_s()))
    });
    let mut acquisitions = Vec::new();
    let mut acq_of: std::collections::HashMap<usize, Vec<(String, f64)>> = Default::default();
    for &ci in &chosen {
        let c = &set.candidates[ci];
        let sat = &sats[c.sat];
        let rate = figures[c.sat].imaging_rate_mbps / 1000.0;
        for l in &c.looks {
            let id = format!("acq-{}", acquisitions.len() + 1);
            let (a, b) = (start.plus_seconds(l.start_s), start.plus_seconds(l.end_s));
            let volume = (l.end_s - l.start_s) * rate;
            acq_of.entry(ci).or_default().push((id.clone(), volume));
            acquisitions.push(Acquisition {
                id,
                request: input.requests[c.req].request.id.clone(),
                satellite: sat.id.clone(),
                strips: (c.strip_lo..=c.strip_hi).collect(),
                start: a,
                end: b,
                roll_deg: l.roll_deg,
                pitch_deg: l.pitch_deg,
                stereo: l.stereo,
                volume_gbit: volume,
                incidence_deg: l.incidence_deg,
                sun_elevation_deg: l.sun_elevation_deg,
                footprint: footprint(sat, a, b, l.roll_deg, l.pitch_deg)?,
            });
        }
    }
    // Downlinks: each chunk of a candidate's data goes to its looks in order.
    let mut downlinks = Vec::new();
    for (si, chunks) in outcome.chunks.iter().enumerate() {
        let rate = figures[si].downlink_mbps / 1000.0;
        let mut queue: std::collections::HashMap<usize, (usize, f64)> = Default::default();
        for ch in chunks {
            let parts = &acq_of[&ch.job];
            let (idx, done) = queue.entry(ch.job).or_insert((0, 0.0));
            let mut t = ch.start_s;
            let mut left = ch.volume_gbit;
            while left > 1e-12 && *idx < parts.len() {
                let room = parts[*idx].1 - *done;
                let take = left.min(room);
                let dt = take / rate;
                let t_end = if take >= left - 1e-12 {
                    ch.end_s
                } else {
                    t + dt
                };
                downlinks.push(Downlink {
                    acquisition: parts[*idx].0.clone(),
                    satellite: sats[si].id.clone(),
                    station: input.stations[ch.station].id.clone(),
                    start: start.plus_seconds(t),
                    end: start.plus_seconds(t_end),
                    volume_gbit: take,
                });
                t = t_end;
                left -= take;
                *done += take;
                if *done >= parts[*idx].1 - 1e-9 {
                    *idx += 1;
                    *done = 0.0;
                }
            }
        }
    }
    // Per request.
    let mut covered = vec![vec![false; 0]; input.requests.len()];
    for (r, s) in set.strips.iter().enumerate() {
        covered[r] = vec![false; s.len()];
    }
    for &ci in &outcome.selected {
        let c = &set.candidates[ci];
        for flag in &mut covered[c.req][c.strip_lo..=c.strip_hi] {
            *flag = true;
        }
    }
    let mut requests = Vec::new();
    let mut value = 0.0;
    for (r, pr) in input.requests.iter().enumerate() {
        let frac: f64 = set.strips[r]
            .iter()
            .zip(&covered[r])
            .filter(|(_, c)| **c)
            .map(|(s, _)| s.fraction)
            .sum();
        let v = frac * pr.request.priority;
        value += v;
        requests.push(RequestOutcome {
            id: pr.request.id.clone(),
            priority: pr.request.priority,
            strips: set.strips[r].len(),
            covered_fraction: frac,
            value: v,
            candidates: set.candidates.iter().filter(|c| c.req == r).count(),
        });
    }
    let mut plan = Plan {
        start,
        end,
        value,
        max_value: input.requests.iter().map(|r| r.request.priority).sum(),
        requests,
        acquisitions,
        downlinks,
        contacts: contact_list,
        solver: SolverStats {
            method: outcome.method.clone(),
            proven_optimal: outcome.proven_optimal,
            candidates: set.candidates.len(),
            iterations: outcome.iterations,
            seed: opts.seed,
            candidates_s,
            search_s,
            check_s: 0.0,
        },
    };
    let t_check = Instant::now();
    let report = checker::check_plan(
        &plan,
        input.requests,
        sats,
        input.stations,
        opts.extended_roll,
    );
    plan.solver.check_s = t_check.elapsed().as_secs_f64();
    if !report.violations.is_empty() {
        return Err(Error::Internal(format!(
            "{} violation(s): {}",
            report.violations.len(),
            report.violations.join("; ")
        )));
    }
    Ok(plan)
}
