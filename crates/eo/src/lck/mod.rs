//! The logic-constrained knapsack (LCK): the selection core of planning.
//!
//! A [`Problem`] has *groups* (requests, photographs) each offering
//! *items* (ways to satisfy the request: a camera, a roll angle, a pass).
//! A [`Selection`] picks at most one item per group. It is feasible when no
//! forbidden pair and no forbidden triple of items is fully selected and
//! the total weight stays within the capacity. The goal is the largest
//! total profit.
//!
//! This is the formulation of Vasquez & Hao (2001), "A logic-constrained
//! knapsack formulation and a tabu search algorithm for the daily
//! photograph scheduling of an Earth observation satellite",
//! Computational Optimization and Applications 20(2), which is also the
//! disjunctively constrained knapsack (DCKP) of Wei & Hao (2021) extended
//! with triples.
//!
//! For the acquisition planner (to come, on top of the orbit crate) the
//! mapping is: a group per tasking request; an item per imaging
//! opportunity (pass, roll angle), with the request's priority-weighted
//! value as profit and its data volume as weight; a forbidden pair for two
//! opportunities of one satellite that cannot follow each other (slew and
//! settle time, overlap); the onboard memory as capacity. Downlink
//! deadlines and several memories will need extensions (several capacities,
//! or a repair step) that the solvers are written to accommodate: moves
//! only ever see items, conflicts and a weight.
//!
//! Solvers: [`exact`] (Russian doll search with forward checking, proves
//! optimality on small problems), [`tabu`] (Vasquez & Hao style tabu
//! search), and [`solve`](mod@solve) which runs both as a deterministic portfolio.

pub mod exact;
mod problem;
pub mod progress;
pub mod solve;
mod state;
pub mod tabu;

pub use problem::{Item, ItemId, Problem, ProblemBuilder, Selection};
pub use progress::{Progress, Stop};
pub use solve::{SolveOptions, SolveOutcome, solve};
