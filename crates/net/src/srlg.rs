//! SRLG-diverse pairs: two paths sharing no edge and no shared-risk link group.
//!
//! Finding the cheapest SRLG-disjoint pair is NP-hard in general (Hu,
//! "Diverse routing in optical mesh networks", IEEE Trans. Commun. 51(3),
//! 2003), so this is a heuristic with a certificate of exactness:
//!
//! 1. Take the Suurballe edge-disjoint optimum; it is a lower bound on any
//!    SRLG-diverse pair. If it is already SRLG-diverse it is optimal.
//! 2. Otherwise, for each of the `k` shortest paths `P1` (Yen), remove every
//!    edge of `P1` and every edge sharing an SRLG with it and route the
//!    shortest `P2` in what is left; keep the cheapest pair.
//!
//! The result is proven optimal (`exact = true`) when it equals the
//! Suurballe bound, when Yen ran out of paths before `k` (every simple path
//! was tried as `P1`), or when its cost is at most twice the cost of the
//! `k`-th path (the shorter path of a better pair would have been among the
//! first `k`). Edges without SRLGs are their own risk group, so with no SRLG
//! data the result equals the edge-disjoint optimum.

use std::collections::HashSet;

use crate::dijkstra::Workspace;
use crate::disjoint::{DisjointPair, DisjointSolver, Diversity};
use crate::graph::{EdgeIx, Graph, NodeIx};
use crate::yen::k_shortest_paths_in;

/// An SRLG-diverse pair and whether it is proven optimal.
#[derive(Debug, Clone, PartialEq)]
pub struct SrlgPair {
    /// The pair (`paths[0]` the shorter).
    pub pair: DisjointPair,
    /// True when the pair is proven to be the cheapest SRLG-diverse pair.
    pub exact: bool,
}

/// Whether two edge lists share an edge or an SRLG.
pub fn srlg_diverse(g: &Graph, a: &[EdgeIx], b: &[EdgeIx]) -> bool {
    let ea: HashSet<EdgeIx> = a.iter().copied().collect();
    let sa: HashSet<u32> = a
        .iter()
        .flat_map(|&e| g.edge(e).srlg.iter().copied())
        .collect();
    b.iter()
        .all(|&e| !ea.contains(&e) && g.edge(e).srlg.iter().all(|s| !sa.contains(s)))
}

/// Reusable solver for SRLG-diverse pairs on one graph.
#[derive(Debug, Clone)]
pub struct SrlgSolver {
    suurballe: DisjointSolver,
    ws: Workspace,
    /// Number of first paths tried (Yen's k).
    pub k: usize,
}

impl SrlgSolver {
    /// Solver for `g` trying the `k` shortest first paths.
    pub fn new(g: &Graph, k: usize) -> SrlgSolver {
        SrlgSolver {
            suurballe: DisjointSolver::new(g, Diversity::Edge),
            ws: Workspace::new(g),
            k,
        }
    }

    /// Cheapest SRLG-diverse pair found from `s` to `t`, or `None` when none was found.
    pub fn solve(&mut self, g: &Graph, s: NodeIx, t: NodeIx) -> Option<SrlgPair> {
        let lower = self.suurballe.solve(g, s, t)?;
        if srlg_diverse(g, &lower.paths[0].edges, &lower.paths[1].edges) {
            return Some(SrlgPair {
                pair: lower,
                exact: true,
            });
        }
        let firsts = k_shortest_paths_in(&mut self.ws, g, s, t, self.k);
        let mut best: Option<DisjointPair> = None;
        let mut pruned = false;
        for p1 in &firsts {
            if best
                .as_ref()
                .is_some_and(|b| 2 * p1.latency_ns >= b.latency_ns)
            {
                pruned = true;
                break; // any pair whose shorter path is p1 or later costs more
            }
            let groups: HashSet<u32> = p1
                .edges
                .iter()
                .flat_map(|&e| g.edge(e).srlg.iter().copied())
                .collect();
            self.ws.clear_bans();
            for &e in &p1.edges {
                self.ws.ban_edge(e);
            }
            for &grp in &groups {
                for &e in &g.srlg_edges()[grp as usize] {
                    self.ws.ban_edge(e);
                }
            }
            if let Some(p2) = self.ws.shortest_path(g, s, t, None) {
                let total = p1.latency_ns + p2.latency_ns;
                if best.as_ref().is_none_or(|b| total < b.latency_ns) {
                    let (a, b) = if p1.latency_ns <= p2.latency_ns {
                        (p1.clone(), p2)
                    } else {
                        (p2, p1.clone())
                    };
                    best = Some(DisjointPair {
                        paths: [a, b],
                        latency_ns: total,
                    });
                }
            }
        }
        self.ws.clear_bans();
        let best = best?;
        let exhausted = firsts.len() < self.k;
        let kth = firsts.last().map_or(0, |p| p.latency_ns);
        let exact = pruned
            || best.latency_ns == lower.latency_ns
            || exhausted
            || best.latency_ns <= 2 * kth;
        Some(SrlgPair { pair: best, exact })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeSpec, NodeSpec};

    #[test]
    fn avoids_shared_duct() {
        let n = |id: &str| NodeSpec {
            id: id.into(),
            ..Default::default()
        };
        let e = |a: &str, b: &str, us: f64, srlg: &[&str]| EdgeSpec {
            a: a.into(),
            b: b.into(),
            latency_us: Some(us),
            srlg: srlg.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        let (g, _) = Graph::from_specs(
            &[n("s"), n("a"), n("b"), n("c"), n("t")],
            &[
                e("s", "a", 1.0, &["duct"]),
                e("a", "t", 1.0, &[]),
                e("s", "b", 1.0, &["duct"]),
                e("b", "t", 1.0, &[]),
                e("s", "c", 5.0, &[]),
                e("c", "t", 5.0, &[]),
            ],
        )
        .unwrap();
        let (s, t) = (g.node_ix("s").unwrap(), g.node_ix("t").unwrap());
        let plain = crate::disjoint::disjoint_pair(&g, s, t, Diversity::Edge).unwrap();
        assert_eq!(plain.latency_ns, 4000);
        let r = SrlgSolver::new(&g, 10).solve(&g, s, t).unwrap();
        assert_eq!(r.pair.latency_ns, 12_000);
        assert!(r.exact);
        assert!(srlg_diverse(
            &g,
            &r.pair.paths[0].edges,
            &r.pair.paths[1].edges
        ));
    }
}
