//! The SPOT5 daily photograph scheduling benchmark.
//!
//! Instances come from the daily management problem of the SPOT5 Earth
//! observation satellite (CNES): Bensana, Lemaître & Verfaillie (1999),
//! "Earth observation satellite management", Constraints 4(3):293–299;
//! Agnèse, Bataille, Blumstein, Bensana & Verfaillie (1995), "Exact and
//! approximate methods for the daily management of an Earth observation
//! satellite", ESA workshop. They are read here in the DCKP form of Wei &
//! Hao (2021, Mendeley Data, doi:10.17632/2kbzg9nw3b.1); the format is
//! described in the project's `shared/data/spot5/FORMAT.md` and in
//! [`parse`].
//!
//! - [`instance`]: the photographs, their camera options and constraints;
//! - [`parse`]: the `.spot` reader (errors name file, line and field);
//! - [`solution`]: the `.spot_sol.txt` reader and writer;
//! - [`check`]: an independent checker (its own code, not the solver's);
//! - [`model`]: the mapping onto the [`crate::lck`] selection problem;
//! - [`solve`](mod@solve): solve and check.

pub mod check;
pub mod instance;
pub mod model;
pub mod parse;
pub mod solution;
pub mod solve;

pub use check::{Report, Violation, check};
pub use instance::{CameraOption, Constraint, Instance, Photo};
pub use parse::{parse_instance, read_instance};
pub use solution::{Solution, SolutionFile, parse_solution, read_solution, write_solution};
pub use solve::{Spot5Outcome, solve};
