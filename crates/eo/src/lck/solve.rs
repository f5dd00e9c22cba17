//! The portfolio solver: Russian doll search and tabu search side by side.
//!
//! Worker 0 first runs the exact search ([`super::exact`]) for a share of
//! the time limit (Russian doll search in the given group order, then in
//! the reverse order); if it proves the optimum, every worker stops and that
//! selection is returned. Otherwise worker 0 turns to tabu search like the
//! others, each worker on its own random stream of the seed. The answer is
//! the best selection over the workers, ties going to the lowest worker
//! index, so that a run is reproducible for a seed, a thread count and an
//! iteration budget ([`SolveOptions::max_iterations`]); with only a time
//! limit, each worker's trajectory is still fixed, only how far it gets
//! depends on the machine.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::exact::russian_doll_ordered;
use super::problem::{Problem, Selection};
use super::progress::{Progress, Stop};
use super::tabu::{TabuParams, tabu_search};

/// How to solve.
#[derive(Debug, Clone)]
pub struct SolveOptions {
    /// Wall-clock limit for the whole solve.
    pub time_limit: Duration,
    /// Seed of the random choices.
    pub seed: u64,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Tabu iterations per worker, for runs reproducible on any machine.
    pub max_iterations: Option<u64>,
    /// Share of the time limit the exact search may use before worker 0
    /// turns to tabu search (0 disables the exact search).
    pub exact_share: f64,
}

impl SolveOptions {
    /// Defaults: the given time limit, seed 0, 2 threads, half of the time
    /// for the exact search.
    pub fn new(time_limit: Duration) -> Self {
        SolveOptions {
            time_limit,
            seed: 0,
            threads: 2,
            max_iterations: None,
            exact_share: 0.5,
        }
    }
}

/// The result of [`solve`].
#[derive(Debug, Clone)]
pub struct SolveOutcome {
    /// The best feasible selection found.
    pub selection: Selection,
    /// Its profit.
    pub profit: u64,
    /// Whether the exact search proved `profit` optimal.
    pub proven_optimal: bool,
    /// Tabu iterations over all workers.
    pub iterations: u64,
    /// Wall-clock time spent.
    pub elapsed: Duration,
}

struct WorkerResult {
    selection: Selection,
    profit: u64,
    proven: bool,
    iterations: u64,
}

/// Solves `p` (see the module docs); `progress` receives reports from any
/// worker thread.
pub fn solve(
    p: &Problem,
    opts: &SolveOptions,
    progress: &(dyn Fn(&Progress) + Sync),
) -> SolveOutcome {
    let start = Instant::now();
    let deadline = start + opts.time_limit;
    let threads = opts.threads.max(1);
    let cancel = AtomicBool::new(false);
    let global_best = AtomicU64::new(0);
    let report = |profit: u64, worker: &str| {
        if global_best.fetch_max(profit, Ordering::Relaxed) < profit {
            progress(&Progress::Improved {
                profit,
                worker: worker.to_string(),
                elapsed: start.elapsed(),
            });
        }
    };
    let worker = |w: usize| -> WorkerResult {
        if w == 0 && opts.exact_share > 0.0 {
            let share = opts.time_limit.mul_f64(opts.exact_share.clamp(0.0, 1.0));
            // The given group order first (a fifth of the share), then the
            // reverse order: on SPOT5 some instances are proven quickly one
            // way and not the other (42 only in reverse).
            let natural: Vec<usize> = (0..p.group_count()).collect();
            let reverse: Vec<usize> = natural.iter().rev().copied().collect();
            let mut solved_groups = 0;
            for (order, until) in [(&natural, share.mul_f64(0.2)), (&reverse, share)] {
                let stop = Stop {
                    deadline: (start + until).min(deadline),
                    max_iterations: None,
                    cancel: None,
                };
                let out = russian_doll_ordered(p, order, &stop, &mut |_, _| {});
                solved_groups = solved_groups.max(out.solved_groups);
                if out.proven
                    && let Some(selection) = out.selection
                {
                    cancel.store(true, Ordering::Relaxed);
                    report(out.profit, "exact");
                    progress(&Progress::ProvenOptimal {
                        profit: out.profit,
                        elapsed: start.elapsed(),
                    });
                    return WorkerResult {
                        selection,
                        profit: out.profit,
                        proven: true,
                        iterations: 0,
                    };
                }
            }
            progress(&Progress::ExactGaveUp {
                solved_groups,
                elapsed: start.elapsed(),
            });
        }
        let stop = Stop {
            deadline,
            max_iterations: opts.max_iterations,
            cancel: Some(&cancel),
        };
        let name = format!("tabu#{w}");
        let out = tabu_search(
            p,
            None,
            TabuParams::new(opts.seed, w as u64),
            &stop,
            &mut |v| report(v, &name),
        );
        WorkerResult {
            selection: out.selection,
            profit: out.profit,
            proven: false,
            iterations: out.iterations,
        }
    };
    let results: Vec<WorkerResult> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|w| {
                let worker = &worker;
                std::thread::Builder::new()
                    .stack_size(64 << 20)
                    .spawn_scoped(s, move || worker(w))
                    .expect("spawn solver thread")
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let iterations = results.iter().map(|r| r.iterations).sum();
    let mut best: Option<WorkerResult> = None;
    for r in results {
        let better = match &best {
            None => true,
            Some(b) => r.profit > b.profit || (r.proven && !b.proven && r.profit >= b.profit),
        };
        if better {
            best = Some(r);
        }
    }
    let best = best.unwrap_or_else(|| WorkerResult {
        selection: p.empty_selection(),
        profit: 0,
        proven: false,
        iterations: 0,
    });
    SolveOutcome {
        selection: best.selection,
        profit: best.profit,
        proven_optimal: best.proven,
        iterations,
        elapsed: start.elapsed(),
    }
}
