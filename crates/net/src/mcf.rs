//! Demand routing with capacities: multi-commodity flow by linear programming.
//!
//! Path formulation (column restriction): each demand may split over its `k`
//! shortest paths (Yen). Phase 1 minimises the maximum link utilisation `U`
//! (with a tiny latency term to prefer short paths among equal `U`):
//!
//! ```text
//! min U + ε Σ_d Σ_p gbps_d · lat_p · x_dp
//! s.t. Σ_p x_dp = 1                      for each demand d
//!      Σ_{d,p ∋ e} gbps_d · x_dp ≤ U · cap_e   for each link e
//!      x ≥ 0
//! ```
//!
//! When `U > 1` some demands cannot fit; phase 2 maximises the carried
//! traffic `Σ_d gbps_d · y_d` with `Σ_p x_dp = y_d ≤ 1` and loads within
//! capacity, and reports the demands not fully carried. The optimum is exact
//! over the candidate paths; with enough paths it equals the arc-flow
//! optimum. Solved with good_lp's pure-Rust `microlp` backend.
//!
//! # References
//! - M. Pióro, D. Medhi, "Routing, Flow, and Capacity Design in Communication
//!   and Computer Networks", Morgan Kaufmann, 2004, ch. 4 (link-path
//!   formulation, min-max utilisation).

use good_lp::{
    Expression, Solution, SolverModel, Variable, constraint, microlp, variable, variables,
};

use crate::demands::Demand;
use crate::dijkstra::Workspace;
use crate::error::{NetError, Result};
use crate::graph::{EdgeIx, Graph, Path};
use crate::yen::k_shortest_paths_in;

/// One demand's routing.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandRouting {
    /// Offered volume, Gbit/s.
    pub gbps: f64,
    /// Carried volume, Gbit/s (equals `gbps` unless the demand does not fit).
    pub carried_gbps: f64,
    /// Paths used with their share, Gbit/s.
    pub paths: Vec<(Path, f64)>,
}

/// Load of one link.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkLoad {
    /// The link.
    pub edge: EdgeIx,
    /// Carried load, Gbit/s.
    pub load_gbps: f64,
    /// Capacity, Gbit/s.
    pub capacity_gbps: f64,
    /// `load / capacity`.
    pub utilisation: f64,
}

/// Result of [`route_demands`].
#[derive(Debug, Clone, PartialEq)]
pub struct Routing {
    /// Minimum achievable maximum utilisation with all demands carried (may exceed 1).
    pub max_utilisation: f64,
    /// Per demand, in input order. When `max_utilisation > 1`, the routing of the
    /// maximum-carried-traffic solution.
    pub demands: Vec<DemandRouting>,
    /// Loads of links carrying traffic, most utilised first (of the routing reported).
    pub links: Vec<LinkLoad>,
    /// Indices of demands not fully carried (empty when `max_utilisation <= 1`).
    pub unfit: Vec<usize>,
}

/// Route demands (their `gbps` must be set) over their `k` shortest paths,
/// minimising the maximum utilisation; links without capacity get `default_capacity_gbps`.
///
/// # Errors
/// A demand without volume; a solver failure.
pub fn route_demands(
    g: &Graph,
    demands: &[Demand],
    k: usize,
    default_capacity_gbps: f64,
) -> Result<Routing> {
    let mut ws = Workspace::new(g);
    let cap = |e: EdgeIx| g.edge(e).capacity_gbps.unwrap_or(default_capacity_gbps);
    let mut cands: Vec<Vec<Path>> = Vec::with_capacity(demands.len());
    let mut vol = Vec::with_capacity(demands.len());
    for d in demands {
        let gbps = d.gbps.ok_or_else(|| {
            NetError::Invalid(format!(
                "demand {}->{} has no gbps volume",
                d.source_id, d.target_id
            ))
        })?;
        vol.push(gbps);
        cands.push(if gbps > 0.0 {
            k_shortest_paths_in(&mut ws, g, d.source, d.target, k.max(1))
        } else {
            Vec::new()
        });
    }
    let max_lat = cands
        .iter()
        .flatten()
        .map(|p| p.latency_ns)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let total_vol: f64 = vol.iter().sum::<f64>().max(1e-9);
    // Links touched by any candidate.
    let mut used: Vec<EdgeIx> = cands
        .iter()
        .flatten()
        .flat_map(|p| p.edges.iter().copied())
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut pos = vec![usize::MAX; g.edge_count()];
    for (i, &e) in used.iter().enumerate() {
        pos[e as usize] = i;
    }
    let routable: Vec<bool> = cands
        .iter()
        .zip(&vol)
        .map(|(c, &v)| !c.is_empty() || v == 0.0)
        .collect();

    // Phase 1: min max-utilisation over routable demands.
    let mut vars = variables!();
    let u_var = vars.add(variable().min(0.0));
    let x: Vec<Vec<Variable>> = cands
        .iter()
        .map(|c| c.iter().map(|_| vars.add(variable().min(0.0))).collect())
        .collect();
    let mut obj: Expression = u_var.into();
    for (d, c) in cands.iter().enumerate() {
        for (p, path) in c.iter().enumerate() {
            obj += x[d][p] * (1e-6 * vol[d] / total_vol * path.latency_ns as f64 / max_lat);
        }
    }
    let mut model = vars.minimise(obj).using(microlp);
    let mut loads: Vec<Expression> = vec![Expression::from(0.0); used.len()];
    for (d, c) in cands.iter().enumerate() {
        if c.is_empty() {
            continue;
        }
        let mut sum = Expression::from(0.0);
        for (p, path) in c.iter().enumerate() {
            sum += x[d][p];
            for &e in &path.edges {
                loads[pos[e as usize]] += x[d][p] * vol[d];
            }
        }
        model = model.with(constraint!(sum == 1.0));
    }
    for (i, &e) in used.iter().enumerate() {
        let c = cap(e);
        let load = std::mem::take(&mut loads[i]);
        model = model.with(constraint!(load <= c * u_var));
    }
    let sol = model.solve().map_err(|e| NetError::Solver(e.to_string()))?;
    let max_u = sol.value(u_var);
    let mut share: Vec<Vec<f64>> = x
        .iter()
        .map(|xs| xs.iter().map(|&v| sol.value(v).max(0.0)).collect())
        .collect();
    let mut carried: Vec<f64> = vol
        .iter()
        .zip(&routable)
        .map(|(&v, &r)| if r { v } else { 0.0 })
        .collect();

    let mut unfit = Vec::new();
    if max_u > 1.0 + 1e-9 {
        // Phase 2: carry as much as possible within capacity.
        let mut vars = variables!();
        let x2: Vec<Vec<Variable>> = cands
            .iter()
            .map(|c| c.iter().map(|_| vars.add(variable().min(0.0))).collect())
            .collect();
        let mut obj = Expression::from(0.0);
        for (d, c) in cands.iter().enumerate() {
            for (p, path) in c.iter().enumerate() {
                obj += x2[d][p] * (vol[d] * (1.0 - 1e-6 * path.latency_ns as f64 / max_lat));
            }
        }
        let mut model = vars.maximise(obj).using(microlp);
        let mut loads: Vec<Expression> = vec![Expression::from(0.0); used.len()];
        for (d, c) in cands.iter().enumerate() {
            if c.is_empty() {
                continue;
            }
            let mut sum = Expression::from(0.0);
            for (p, path) in c.iter().enumerate() {
                sum += x2[d][p];
                for &e in &path.edges {
                    loads[pos[e as usize]] += x2[d][p] * vol[d];
                }
            }
            model = model.with(constraint!(sum <= 1.0));
        }
        for (i, &e) in used.iter().enumerate() {
            let c = cap(e);
            let load = std::mem::take(&mut loads[i]);
            model = model.with(constraint!(load <= c));
        }
        let sol = model.solve().map_err(|e| NetError::Solver(e.to_string()))?;
        share = x2
            .iter()
            .map(|xs| xs.iter().map(|&v| sol.value(v).max(0.0)).collect())
            .collect();
        carried = share
            .iter()
            .zip(&vol)
            .map(|(s, &v)| s.iter().sum::<f64>().min(1.0) * v)
            .collect();
    }
    for (d, (&c, &v)) in carried.iter().zip(&vol).enumerate() {
        if c < v * (1.0 - 1e-6) - 1e-9 {
            unfit.push(d);
        }
    }
    let mut load = vec![0.0; g.edge_count()];
    let mut out = Vec::with_capacity(demands.len());
    for (d, c) in cands.into_iter().enumerate() {
        let mut paths = Vec::new();
        for (p, path) in c.into_iter().enumerate() {
            let gb = share[d][p] * vol[d];
            if gb > 1e-9 {
                for &e in &path.edges {
                    load[e as usize] += gb;
                }
                paths.push((path, gb));
            }
        }
        out.push(DemandRouting {
            gbps: vol[d],
            carried_gbps: carried[d],
            paths,
        });
    }
    let mut links: Vec<LinkLoad> = used
        .iter()
        .filter(|&&e| load[e as usize] > 1e-9)
        .map(|&e| {
            let c = cap(e);
            let l = load[e as usize];
            LinkLoad {
                edge: e,
                load_gbps: l,
                capacity_gbps: c,
                utilisation: if c > 0.0 { l / c } else { f64::INFINITY },
            }
        })
        .collect();
    links.sort_by(|a, b| {
        b.utilisation
            .total_cmp(&a.utilisation)
            .then(a.edge.cmp(&b.edge))
    });
    Ok(Routing {
        max_utilisation: max_u,
        demands: out,
        links,
        unfit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demands::{DemandSpec, resolve};
    use crate::graph::{EdgeSpec, NodeSpec};

    #[test]
    fn splits_and_reports_unfit() {
        let n = |id: &str| NodeSpec {
            id: id.into(),
            ..Default::default()
        };
        let e = |a: &str, b: &str, us: f64, c: f64| EdgeSpec {
            a: a.into(),
            b: b.into(),
            latency_us: Some(us),
            capacity_gbps: Some(c),
            ..Default::default()
        };
        let (g, _) = Graph::from_specs(
            &[n("a"), n("b"), n("c")],
            &[
                e("a", "c", 1.0, 100.0),
                e("a", "b", 1.0, 100.0),
                e("b", "c", 1.0, 100.0),
            ],
        )
        .unwrap();
        let spec = |gbps: f64| {
            vec![DemandSpec {
                source: "a".into(),
                target: "c".into(),
                gbps: Some(gbps),
                line: 2,
            }]
        };
        let d = resolve(&g, &spec(150.0), "d").unwrap();
        let r = route_demands(&g, &d, 3, 0.0).unwrap();
        assert!((r.max_utilisation - 0.75).abs() < 1e-6, "{r:?}");
        assert!(r.unfit.is_empty());
        let d = resolve(&g, &spec(300.0), "d").unwrap();
        let r = route_demands(&g, &d, 3, 0.0).unwrap();
        assert!((r.max_utilisation - 1.5).abs() < 1e-6);
        assert_eq!(r.unfit, vec![0]);
        assert!((r.demands[0].carried_gbps - 200.0).abs() < 1e-6);
    }
}
