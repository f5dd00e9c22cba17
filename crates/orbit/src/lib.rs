//! Orbits for silkway: TLE/OMM ingest, SGP4 propagation, time and frames,
//! look angles, passes, GEO geometry, Sun and eclipse, ground tracks.
//!
//! A pure library: typed inputs, typed results, [`OrbitError`] on bad input.
//! No printing, no I/O beyond parsing text handed in.

#![deny(missing_docs)]

pub mod elements;
pub mod error;
pub mod propagate;
pub mod time;
pub mod tle;

pub use elements::ElementSet;
pub use error::{OrbitError, Result};
pub use propagate::{OpsMode, Satellite, StateTeme};
pub use time::UtcTime;
pub mod aer;
pub mod frames;
pub mod geodetic;
pub use aer::{Aer, Observer};
pub mod mask;
pub mod passes;
pub mod solve;
pub mod station;
pub use passes::{Pass, PassOptions, find_passes, find_passes_many, find_passes_many_cancellable};
pub use station::GroundStation;
pub mod omm;
pub use omm::parse_elements;
pub mod eclipse;
pub mod geo_look;
pub mod scenario;
pub mod sun;
pub mod track;
