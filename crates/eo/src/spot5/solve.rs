//! Solve a SPOT5 instance and check the result independently.

use std::time::Duration;

use super::check::check;
use super::instance::Instance;
use super::model::Spot5Model;
use super::solution::Solution;
use crate::Error;
use crate::lck::{Progress, SolveOptions};

/// A checked solution.
#[derive(Debug, Clone)]
pub struct Spot5Outcome {
    /// The solution.
    pub solution: Solution,
    /// Its profit (recomputed by the checker).
    pub profit: u64,
    /// Its memory weight (recomputed by the checker).
    pub weight: u64,
    /// Whether the exact search proved the profit optimal.
    pub proven_optimal: bool,
    /// Tabu iterations over all workers.
    pub iterations: u64,
    /// Wall-clock time spent.
    pub elapsed: Duration,
}

/// Solves `inst` with the [`crate::lck::solve()`] portfolio (Russian doll
/// search, then Vasquez & Hao tabu search) and returns the solution only
/// after the independent [`check`] accepts it.
///
/// # Errors
/// [`Error::Internal`] if the checker rejects the solver's result.
pub fn solve(
    inst: &Instance,
    opts: &SolveOptions,
    progress: &(dyn Fn(&Progress) + Sync),
) -> Result<Spot5Outcome, Error> {
    let model = Spot5Model::new(inst);
    let out = crate::lck::solve(&model.problem, opts, progress);
    let solution = model.solution(&out.selection);
    let report = check(inst, &solution);
    if !report.is_valid() {
        let why: Vec<String> = report.violations.iter().map(ToString::to_string).collect();
        return Err(Error::Internal(why.join("; ")));
    }
    if report.profit != out.profit {
        return Err(Error::Internal(format!(
            "solver profit {} but the checker finds {}",
            out.profit, report.profit
        )));
    }
    Ok(Spot5Outcome {
        solution,
        profit: report.profit,
        weight: report.weight,
        proven_optimal: out.proven_optimal,
        iterations: out.iterations,
        elapsed: out.elapsed,
    })
}
