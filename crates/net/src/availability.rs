//! End-to-end availability of a demand by state enumeration.
//!
//! Links fail independently; link `i` is down with steady-state probability
//! `u_i = MTTR / (MTBF + MTTR)`, where for cables the failure rate comes from
//! a cut rate per 1,000 km per year times the length. A demand is up in a
//! network state when:
//! - **1+1 protection**: its working path or its protection path has no
//!   failed link;
//! - **restoration**: the surviving graph still connects its ends.
//!
//! States with at most `max_order` failed links are enumerated exactly (their
//! probabilities `P0 · Π u_i/(1-u_i)`, `P0 = Π (1-u_i)`); the probability of
//! all other states is the error bound: the true availability lies in
//! `[availability, availability + error_bound]`. This is the approach of
//! Net2Plan's availability reports. For protection, only the links of the two
//! paths are relevant and enumerated; for restoration, all links.
//!
//! # References
//! - P. Pavon-Marino, J.-L. Izquierdo-Zaragoza, "Net2Plan: an open source
//!   network planning tool", IEEE Commun. Mag. 53(8), 2015 (availability
//!   report: state enumeration up to a failure order, with bound).
//! - W. D. Grover, "Mesh-Based Survivable Networks", Prentice Hall, 2004, ch. 3.

use std::collections::HashSet;
use std::ops::ControlFlow;

use crate::dijkstra::Workspace;
use crate::graph::{EdgeIx, Graph, NodeIx, Path};

/// Hours in an average (Julian) year.
pub const HOURS_PER_YEAR: f64 = 8766.0;

/// Failure figures for edges that declare none (see [`edge_unavailabilities`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FailureDefaults {
    /// Cuts per 1,000 km per year (submarine average ≈ 0.1, ICPC).
    pub cuts_per_1000km_year: f64,
    /// Mean time to repair, hours.
    pub mttr_h: f64,
    /// When set, this MTBF (hours) for every edge that declares no cut rate,
    /// instead of cut rates.
    pub mtbf_h: Option<f64>,
}

/// Steady-state unavailability of every edge (indexed by edge): an edge's
/// own cut rate and MTTR where it declares them, else the defaults; edges
/// without a length and a cut rate count as never cut unless `mtbf_h` is set.
pub fn edge_unavailabilities(g: &Graph, defaults: &FailureDefaults) -> Vec<f64> {
    g.edges()
        .iter()
        .map(|e| {
            let mttr = e.mttr_h.unwrap_or(defaults.mttr_h);
            match (defaults.mtbf_h, e.cuts_per_1000km_year) {
                (Some(mtbf), None) => unavailability_mtbf(mtbf, mttr),
                (_, rate) => unavailability_cut_rate(
                    e.length_km.unwrap_or(0.0),
                    rate.unwrap_or(defaults.cuts_per_1000km_year),
                    mttr,
                ),
            }
        })
        .collect()
}

/// Steady-state unavailability from mean time between failures and mean time to repair (hours).
///
/// # Examples
/// ```
/// let u = silkway_net::availability::unavailability_mtbf(8766.0, 24.0);
/// assert!((u - 24.0 / 8790.0).abs() < 1e-15);
/// ```
pub fn unavailability_mtbf(mtbf_h: f64, mttr_h: f64) -> f64 {
    if mtbf_h + mttr_h <= 0.0 {
        0.0
    } else {
        mttr_h / (mtbf_h + mttr_h)
    }
}

/// Steady-state unavailability of a cable of `length_km` with
/// `cuts_per_1000km_year` cuts per 1,000 km per year and repair time `mttr_h` hours.
///
/// # Examples
/// ```
/// // Trans-Caspian main route: 341 km submarine, 0.1 cuts/1,000 km/yr, 25-day repair.
/// let u = silkway_net::availability::unavailability_cut_rate(341.0, 0.1, 600.0);
/// assert!((u - 0.002329).abs() < 1e-6);
/// ```
pub fn unavailability_cut_rate(length_km: f64, cuts_per_1000km_year: f64, mttr_h: f64) -> f64 {
    let rate_per_h = cuts_per_1000km_year * length_km / 1000.0 / HOURS_PER_YEAR;
    if rate_per_h <= 0.0 {
        return 0.0;
    }
    unavailability_mtbf(1.0 / rate_per_h, mttr_h)
}

/// How a demand survives failures.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Scheme {
    /// 1+1 protection on two fixed paths.
    Protection {
        /// Working (main) path.
        working: Path,
        /// Protection (reserve) path.
        protection: Path,
    },
    /// Restoration: any surviving path will do.
    Restoration,
}

/// Availability of one demand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Availability {
    /// Probability mass of enumerated states in which the demand is up
    /// (a lower bound on the availability).
    pub availability: f64,
    /// Probability of the states not enumerated (more than `max_order` links
    /// down): the availability is at most `availability + error_bound`.
    pub error_bound: f64,
    /// Number of states enumerated.
    pub states: u64,
    /// Number of links whose state was enumerated.
    pub links: usize,
}

/// Availability of the demand `s`–`t` under `scheme`, with per-edge
/// unavailabilities `u` (indexed by edge), enumerating states of up to
/// `max_order` (1 or 2; larger values are treated as 2) simultaneous link failures.
pub fn availability(
    g: &Graph,
    u: &[f64],
    s: NodeIx,
    t: NodeIx,
    scheme: &Scheme,
    max_order: usize,
) -> Availability {
    let go_on = |_: usize, _: usize| ControlFlow::Continue(());
    // Never cancelled: `go_on` always continues.
    availability_cancellable(g, u, s, t, scheme, max_order, &go_on).unwrap_or(Availability {
        availability: 0.0,
        error_bound: 1.0,
        states: 0,
        links: 0,
    })
}

/// [`availability`] that reports progress and can be stopped:
/// `each_link(done, total)` is called after the states whose first failed
/// link is the `done`-th of the `total` enumerated links; when it returns
/// [`ControlFlow::Break`] the enumeration stops and the call returns `None`.
pub fn availability_cancellable(
    g: &Graph,
    u: &[f64],
    s: NodeIx,
    t: NodeIx,
    scheme: &Scheme,
    max_order: usize,
    each_link: &dyn Fn(usize, usize) -> ControlFlow<()>,
) -> Option<Availability> {
    let order = max_order.clamp(1, 2);
    match scheme {
        Scheme::Protection {
            working,
            protection,
        } => {
            let mut links: Vec<EdgeIx> = working
                .edges
                .iter()
                .chain(&protection.edges)
                .copied()
                .collect();
            links.sort_unstable();
            links.dedup();
            let w: HashSet<EdgeIx> = working.edges.iter().copied().collect();
            let p: HashSet<EdgeIx> = protection.edges.iter().copied().collect();
            let up =
                |f: &[EdgeIx]| !f.iter().any(|e| w.contains(e)) || !f.iter().any(|e| p.contains(e));
            enumerate(&links, u, order, |f| up(f), each_link)
        }
        Scheme::Restoration => {
            let links: Vec<EdgeIx> = (0..g.edge_count() as EdgeIx).collect();
            let mut ws = Workspace::new(g);
            let connected = |ws: &mut Workspace, f: &[EdgeIx]| {
                ws.clear_bans();
                for &e in f {
                    ws.ban_edge(e);
                }
                ws.shortest_path(g, s, t, None)
            };
            let Some(base) = connected(&mut ws, &[]) else {
                return Some(Availability {
                    availability: 0.0,
                    error_bound: 0.0,
                    states: 0,
                    links: links.len(),
                });
            };
            let base_set: HashSet<EdgeIx> = base.edges.iter().copied().collect();
            // Backup path per base edge, computed lazily.
            let mut backup: std::collections::HashMap<EdgeIx, Option<HashSet<EdgeIx>>> =
                Default::default();
            enumerate(
                &links,
                u,
                order,
                |f| {
                    let Some(&first) = f.iter().find(|e| base_set.contains(e)) else {
                        return true;
                    };
                    let b = backup.entry(first).or_insert_with(|| {
                        connected(&mut ws, &[first]).map(|p| p.edges.into_iter().collect())
                    });
                    match b {
                        None => false,
                        Some(b) if f.iter().all(|e| !b.contains(e)) => true,
                        Some(_) => connected(&mut ws, f).is_some(),
                    }
                },
                each_link,
            )
        }
    }
}

/// Sum the probabilities of the up states among those with at most `order`
/// failures of `links`; `None` when `each_link` breaks.
fn enumerate(
    links: &[EdgeIx],
    u: &[f64],
    order: usize,
    mut up: impl FnMut(&[EdgeIx]) -> bool,
    each_link: &dyn Fn(usize, usize) -> ControlFlow<()>,
) -> Option<Availability> {
    let p0: f64 = links.iter().map(|&e| 1.0 - u[e as usize]).product();
    let r: Vec<f64> = links
        .iter()
        .map(|&e| {
            let x = u[e as usize];
            if x >= 1.0 {
                f64::INFINITY
            } else {
                x / (1.0 - x)
            }
        })
        .collect();
    let mut mass = p0;
    let mut avail = if up(&[]) { p0 } else { 0.0 };
    let mut states = 1u64;
    for (i, &ei) in links.iter().enumerate() {
        if each_link(i, links.len()).is_break() {
            return None;
        }
        let pi = p0 * r[i];
        if !pi.is_finite() {
            continue;
        }
        mass += pi;
        states += 1;
        if up(&[ei]) {
            avail += pi;
        }
        if order >= 2 {
            for (j, &ej) in links.iter().enumerate().skip(i + 1) {
                let pij = pi * r[j];
                if !pij.is_finite() {
                    continue;
                }
                mass += pij;
                states += 1;
                if up(&[ei, ej]) {
                    avail += pij;
                }
            }
        }
    }
    each_link(links.len(), links.len())
        .is_continue()
        .then_some(Availability {
            availability: avail.min(1.0),
            error_bound: (1.0 - mass).max(0.0),
            states,
            links: links.len(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeSpec, NodeSpec};

    #[test]
    fn cancellable_enumeration_matches_and_stops() {
        use crate::graph::{EdgeSpec, NodeSpec};
        let n = |id: &str| NodeSpec {
            id: id.into(),
            ..Default::default()
        };
        let e = |a: &str, b: &str| EdgeSpec {
            a: a.into(),
            b: b.into(),
            latency_us: Some(1.0),
            ..Default::default()
        };
        let (g, _) = Graph::from_specs(
            &[n("a"), n("b"), n("c"), n("d")],
            &[
                e("a", "b"),
                e("b", "d"),
                e("a", "c"),
                e("c", "d"),
                e("b", "c"),
            ],
        )
        .unwrap();
        let u = vec![1e-3; g.edge_count()];
        let plain = availability(&g, &u, 0, 3, &Scheme::Restoration, 2);
        let seen = std::cell::RefCell::new(Vec::new());
        let counted = availability_cancellable(&g, &u, 0, 3, &Scheme::Restoration, 2, &|d, n| {
            seen.borrow_mut().push((d, n));
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(plain, counted);
        assert_eq!(seen.borrow().last(), Some(&(5, 5)));
        let stopped = availability_cancellable(&g, &u, 0, 3, &Scheme::Restoration, 2, &|_, _| {
            ControlFlow::Break(())
        });
        assert!(stopped.is_none());
    }

    fn small() -> Graph {
        let n = |id: &str| NodeSpec {
            id: id.into(),
            ..Default::default()
        };
        let e = |a: &str, b: &str, us: f64| EdgeSpec {
            a: a.into(),
            b: b.into(),
            latency_us: Some(us),
            ..Default::default()
        };
        let nodes: Vec<_> = ["a", "b", "c", "d", "e"].iter().map(|x| n(x)).collect();
        let edges = vec![
            e("a", "b", 1.0),
            e("b", "e", 1.0),
            e("a", "c", 2.0),
            e("c", "e", 2.0),
            e("b", "c", 1.0),
            e("a", "d", 3.0),
            e("d", "e", 3.0),
            e("c", "d", 1.0),
        ];
        Graph::from_specs(&nodes, &edges).unwrap().0
    }

    /// Exact availability by brute force over all 2^m states.
    fn brute(g: &Graph, u: &[f64], up: impl Fn(&[EdgeIx]) -> bool) -> f64 {
        let m = g.edge_count();
        let mut a = 0.0;
        for mask in 0u32..(1 << m) {
            let failed: Vec<EdgeIx> = (0..m as u32).filter(|i| mask & (1 << i) != 0).collect();
            let p: f64 = (0..m)
                .map(|i| {
                    if mask & (1 << i) != 0 {
                        u[i]
                    } else {
                        1.0 - u[i]
                    }
                })
                .product();
            if up(&failed) {
                a += p;
            }
        }
        a
    }

    #[test]
    fn matches_brute_force_within_bound() {
        let g = small();
        let u: Vec<f64> = (0..g.edge_count())
            .map(|i| 0.002 + 0.003 * i as f64)
            .collect();
        let (s, t) = (0, 4);
        let pair =
            crate::disjoint::disjoint_pair(&g, s, t, crate::disjoint::Diversity::Edge).unwrap();
        let [w, p] = pair.paths.clone();
        let scheme = Scheme::Protection {
            working: w.clone(),
            protection: p.clone(),
        };
        for order in [1, 2] {
            let a = availability(&g, &u, s, t, &scheme, order);
            let exact = brute(&g, &u, |f| {
                !f.iter().any(|e| w.edges.contains(e)) || !f.iter().any(|e| p.edges.contains(e))
            });
            assert!(
                a.availability <= exact + 1e-15 && exact <= a.availability + a.error_bound + 1e-15,
                "{a:?} {exact}"
            );
            // Closed form for disjoint paths.
            let aw: f64 = w.edges.iter().map(|&e| 1.0 - u[e as usize]).product();
            let ap: f64 = p.edges.iter().map(|&e| 1.0 - u[e as usize]).product();
            assert!((exact - (1.0 - (1.0 - aw) * (1.0 - ap))).abs() < 1e-12);
        }
        let conn = |f: &[EdgeIx]| {
            let mut ws = Workspace::new(&g);
            f.iter().for_each(|&e| ws.ban_edge(e));
            ws.shortest_path(&g, s, t, None).is_some()
        };
        let exact = brute(&g, &u, conn);
        for order in [1, 2] {
            let a = availability(&g, &u, s, t, &Scheme::Restoration, order);
            assert!(
                a.availability <= exact + 1e-15 && exact <= a.availability + a.error_bound + 1e-15,
                "{a:?} {exact}"
            );
        }
        let a1 = availability(&g, &u, s, t, &Scheme::Restoration, 1);
        let a2 = availability(&g, &u, s, t, &Scheme::Restoration, 2);
        assert!(a2.error_bound < a1.error_bound / 10.0, "{a1:?} {a2:?}");
        assert!(exact - a2.availability < 1e-4, "{a2:?} {exact}");
        // Restoration beats fixed 1+1 on this mesh.
        let ap = availability(&g, &u, s, t, &scheme, 2);
        assert!(a2.availability + a2.error_bound >= ap.availability);
    }
}
