//! Failure what-if: cut a chosen set of links and see, per demand, where
//! the traffic goes — the old and new routes (or that the demand is lost),
//! the latency change and the capacity lost between its ends.
//!
//! The new route is the shortest path in the graph without the cut links
//! (restoration over any surviving path, as an operator's control plane
//! would re-route); the capacity between the ends is the max-flow /
//! min-cut value over the edges' `capacity_gbps` before and after the cut.

use std::collections::HashSet;

use crate::demands::Demand;
use crate::dijkstra::Workspace;
use crate::error::{NetError, Result};
use crate::graph::{EdgeIx, Graph, Path};
use crate::maxflow::MaxFlowSolver;

/// What the cut does to one demand.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandImpact {
    /// Shortest route before the cut (`None`: the ends were never connected).
    pub before: Option<Path>,
    /// Shortest route after the cut (`None`: the demand is lost).
    pub after: Option<Path>,
    /// Whether the route before the cut used a cut link.
    pub rerouted: bool,
    /// After − before latency, ns (`None` when either route is missing).
    pub latency_change_ns: Option<i64>,
    /// Max-flow between the ends before the cut, Gbit/s.
    pub max_flow_before_gbps: f64,
    /// Max-flow between the ends after the cut, Gbit/s.
    pub max_flow_after_gbps: f64,
    /// Demand volume no longer carriable: all of it when the demand is lost,
    /// else what exceeds the surviving max-flow, Gbit/s (0 without a volume).
    pub unserved_gbps: f64,
}

impl DemandImpact {
    /// Max-flow capacity lost between the ends, Gbit/s.
    pub fn lost_capacity_gbps(&self) -> f64 {
        (self.max_flow_before_gbps - self.max_flow_after_gbps).max(0.0)
    }
}

/// The cut's effect on every demand, in input order.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The cut edges (deduplicated, sorted).
    pub cut: Vec<EdgeIx>,
    /// Summed capacity of the cut links, Gbit/s (links without one count
    /// `default_capacity_gbps`).
    pub cut_capacity_gbps: f64,
    /// One entry per demand.
    pub demands: Vec<DemandImpact>,
}

/// Edge indices of the links named `names` (graph edge names: the link ids
/// of a scenario, the edge ids of a GraphML file).
///
/// # Errors
/// [`NetError::Invalid`] naming the first unknown link.
pub fn edges_named(g: &Graph, names: &[String]) -> Result<Vec<EdgeIx>> {
    names
        .iter()
        .map(|name| {
            g.edges()
                .iter()
                .position(|e| &e.name == name)
                .map(|i| i as EdgeIx)
                .ok_or_else(|| NetError::Invalid(format!("no link named {name:?} in the graph")))
        })
        .collect()
}

/// Cut the edges `cut` and evaluate every demand (see the module docs).
/// Edges without a capacity count `default_capacity_gbps` in the max-flows.
///
/// # Examples
/// ```
/// use silkway_net::graph::{Graph, NodeSpec, EdgeSpec};
/// use silkway_net::what_if::cut_links;
/// let n = |id: &str| NodeSpec { id: id.into(), ..Default::default() };
/// let e = |a: &str, b: &str, us: f64| EdgeSpec { a: a.into(), b: b.into(), latency_us: Some(us),
///     capacity_gbps: Some(10.0), ..Default::default() };
/// let (g, _) = Graph::from_specs(&[n("a"), n("b"), n("c")],
///     &[e("a", "b", 1.0), e("b", "c", 1.0), e("a", "c", 5.0)]).unwrap();
/// let d = silkway_net::demands::resolve(&g, &[silkway_net::demands::DemandSpec {
///     source: "a".into(), target: "c".into(), gbps: Some(15.0), line: 0 }], "demo").unwrap();
/// let w = cut_links(&g, &d, &[0], 0.0);
/// let x = &w.demands[0];
/// assert_eq!(x.latency_change_ns, Some(3_000));
/// assert_eq!((x.max_flow_before_gbps, x.max_flow_after_gbps), (20.0, 10.0));
/// assert_eq!(x.unserved_gbps, 5.0);
/// ```
pub fn cut_links(
    g: &Graph,
    demands: &[Demand],
    cut: &[EdgeIx],
    default_capacity_gbps: f64,
) -> WhatIf {
    let mut cut: Vec<EdgeIx> = cut.to_vec();
    cut.sort_unstable();
    cut.dedup();
    let cut_set: HashSet<EdgeIx> = cut.iter().copied().collect();
    let cut_capacity_gbps = cut
        .iter()
        .map(|&e| g.edge(e).capacity_gbps.unwrap_or(default_capacity_gbps))
        .sum();
    let after_graph = g.with_capacity_removed(&cut, default_capacity_gbps);
    let mut flow_before = MaxFlowSolver::new(g, default_capacity_gbps);
    let mut flow_after = MaxFlowSolver::new(&after_graph, default_capacity_gbps);
    let mut ws = Workspace::new(g);
    let demands = demands
        .iter()
        .map(|d| {
            ws.clear_bans();
            let before = ws.shortest_path(g, d.source, d.target, None);
            for &e in &cut {
                ws.ban_edge(e);
            }
            let after = ws.shortest_path(g, d.source, d.target, None);
            let rerouted = before
                .as_ref()
                .is_some_and(|p| p.edges.iter().any(|e| cut_set.contains(e)));
            let latency_change_ns = match (&before, &after) {
                (Some(b), Some(a)) => Some(a.latency_ns as i64 - b.latency_ns as i64),
                _ => None,
            };
            let (max_flow_before_gbps, max_flow_after_gbps) = if d.source == d.target {
                (0.0, 0.0)
            } else {
                (
                    flow_before.solve(d.source, d.target).gbps,
                    flow_after.solve(d.source, d.target).gbps,
                )
            };
            let volume = d.gbps.unwrap_or(0.0);
            let unserved_gbps = if after.is_none() {
                volume
            } else {
                (volume - max_flow_after_gbps).max(0.0)
            };
            DemandImpact {
                before,
                after,
                rerouted,
                latency_change_ns,
                max_flow_before_gbps,
                max_flow_after_gbps,
                unserved_gbps,
            }
        })
        .collect();
    WhatIf {
        cut,
        cut_capacity_gbps,
        demands,
    }
}
