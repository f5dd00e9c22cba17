//! Spectrum engineering for silkway.
//!
//! - Antenna reference patterns behind [`AntennaPattern`]: ITU-R S.465-6,
//!   S.580-6, F.699-8, F.1245-3, S.1528 (rec. 1.2), S.672-4 and the
//!   RR App. 8 earth-station pattern ([`pattern`]).
//! - Path loss behind [`PathLoss`]: free space (ITU-R P.525-4)
//!   ([`path_loss`]) and ITU-R P.452-18 over a generated great-circle
//!   profile ([`path_loss_p452`]).
//! - Interference over a scenario's assignment register: I per
//!   interferer, I/N, C/I, C/(N+I), aggregate ([`interference`]).
//! - Cross-border screening: worst field strength on the Azerbaijan–Iran
//!   border (Natural Earth) against a trigger ([`border`]).
//! - RR Appendix 7 coordination distance and contour of an earth station,
//!   propagation mode (1) ([`coordination`]).
//! - RR Appendix 8 ΔT/T between two GSO networks ([`dtt`]).
//! - Monte Carlo aggregate interference, seeded and parallel ([`montecarlo`]).
//!
//! A pure library: no printing, no I/O beyond parsing strings given to it.

#![deny(missing_docs)]

pub mod border;
pub mod coordination;
pub mod dtt;
pub mod error;
pub mod geometry;
pub mod interference;
mod lonlat_csv;
pub mod montecarlo;
pub mod path_loss;
pub mod path_loss_p452;
pub mod pattern;
pub mod triggers;
pub mod units;

pub use error::{Error, Result};
pub use path_loss::{FreeSpace, PathLoss, Terminal};
pub use path_loss_p452::P452PathLoss;
pub use pattern::{AntennaPattern, PatternKind, PatternSpec};
