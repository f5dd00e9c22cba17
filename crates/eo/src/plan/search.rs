//! Choosing acquisitions: exact branch and bound on small instances, a
//! large-neighbourhood search (Shaw 1998, "Using constraint programming and
//! local search methods to solve vehicle routing problems", CP'98; the
//! destroy-and-repair scheme of Ropke & Pisinger 2006 without the adaptive
//! weights) on large ones.
//!
//! Feasibility of a selection, per satellite: no two acquisitions overlap
//! and consecutive ones leave the slew + settle time between them (checked
//! with the neighbours in the satellite's timeline — pairwise exclusion is
//! exact because the transition time obeys the triangle inequality), and
//! the earliest-deadline-first downlink schedule ([`super::downlink`]) sends
//! everything in time within memory. Removing an acquisition never breaks
//! feasibility, which both solvers rely on.
//!
//! The value is Σ priority × (share of the area in acquired strips): a strip
//! counts once however many acquisitions take it.

use std::time::{Duration, Instant};

use super::candidates::Candidate;
use super::downlink::{Chunk, Job, Window, schedule};
use crate::rng::Rng;

/// What the search needs besides the candidates.
#[derive(Debug, Clone)]
pub struct SearchInput<'a> {
    /// Candidates.
    pub candidates: &'a [Candidate],
    /// Strip shares per request.
    pub strip_fractions: Vec<Vec<f64>>,
    /// Priority per request.
    pub priorities: Vec<f64>,
    /// Per satellite: transition time function inputs (rate °/s, settle s).
    pub agility: Vec<(f64, f64)>,
    /// Per satellite: downlink rate Gbit/s and memory Gbit.
    pub downlink: Vec<(f64, f64)>,
    /// Per satellite: contact windows.
    pub windows: Vec<Vec<Window>>,
}

/// Search settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchOptions {
    /// Wall-clock limit.
    pub time_limit: Duration,
    /// LNS iterations (the run is reproducible for a seed when this, not
    /// the time limit, ends it).
    pub max_iterations: u64,
    /// Seed.
    pub seed: u64,
    /// Run the exact search when there are at most this many candidates.
    pub exact_max_candidates: usize,
}

/// Progress of the search.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchProgress {
    /// A better selection.
    Improved {
        /// Its value.
        value: f64,
        /// Method and iteration.
        by: String,
        /// Since the start.
        elapsed: Duration,
    },
}

/// The chosen candidates and their downlink chunks.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOutcome {
    /// Selected candidate indices, sorted.
    pub selected: Vec<usize>,
    /// Downlink chunks (job ids are candidate indices), per satellite.
    pub chunks: Vec<Vec<Chunk>>,
    /// Value.
    pub value: f64,
    /// Proven optimal (exact search completed).
    pub proven_optimal: bool,
    /// `exact` or `lns`.
    pub method: String,
    /// Nodes or iterations.
    pub iterations: u64,
}

struct State<'a> {
    input: &'a SearchInput<'a>,
    timeline: Vec<Vec<usize>>, // per satellite, sorted by start
    cover: Vec<Vec<u32>>,      // per request, per strip
    selected: Vec<bool>,
    value: f64,
}

impl<'a> State<'a> {
    fn new(input: &'a SearchInput<'a>) -> Self {
        Self {
            input,
            timeline: vec![Vec::new(); input.agility.len()],
            cover: input
                .strip_fractions
                .iter()
                .map(|f| vec![0; f.len()])
                .collect(),
            selected: vec![false; input.candidates.len()],
            value: 0.0,
        }
    }

    fn gain(&self, i: usize) -> f64 {
        let c = &self.input.candidates[i];
        let f = &self.input.strip_fractions[c.req];
        let share: f64 = (c.strip_lo..=c.strip_hi)
            .filter(|&k| self.cover[c.req][k] == 0)
            .map(|k| f[k])
            .sum();
        share * self.input.priorities[c.req]
    }

    fn transition(&self, sat: usize, from: (f64, f64), to: (f64, f64)) -> f64 {
        let (rate, settle) = self.input.agility[sat];
        (from.0 - to.0).abs().max((from.1 - to.1).abs()) / rate + settle
    }

    /// Timeline position for candidate `i`, if it fits between its neighbours.
    fn slot(&self, i: usize) -> Option<usize> {
        let cs = self.input.candidates;
        let c = &cs[i];
        let tl = &self.timeline[c.sat];
        let pos = tl.partition_point(|&j| cs[j].start_s() < c.start_s());
        if pos > 0 {
            let p = &cs[tl[pos - 1]];
            if p.end_s() + self.transition(c.sat, p.exit(), c.entry()) > c.start_s() {
                return None;
            }
        }
        if let Some(&n) = tl.get(pos) {
            let n = &cs[n];
            if c.end_s() + self.transition(c.sat, c.exit(), n.entry()) > n.start_s() {
                return None;
            }
        }
        Some(pos)
    }

    fn downlink_ok(&self, sat: usize, extra: Option<usize>) -> Option<Vec<Chunk>> {
        let cs = self.input.candidates;
        let jobs: Vec<Job> = self.timeline[sat]
            .iter()
            .copied()
            .chain(extra)
            .map(|j| Job {
                id: j,
                start_s: cs[j].start_s(),
                release_s: cs[j].end_s(),
                deadline_s: cs[j].deadline_s,
                volume_gbit: cs[j].volume_gbit,
            })
            .collect();
        let (rate, memory) = self.input.downlink[sat];
        schedule(&jobs, &self.input.windows[sat], rate, memory)
    }

    fn try_insert(&mut self, i: usize) -> bool {
        if self.selected[i] {
            return false;
        }
        let Some(pos) = self.slot(i) else {
            return false;
        };
        let sat = self.input.candidates[i].sat;
        if self.downlink_ok(sat, Some(i)).is_none() {
            return false;
        }
        self.force_insert(i, pos);
        true
    }

    fn force_insert(&mut self, i: usize, pos: usize) {
        let g = self.gain(i);
        let c = &self.input.candidates[i];
        self.timeline[c.sat].insert(pos, i);
        for k in c.strip_lo..=c.strip_hi {
            self.cover[c.req][k] += 1;
        }
        self.selected[i] = true;
        self.value += g;
    }

    fn remove(&mut self, i: usize) {
        let c = &self.input.candidates[i];
        self.timeline[c.sat].retain(|&j| j != i);
        for k in c.strip_lo..=c.strip_hi {
            self.cover[c.req][k] -= 1;
        }
        self.selected[i] = false;
        self.value -= self.gain(i);
    }

    fn selection(&self) -> Vec<usize> {
        (0..self.selected.len())
            .filter(|&i| self.selected[i])
            .collect()
    }

    fn recompute_value(&self) -> f64 {
        self.cover
            .iter()
            .enumerate()
            .map(|(r, c)| {
                self.input.priorities[r]
                    * c.iter()
                        .zip(&self.input.strip_fractions[r])
                        .filter(|(n, _)| **n > 0)
                        .map(|(_, f)| f)
                        .sum::<f64>()
            })
            .sum()
    }
}

/// Run the search.
pub fn search(
    input: &SearchInput<'_>,
    opts: &SearchOptions,
    progress: &dyn Fn(&SearchProgress),
) -> SearchOutcome {
    let started = Instant::now();
    let deadline = started + opts.time_limit;
    let n = input.candidates.len();
    let mut best_sel: Vec<usize>;
    let mut best_value;
    let mut proven = false;
    let mut method = "lns".to_owned();
    let mut iterations = 0;

    // Greedy start: by gain per second of satellite time, then earliest.
    let mut state = State::new(input);
    let mut order: Vec<usize> = (0..n).collect();
    let key = |s: &State<'_>, i: usize| {
        let c = &input.candidates[i];
        s.gain(i) / (c.end_s() - c.start_s() + 20.0)
    };
    order.sort_by(|&a, &b| key(&state, b).total_cmp(&key(&state, a)).then(a.cmp(&b)));
    for &i in &order {
        if state.gain(i) > 0.0 {
            state.try_insert(i);
        }
    }
    best_value = state.recompute_value();
    best_sel = state.selection();
    progress(&SearchProgress::Improved {
        value: best_value,
        by: "greedy".into(),
        elapsed: started.elapsed(),
    });

    // Upper bound: every strip some candidate can take, taken.
    let mut reachable: Vec<Vec<bool>> = input
        .strip_fractions
        .iter()
        .map(|f| vec![false; f.len()])
        .collect();
    for c in input.candidates {
        for flag in &mut reachable[c.req][c.strip_lo..=c.strip_hi] {
            *flag = true;
        }
    }
    let upper: f64 = reachable
        .iter()
        .enumerate()
        .map(|(r, f)| {
            input.priorities[r]
                * f.iter()
                    .zip(&input.strip_fractions[r])
                    .filter(|(ok, _)| **ok)
                    .map(|(_, x)| x)
                    .sum::<f64>()
        })
        .sum();
    if best_value >= upper - 1e-9 {
        proven = true;
        method = "greedy (reaches the upper bound)".into();
    } else if n <= opts.exact_max_candidates {
        let mut bb = Exact {
            order: {
                let mut o: Vec<usize> = (0..n).collect();
                o.sort_by(|&a, &b| {
                    input.candidates[a]
                        .start_s()
                        .total_cmp(&input.candidates[b].start_s())
                });
                o
            },
            best: best_value,
            best_sel: best_sel.clone(),
            nodes: 0,
            deadline,
            aborted: false,
        };
        let mut s = State::new(input);
        bb.dfs(&mut s, 0);
        iterations = bb.nodes;
        if bb.best > best_value + 1e-12 {
            best_value = bb.best;
            best_sel = bb.best_sel;
            progress(&SearchProgress::Improved {
                value: best_value,
                by: "exact".into(),
                elapsed: started.elapsed(),
            });
        }
        proven = !bb.aborted;
        method = "exact".into();
    }

    if !proven && n > 0 {
        let mut rng = Rng::new(opts.seed, 0x1ee5);
        let mut state = State::new(input);
        for &i in &best_sel {
            let pos = state.slot(i).expect("best selection is feasible");
            state.force_insert(i, pos);
        }
        // Candidates by satellite and start, for neighbourhoods in time.
        let mut by_time: Vec<Vec<usize>> = vec![Vec::new(); input.agility.len()];
        for i in 0..n {
            by_time[input.candidates[i].sat].push(i);
        }
        for v in &mut by_time {
            v.sort_by(|&a, &b| {
                input.candidates[a]
                    .start_s()
                    .total_cmp(&input.candidates[b].start_s())
            });
        }
        let mut it = 0u64;
        while it < opts.max_iterations && Instant::now() < deadline {
            it += 1;
            // Destroy: a time neighbourhood on one satellite.
            let sat = rng.below(input.agility.len() as u64) as usize;
            if by_time[sat].is_empty() {
                continue;
            }
            let pivot = by_time[sat][rng.below(by_time[sat].len() as u64) as usize];
            let centre = input.candidates[pivot].start_s();
            let radius = 60.0 + rng.below(900) as f64;
            let (lo_t, hi_t) = (centre - radius, centre + radius);
            let removed: Vec<usize> = state.timeline[sat]
                .iter()
                .copied()
                .filter(|&j| {
                    let c = &input.candidates[j];
                    c.end_s() >= lo_t && c.start_s() <= hi_t && rng.below(100) < 80
                })
                .collect();
            let before = state.value;
            for &j in &removed {
                state.remove(j);
            }
            // Repair: candidates of that neighbourhood (and those of the
            // requests just uncovered elsewhere), noisy greedy.
            let a = by_time[sat].partition_point(|&j| input.candidates[j].start_s() < lo_t - 300.0);
            let b =
                by_time[sat].partition_point(|&j| input.candidates[j].start_s() <= hi_t + 300.0);
            let mut pool: Vec<usize> = by_time[sat][a..b].to_vec();
            let reqs: Vec<usize> = removed.iter().map(|&j| input.candidates[j].req).collect();
            pool.extend((0..n).filter(|&i| {
                input.candidates[i].sat != sat && reqs.contains(&input.candidates[i].req)
            }));
            let mut keyed: Vec<(f64, usize)> = pool
                .into_iter()
                .filter(|&i| !state.selected[i])
                .map(|i| {
                    let noise = 0.7 + 0.6 * rng.unit();
                    (key(&state, i) * noise, i)
                })
                .collect();
            keyed.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let mut added = Vec::new();
            for (_, i) in keyed {
                if state.gain(i) > 0.0 && state.try_insert(i) {
                    added.push(i);
                }
            }
            if state.value + 1e-9 < before {
                for &i in &added {
                    state.remove(i);
                }
                for &j in &removed {
                    let pos = state.slot(j).expect("restoring a feasible selection");
                    state.force_insert(j, pos);
                }
            } else if state.value > best_value + 1e-9 {
                best_value = state.recompute_value();
                best_sel = state.selection();
                progress(&SearchProgress::Improved {
                    value: best_value,
                    by: format!("lns#{it}"),
                    elapsed: started.elapsed(),
                });
            }
        }
        iterations += it;
    }

    // Final downlink schedule of the best selection.
    let mut state = State::new(input);
    for &i in &best_sel {
        let pos = state.slot(i).expect("best selection is feasible");
        state.force_insert(i, pos);
    }
    let chunks = (0..input.agility.len())
        .map(|s| state.downlink_ok(s, None).unwrap_or_default())
        .collect();
    SearchOutcome {
        value: state.recompute_value(),
        selected: best_sel,
        chunks,
        proven_optimal: proven,
        method,
        iterations,
    }
}

struct Exact {
    order: Vec<usize>,
    best: f64,
    best_sel: Vec<usize>,
    nodes: u64,
    deadline: Instant,
    aborted: bool,
}

impl Exact {
    fn dfs(&mut self, s: &mut State<'_>, k: usize) {
        self.nodes += 1;
        if self.nodes % 256 == 0 && Instant::now() > self.deadline {
            self.aborted = true;
        }
        if self.aborted {
            return;
        }
        let value = s.recompute_value();
        if value > self.best + 1e-12 {
            self.best = value;
            self.best_sel = s.selection();
        }
        if k == self.order.len() {
            return;
        }
        // Bound: every remaining candidate adds at most its current gain,
        // and a request at most its uncovered share.
        let mut per_req = vec![0.0; s.input.priorities.len()];
        for &i in &self.order[k..] {
            per_req[s.input.candidates[i].req] += s.gain(i);
        }
        let bound: f64 = per_req
            .iter()
            .enumerate()
            .map(|(r, &g)| {
                let open: f64 = s.cover[r]
                    .iter()
                    .zip(&s.input.strip_fractions[r])
                    .filter(|(n, _)| **n == 0)
                    .map(|(_, f)| f)
                    .sum();
                g.min(open * s.input.priorities[r])
            })
            .sum();
        if value + bound <= self.best + 1e-12 {
            return;
        }
        let i = self.order[k];
        if s.gain(i) > 0.0 && s.try_insert(i) {
            self.dfs(s, k + 1);
            s.remove(i);
        }
        self.dfs(s, k + 1);
    }
}
