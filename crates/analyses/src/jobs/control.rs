//! What a running analysis sees of its job: a cancel flag to check between
//! units of work, and a place to report progress.

use std::ops::ControlFlow;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::problem::Problem;

/// Progress of a computation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
pub struct Progress {
    /// Fraction done, 0–1.
    pub fraction: f64,
    /// What is being done (e.g. `passes: 12/40 satellite-station pairs`).
    pub message: String,
}

/// Cancellation flag and progress of one computation. Analyses call
/// [`Control::step`] after each unit of work (the engines' progress
/// callbacks) and stop when it breaks.
#[derive(Debug, Default)]
pub struct Control {
    cancelled: AtomicBool,
    progress: Mutex<Progress>,
}

impl Control {
    /// A fresh control: not cancelled, no progress.
    pub fn new() -> Self {
        Self::default()
    }

    /// Ask the computation to stop at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether cancellation was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Report progress; the fraction is clamped to 0–1 and never goes back.
    pub fn report(&self, fraction: f64, message: impl Into<String>) {
        let mut p = self.progress.lock().unwrap_or_else(|e| e.into_inner());
        let f = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        p.fraction = p.fraction.max(f);
        p.message = message.into();
    }

    /// The latest progress.
    pub fn progress(&self) -> Progress {
        self.progress
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Unit `done` of `total` of `what` finished: report it and say whether
    /// to go on (the shape of the engines' progress callbacks).
    pub fn step(&self, done: usize, total: usize, what: &str) -> ControlFlow<()> {
        self.step_within(0.0, 1.0, done, total, what)
    }

    /// [`Control::step`] for a phase covering fractions `lo`..`hi` of the whole.
    pub fn step_within(
        &self,
        lo: f64,
        hi: f64,
        done: usize,
        total: usize,
        what: &str,
    ) -> ControlFlow<()> {
        let f = if total == 0 {
            1.0
        } else {
            done as f64 / total as f64
        };
        self.report(lo + (hi - lo) * f, format!("{what}: {done}/{total}"));
        if self.is_cancelled() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }

    /// `Err` (a 409 problem) once cancellation was asked for: for loops
    /// written in this crate.
    pub fn check(&self) -> Result<(), Problem> {
        if self.is_cancelled() {
            Err(cancelled())
        } else {
            Ok(())
        }
    }
}

/// The problem a cancelled computation ends with.
pub fn cancelled() -> Problem {
    Problem::conflict("the computation was cancelled")
}
