//! Progress reports and stopping rules shared by the solvers.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What a solver reports while it runs (the library never prints: callers
/// pass a callback and show these as they like).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Progress {
    /// A better feasible selection was found.
    Improved {
        /// Its profit.
        profit: u64,
        /// Which worker found it (`"exact"`, `"tabu#1"`...).
        worker: String,
        /// Time since the start of the solve.
        elapsed: Duration,
    },
    /// The exact search finished: `profit` is optimal.
    ProvenOptimal {
        /// The optimal profit.
        profit: u64,
        /// Time since the start of the solve.
        elapsed: Duration,
    },
    /// The exact search gave up (time share spent) after proving the
    /// optimum of the last `solved_groups` groups.
    ExactGaveUp {
        /// How many trailing groups the Russian doll search had solved.
        solved_groups: usize,
        /// Time since the start of the solve.
        elapsed: Duration,
    },
}

/// When a solver must stop: a deadline, an optional iteration budget, and a
/// flag other workers can raise.
#[derive(Debug)]
pub struct Stop<'a> {
    /// Wall-clock deadline.
    pub deadline: Instant,
    /// Iteration (or node) budget, for runs that must be reproducible
    /// independently of the machine's speed.
    pub max_iterations: Option<u64>,
    /// Raised when another worker has proven optimality.
    pub cancel: Option<&'a AtomicBool>,
}

impl Stop<'_> {
    /// A stop rule with only a time limit from now.
    pub fn after(limit: Duration) -> Stop<'static> {
        Stop {
            deadline: Instant::now() + limit,
            max_iterations: None,
            cancel: None,
        }
    }

    /// Whether to stop after `iterations` iterations.
    pub fn should_stop(&self, iterations: u64) -> bool {
        if self.max_iterations.is_some_and(|m| iterations >= m) {
            return true;
        }
        if self.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return true;
        }
        Instant::now() >= self.deadline
    }
}
