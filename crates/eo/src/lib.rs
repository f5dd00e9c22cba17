//! Earth observation for silkway.
//!
//! Imaging and tasking: [`sensor`] (swath, roll/pitch agility, slew and
//! settle, sun and incidence limits, memory, imaging and downlink rates),
//! [`geom`] (pointing frame, ellipsoid intersection, incidence),
//! [`aoi`] (GeoJSON areas of interest), [`access`] (per pass: roll, strips,
//! footprints, incidence, sun elevation, coverage), [`contacts`]
//! (downlink passes over stations and their volume), [`tasking`] (request
//! and plan types for a STAPI-style layer), [`plan`] (the acquisition and
//! downlink planner) and [`checker`] (the independent plan checker every
//! plan passes before it is returned).
//!
//! The SPOT5 part covers the SPOT5 daily photograph scheduling benchmark
//! (Bensana, Lemaître, Verfaillie 1999; Agnèse et al. 1995) in the DCKP form
//! published by Wei & Hao (2021): [`spot5`] parses instances, reads and
//! writes solutions, checks them independently and solves them.
//!
//! The combinatorial core, [`lck`], is the *logic-constrained knapsack* of
//! Vasquez & Hao (2001): choose at most one option per request, subject to
//! forbidden pairs and triples of options and a capacity. It knows nothing
//! about SPOT5 so that the acquisition planner (imaging access, slew and
//! memory constraints) can map its own plans onto it later.
//!
//! The library never prints: solvers report progress through a callback.

#![deny(missing_docs)]

pub mod access;
pub mod aoi;
pub mod checker;
pub mod contacts;
pub mod error;
pub mod fleet;
pub mod geom;
pub mod json_span;
pub mod lck;
pub mod plan;
mod rng;
pub mod sensor;
pub mod spot5;
pub mod tasking;
pub mod timing;

pub use error::Error;
