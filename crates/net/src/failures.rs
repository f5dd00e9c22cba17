//! Failure analysis: single and double link failures and SRLG failures.
//!
//! For each demand the shortest path is computed once; a failure scenario
//! only triggers a new search for the demands whose current route it hits.
//! For double failures `{e1, e2}` the backup route found for `e1` alone is
//! reused when it avoids `e2` (it is then optimal in the doubly-failed
//! graph); only otherwise is the demand recomputed. Searches are A* with
//! the exact intact-graph distance to the target as potential (see
//! [`crate::dijkstra`]), demands run in parallel (rayon).
//!
//! `disconnecting` lists *minimal* disconnecting failures: single links that
//! disconnect on their own, and (order 2) pairs of which neither element
//! does.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::demands::Demand;
use crate::dijkstra::{UNREACHABLE, Workspace};
use crate::graph::{EdgeIx, Graph, Path};

/// A failure scenario.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Failure {
    /// One link down.
    Link(EdgeIx),
    /// Two links down.
    LinkPair(EdgeIx, EdgeIx),
    /// Every link of a shared-risk link group down (index into [`Graph::srlg_names`]).
    Srlg(u32),
}

/// Which scenarios to evaluate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureOptions {
    /// 1: all single link failures; 2: all double link failures.
    pub order: u8,
    /// Also evaluate one scenario per SRLG.
    pub srlg: bool,
}

/// Outcome for one demand.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandOutcome {
    /// Latency with no failure, ns (`None` if never connected).
    pub base_latency_ns: Option<u64>,
    /// Worst latency over the scenarios, ns; `None` when some scenario
    /// disconnects the demand (or it is never connected).
    pub worst_latency_ns: Option<u64>,
    /// The scenario giving the worst finite latency (`None` when no scenario hits the route).
    pub worst_failure: Option<Failure>,
    /// Minimal disconnecting scenarios.
    pub disconnecting: Vec<Failure>,
}

/// Impact of one link's single failure over all demands.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalLink {
    /// The link.
    pub edge: EdgeIx,
    /// Demands whose shortest route uses it.
    pub demands_affected: u32,
    /// Demands its failure disconnects.
    pub demands_disconnected: u32,
    /// Sum over rerouted demands of the latency increase, ns.
    pub added_latency_ns: u64,
}

/// Result of [`analyse`].
#[derive(Debug, Clone, PartialEq)]
pub struct FailureReport {
    /// Number of scenarios evaluated.
    pub scenarios: u64,
    /// One outcome per demand, in input order.
    pub demands: Vec<DemandOutcome>,
    /// Links ranked by (disconnected demands, added latency, affected demands), most critical first;
    /// only links used by some demand.
    pub critical_links: Vec<CriticalLink>,
}

struct Per {
    outcome: DemandOutcome,
    /// (edge, backup latency or None) for each edge of the base route.
    singles: Vec<(EdgeIx, Option<u64>)>,
}

fn worse(cur: &mut Option<(u64, Failure)>, lat: u64, f: Failure) {
    if cur.as_ref().is_none_or(|(l, _)| lat > *l) {
        *cur = Some((lat, f));
    }
}

fn one_demand(ws: &mut Workspace, g: &Graph, d: &Demand, opt: FailureOptions) -> Per {
    let (s, t) = (d.source, d.target);
    ws.clear_bans();
    let h = ws.distances_from(g, t);
    let none = Per {
        outcome: DemandOutcome {
            base_latency_ns: None,
            worst_latency_ns: None,
            worst_failure: None,
            disconnecting: Vec::new(),
        },
        singles: Vec::new(),
    };
    if h[s as usize] == UNREACHABLE || s == t {
        let mut p = none;
        if s == t {
            p.outcome.base_latency_ns = Some(0);
            p.outcome.worst_latency_ns = Some(0);
        }
        return p;
    }
    let Some(base) = ws.shortest_path(g, s, t, Some(&h)) else {
        return none;
    };
    let on_base: HashSet<EdgeIx> = base.edges.iter().copied().collect();
    let mut worst: Option<(u64, Failure)> = None;
    let mut disconnecting = Vec::new();
    let mut backups: Vec<(EdgeIx, Option<Path>)> = Vec::with_capacity(base.edges.len());
    let route = |ws: &mut Workspace, banned: &[EdgeIx]| -> Option<Path> {
        ws.clear_bans();
        for &e in banned {
            ws.ban_edge(e);
        }
        ws.shortest_path(g, s, t, Some(&h))
    };
    for &e in &base.edges {
        let b = route(ws, &[e]);
        match &b {
            Some(p) => {
                if opt.order == 1 {
                    worse(&mut worst, p.latency_ns, Failure::Link(e));
                }
            }
            None => disconnecting.push(Failure::Link(e)),
        }
        backups.push((e, b));
    }
    if opt.order >= 2 {
        let single_cut: HashSet<EdgeIx> = backups
            .iter()
            .filter(|(_, b)| b.is_none())
            .map(|(e, _)| *e)
            .collect();
        for (e1, b1) in &backups {
            let Some(b1) = b1 else { continue };
            // Pairs {e1, x} with x not on b1: b1 survives.
            worse(&mut worst, b1.latency_ns, Failure::Link(*e1));
            for &e2 in &b1.edges {
                // Pairs of two base edges are handled from the smaller index.
                if on_base.contains(&e2) && e2 < *e1 {
                    continue;
                }
                let (a, b) = (*e1.min(&e2), *e1.max(&e2));
                match route(ws, &[a, b]) {
                    Some(p) => worse(&mut worst, p.latency_ns, Failure::LinkPair(a, b)),
                    None => {
                        if !single_cut.contains(&e2) {
                            disconnecting.push(Failure::LinkPair(a, b));
                        }
                    }
                }
            }
        }
        // Pairs of two base edges where the first's backup avoids the second
        // give that backup's latency (already counted above).
    }
    if opt.srlg {
        for (k, members) in g.srlg_edges().iter().enumerate() {
            if !members.iter().any(|e| on_base.contains(e)) {
                continue;
            }
            match route(ws, members) {
                Some(p) => worse(&mut worst, p.latency_ns, Failure::Srlg(k as u32)),
                None => disconnecting.push(Failure::Srlg(k as u32)),
            }
        }
    }
    ws.clear_bans();
    disconnecting.sort();
    disconnecting.dedup();
    let singles = backups
        .iter()
        .map(|(e, b)| (*e, b.as_ref().map(|p| p.latency_ns)))
        .collect();
    let (worst_latency_ns, worst_failure) = if !disconnecting.is_empty() {
        (None, None)
    } else {
        match worst {
            Some((l, f)) => (Some(l.max(base.latency_ns)), Some(f)),
            None => (Some(base.latency_ns), None),
        }
    };
    Per {
        outcome: DemandOutcome {
            base_latency_ns: Some(base.latency_ns),
            worst_latency_ns,
            worst_failure,
            disconnecting,
        },
        singles,
    }
}

/// Evaluate every failure scenario of the chosen order (and SRLGs) for every demand.
///
/// # Examples
/// ```
/// use silkway_net::graph::{Graph, NodeSpec, EdgeSpec};
/// use silkway_net::failures::{analyse, FailureOptions};
/// let n = |id: &str| NodeSpec { id: id.into(), ..Default::default() };
/// let e = |a: &str, b: &str, us: f64| EdgeSpec { a: a.into(), b: b.into(), latency_us: Some(us), ..Default::default() };
/// let (g, _) = Graph::from_specs(&[n("a"), n("b"), n("c")],
///     &[e("a", "b", 1.0), e("b", "c", 1.0), e("a", "c", 5.0)]).unwrap();
/// let d = silkway_net::demands::resolve(&g, &[silkway_net::demands::DemandSpec {
///     source: "a".into(), target: "c".into(), gbps: None, line: 2 }], "d.csv").unwrap();
/// let r = analyse(&g, &d, FailureOptions { order: 1, srlg: false });
/// assert_eq!(r.demands[0].worst_latency_ns, Some(5000));
/// let r = analyse(&g, &d, FailureOptions { order: 2, srlg: false });
/// assert_eq!(r.demands[0].worst_latency_ns, None);
/// ```
pub fn analyse(g: &Graph, demands: &[Demand], opt: FailureOptions) -> FailureReport {
    // Never cancelled: the callback always continues.
    analyse_cancellable(g, demands, opt, &|_, _| ControlFlow::Continue(())).unwrap_or_else(|| {
        FailureReport {
            scenarios: 0,
            demands: Vec::new(),
            critical_links: Vec::new(),
        }
    })
}

/// [`analyse`] that reports progress and can be stopped: `each_demand(done,
/// total)` is called once per finished demand (from worker threads); when
/// it returns [`ControlFlow::Break`], demands not yet started are skipped
/// and the call returns `None`.
pub fn analyse_cancellable(
    g: &Graph,
    demands: &[Demand],
    opt: FailureOptions,
    each_demand: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Option<FailureReport> {
    let done = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let per: Vec<Option<Per>> = demands
        .par_iter()
        .map_init(
            || Workspace::new(g),
            |ws, d| {
                if stopped.load(Ordering::Relaxed) {
                    return None;
                }
                let p = one_demand(ws, g, d, opt);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if each_demand(n, demands.len()).is_break() {
                    stopped.store(true, Ordering::Relaxed);
                }
                Some(p)
            },
        )
        .collect();
    if stopped.load(Ordering::Relaxed) {
        return None;
    }
    let per: Vec<Per> = per.into_iter().flatten().collect();
    let m = g.edge_count() as u64;
    let mut scenarios = if opt.order >= 2 {
        m * m.saturating_sub(1) / 2
    } else {
        m
    };
    if opt.srlg {
        scenarios += g.srlg_names().len() as u64;
    }
    let mut stats: Vec<CriticalLink> = (0..g.edge_count())
        .map(|e| CriticalLink {
            edge: e as EdgeIx,
            demands_affected: 0,
            demands_disconnected: 0,
            added_latency_ns: 0,
        })
        .collect();
    for p in &per {
        let base = p.outcome.base_latency_ns.unwrap_or(0);
        for &(e, lat) in &p.singles {
            let st = &mut stats[e as usize];
            st.demands_affected += 1;
            match lat {
                Some(l) => st.added_latency_ns += l.saturating_sub(base),
                None => st.demands_disconnected += 1,
            }
        }
    }
    let mut critical_links: Vec<CriticalLink> = stats
        .into_iter()
        .filter(|c| c.demands_affected > 0)
        .collect();
    critical_links.sort_by(|a, b| {
        (
            b.demands_disconnected,
            b.added_latency_ns,
            b.demands_affected,
            a.edge,
        )
            .cmp(&(
                a.demands_disconnected,
                a.added_latency_ns,
                a.demands_affected,
                b.edge,
            ))
    });
    Some(FailureReport {
        scenarios,
        demands: per.into_iter().map(|p| p.outcome).collect(),
        critical_links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demands::Demand;
    use crate::graph::{EdgeSpec, NodeSpec};

    #[test]
    fn cancellable_analysis_matches_and_stops() {
        let g = mesh();
        let specs: Vec<crate::demands::DemandSpec> = (1..12)
            .map(|i| crate::demands::DemandSpec {
                source: "n0".into(),
                target: format!("n{i}"),
                gbps: None,
                line: i,
            })
            .collect();
        let ds = crate::demands::resolve(&g, &specs, "t").unwrap();
        let opt = FailureOptions {
            order: 2,
            srlg: false,
        };
        let calls = AtomicUsize::new(0);
        let r = analyse_cancellable(&g, &ds, opt, &|_, n| {
            assert_eq!(n, 11);
            calls.fetch_add(1, Ordering::Relaxed);
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(calls.load(Ordering::Relaxed), 11);
        assert_eq!(r.demands, analyse(&g, &ds, opt).demands);
        assert!(analyse_cancellable(&g, &ds, opt, &|_, _| ControlFlow::Break(())).is_none());
    }

    /// A small pseudo-random mesh (deterministic LCG), some bridges included.
    fn mesh() -> Graph {
        let mut x: u64 = 12345;
        let mut rnd = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let n = 24;
        let nodes: Vec<NodeSpec> = (0..n)
            .map(|i| NodeSpec {
                id: format!("n{i}"),
                ..Default::default()
            })
            .collect();
        let mut edges = Vec::new();
        for i in 1..n {
            let j = rnd(i);
            edges.push((i, j));
        }
        for _ in 0..22 {
            let (a, b) = (rnd(n), rnd(n));
            edges.push((a, b));
        }
        let specs: Vec<EdgeSpec> = edges
            .iter()
            .map(|&(a, b)| EdgeSpec {
                a: format!("n{a}"),
                b: format!("n{b}"),
                latency_us: Some(1.0 + rnd(50) as f64),
                ..Default::default()
            })
            .collect();
        Graph::from_specs(&nodes, &specs).unwrap().0
    }

    fn dist(g: &Graph, s: u32, t: u32, failed: &[EdgeIx]) -> Option<u64> {
        let mut ws = Workspace::new(g);
        failed.iter().for_each(|&e| ws.ban_edge(e));
        ws.shortest_path(g, s, t, None).map(|p| p.latency_ns)
    }

    #[test]
    fn double_failures_match_exhaustive_recomputation() {
        let g = mesh();
        let m = g.edge_count() as EdgeIx;
        let demands: Vec<Demand> = (0..12u32)
            .map(|i| {
                let (s, t) = (i, 23 - i);
                Demand {
                    source_id: g.node(s).id.clone(),
                    target_id: g.node(t).id.clone(),
                    source: s,
                    target: t,
                    gbps: None,
                }
            })
            .collect();
        let r1 = analyse(
            &g,
            &demands,
            FailureOptions {
                order: 1,
                srlg: false,
            },
        );
        let r2 = analyse(
            &g,
            &demands,
            FailureOptions {
                order: 2,
                srlg: false,
            },
        );
        assert_eq!(r2.scenarios, (m as u64) * (m as u64 - 1) / 2);
        for (i, d) in demands.iter().enumerate() {
            let (s, t) = (d.source, d.target);
            let single_cut: Vec<EdgeIx> =
                (0..m).filter(|&e| dist(&g, s, t, &[e]).is_none()).collect();
            let mut worst1 = dist(&g, s, t, &[]);
            for e in 0..m {
                worst1 = match (worst1, dist(&g, s, t, &[e])) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            assert_eq!(
                r1.demands[i].worst_latency_ns, worst1,
                "order 1, demand {i}"
            );
            let mut worst2 = dist(&g, s, t, &[]);
            let mut cuts = Vec::new();
            for a in 0..m {
                for b in a + 1..m {
                    let x = dist(&g, s, t, &[a, b]);
                    worst2 = match (worst2, x) {
                        (Some(p), Some(q)) => Some(p.max(q)),
                        _ => None,
                    };
                    if x.is_none() && !single_cut.contains(&a) && !single_cut.contains(&b) {
                        cuts.push(Failure::LinkPair(a, b));
                    }
                }
            }
            cuts.extend(single_cut.iter().map(|&e| Failure::Link(e)));
            cuts.sort();
            assert_eq!(
                r2.demands[i].worst_latency_ns, worst2,
                "order 2, demand {i}"
            );
            assert_eq!(
                r2.demands[i].disconnecting, cuts,
                "order 2 cuts, demand {i}"
            );
        }
    }
}
