//! Satellite capacity planning for silkway: "what can we sell, to whom, on
//! which transponder, and does it fit?"
//!
//! - Payload vocabulary (beams with contour levels, transponders at their
//!   multi-carrier operating point, carriers, leases) lives in
//!   `silkway_model` ([`silkway_model::payload`]); this crate computes.
//! - [`plan()`]: per carrier the link budget (through `silkway-link`) → the
//!   satellite power it needs → power-equivalent bandwidth → power- or
//!   bandwidth-limited; per transponder bandwidth and power used and left,
//!   and every violation (outside the transponder, overlap, guard band,
//!   power overbooked, lease breaches, coverage).
//! - [`size()`]: a service request (N terminals, throughput, availability)
//!   → MHz and power on each candidate transponder, MODCOD chosen for the
//!   availability target, fits or not, ranked.
//!
//! Pure library: no I/O, no printing. Rain fades are explicit inputs
//! until a propagation model implements [`silkway_link::Fade`]; see
//! [`Propagation`].
//!
//! # References
//! G. Maral, M. Bousquet, Z. Sun, *Satellite Communications Systems*, 5th
//! ed. (Wiley, 2009), §5.9, §6.5, §9.2; Intelsat IESS-410 (lease
//! transmission plans, PEB).

#![deny(missing_docs)]

pub mod budget;
pub mod coverage;
pub mod error;
pub mod lease;
pub mod peb;
pub mod plan;
pub mod plan_file;
pub mod propagation;
pub mod request;
pub mod site;
pub mod sizing;
pub mod table;
pub mod violation;

pub use error::{Error, Result};
pub use peb::LimitedBy;
pub use plan::{CarrierUse, LeaseUse, PlanReport, TransponderUse, plan};
pub use plan_file::PlanFile;
pub use propagation::Propagation;
pub use request::ServiceRequest;
pub use sizing::{Candidate, LeaseFit, SizingReport, size};
pub use violation::{Violation, ViolationKind};
