//! `silkway-net`: the transit network engine of silkway.
//!
//! Graphs come from GraphML (Internet Topology Zoo style, [`graphml`]) or from
//! plain node/edge lists ([`graph::Graph::from_specs`]); latencies are integer
//! nanoseconds of fiber propagation ([`latency`]). On top: shortest paths
//! ([`dijkstra`]), Yen's k shortest paths ([`yen`]), Suurballe/Bhandari
//! disjoint pairs ([`disjoint`]), SRLG-diverse pairs ([`srlg`]), max-flow /
//! min-cut ([`maxflow`]), parallel all-pairs latency ([`apsp`]), failure
//! analysis ([`failures`]), availability ([`availability`]) and
//! multi-commodity demand routing ([`mcf`]).
//!
//! A pure library: no printing, no I/O beyond reading the files it is asked
//! to read, warnings returned as data.

#![deny(missing_docs)]

pub mod apsp;
pub mod availability;
pub mod demands;
pub mod dijkstra;
pub mod disjoint;
pub mod error;
pub mod failures;
pub mod graph;
pub mod graphml;
pub mod latency;
pub mod maxflow;
pub mod mcf;
pub mod scenario;
pub mod srlg;
pub mod what_if;
pub mod yen;

pub use error::{NetError, Result};
pub use graph::{EdgeSpec, Graph, NodeSpec, Path, Warning};
pub use scenario::{ScenarioGraphOptions, scenario_graph};
