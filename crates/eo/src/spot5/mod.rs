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
//! - [`check`](mod@check): an independent checker (its own code, not the solver's);
//! - [`model`]: the mapping onto the [`crate::lck`] selection problem;
//! - [`solve`](mod@solve): solve and check.
//!
//! # Examples
//!
//! ```
//! use std::time::Duration;
//! use silkway_eo::lck::SolveOptions;
//! use silkway_eo::spot5::{check, parse_instance, solve, write_solution};
//!
//! // Two mono photographs that may not both use camera 1 or both camera 2,
//! // and a stereo one that conflicts with photograph 0 on camera 3.
//! let text = "3\n0 1 3 1 0 2 0 3 0\n1 1 3 1 0 2 0 3 0\n2 2 1 13 0\n2\n\
//!             2 0 1 1 1 2 2\n2 0 2 3 13\n";
//! let inst = parse_instance(text, "example.spot")?;
//! let out = solve(&inst, &SolveOptions::new(Duration::from_secs(5)), &|_| {})?;
//! assert_eq!(out.profit, 4);
//! assert!(out.proven_optimal);
//! assert!(check(&inst, &out.solution).is_valid());
//! assert!(write_solution(&inst, &out.solution).starts_with("profit = 4, weight = 0"));
//! # Ok::<(), silkway_eo::Error>(())
//! ```

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
