//! Validation against networkx 3.x goldens (testdata/make_goldens.py) on
//! Cogentco, Kdl (Topology Zoo) and a 1,000-node random geometric graph.
//! Tolerance 0.01 µs on costs; max-flow exact to 1 Mbit/s.

use std::path::PathBuf;

use serde_json::Value;
use silkway_net::demands::{read_demands, resolve};
use silkway_net::disjoint::{DisjointSolver, Diversity};
use silkway_net::failures::{FailureOptions, analyse};
use silkway_net::maxflow::MaxFlowSolver;
use silkway_net::{apsp, graphml, yen};

const TOL_US: f64 = 0.01;

fn testdata(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(name)
}

fn us(ns: Option<u64>) -> Option<f64> {
    ns.map(|x| x as f64 / 1000.0)
}

fn close(what: &str, got: Option<f64>, want: &Value) {
    match (got, want.as_f64()) {
        (None, None) => {}
        (Some(g), Some(w)) => assert!((g - w).abs() <= TOL_US, "{what}: got {g}, want {w}"),
        _ => panic!("{what}: got {got:?}, want {want}"),
    }
}

fn check(name: &str) {
    let gpath = testdata(&format!("{name}.graphml"));
    let golden_path = testdata(&format!("golden/{name}.json"));
    let text = std::fs::read_to_string(&golden_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; regenerate with `python3 testdata/make_goldens.py`",
            golden_path.display()
        )
    });
    let golden: Value = serde_json::from_str(&text).unwrap();
    let (g, _warnings) = graphml::read_graph(&gpath).unwrap();
    assert_eq!(
        g.node_count() as u64,
        golden["nodes"].as_u64().unwrap(),
        "{name} nodes"
    );
    assert_eq!(
        g.edge_count() as u64,
        golden["edges"].as_u64().unwrap(),
        "{name} edges"
    );
    let dfile = testdata(&format!("{name}.demands.csv"));
    let demands = resolve(&g, &read_demands(&dfile).unwrap(), "demands").unwrap();
    let gd = golden["demands"].as_array().unwrap();
    assert_eq!(gd.len(), demands.len());

    let mut edge = DisjointSolver::new(&g, Diversity::Edge);
    let mut node = DisjointSolver::new(&g, Diversity::Node);
    let mut flow = MaxFlowSolver::new(&g, 100.0);
    let failures = analyse(
        &g,
        &demands,
        FailureOptions {
            order: 1,
            srlg: false,
        },
    );
    for (i, (d, w)) in demands.iter().zip(gd).enumerate() {
        let tag = format!("{name} demand {i} {}->{}", d.source_id, d.target_id);
        assert_eq!(w["source"], d.source_id.as_str());
        let paths = yen::k_shortest_paths(&g, d.source, d.target, 5);
        close(
            &format!("{tag} shortest"),
            us(paths.first().map(|p| p.latency_ns)),
            &w["shortest_us"],
        );
        let want: Vec<f64> = w["yen_us"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        let got: Vec<f64> = paths.iter().map(|p| p.latency_ns as f64 / 1000.0).collect();
        assert_eq!(
            got.len(),
            want.len(),
            "{tag} yen count: {got:?} vs {want:?}"
        );
        for (a, b) in got.iter().zip(&want) {
            assert!((a - b).abs() <= TOL_US, "{tag} yen: {got:?} vs {want:?}");
        }
        for p in &paths {
            let mut seen = std::collections::HashSet::new();
            assert!(
                p.nodes.iter().all(|v| seen.insert(*v)),
                "{tag}: path not simple"
            );
        }
        let pe = edge.solve(&g, d.source, d.target);
        close(
            &format!("{tag} edge-disjoint"),
            us(pe.as_ref().map(|p| p.latency_ns)),
            &w["edge_disjoint_us"],
        );
        if let Some(p) = &pe {
            let a: std::collections::HashSet<_> = p.paths[0].edges.iter().collect();
            assert!(
                p.paths[1].edges.iter().all(|e| !a.contains(e)),
                "{tag}: pair shares an edge"
            );
            assert_eq!(p.paths[0].latency_ns + p.paths[1].latency_ns, p.latency_ns);
        }
        let pn = node.solve(&g, d.source, d.target);
        close(
            &format!("{tag} node-disjoint"),
            us(pn.as_ref().map(|p| p.latency_ns)),
            &w["node_disjoint_us"],
        );
        if let Some(p) = &pn {
            let inner = |q: &silkway_net::Path| q.nodes[1..q.nodes.len() - 1].to_vec();
            let a: std::collections::HashSet<_> = inner(&p.paths[0]).into_iter().collect();
            assert!(
                inner(&p.paths[1]).iter().all(|v| !a.contains(v)),
                "{tag}: pair shares a node"
            );
        }
        close(
            &format!("{tag} single-failure worst"),
            us(failures.demands[i].worst_latency_ns),
            &w["single_failure_worst_us"],
        );
        let f = flow.solve(d.source, d.target);
        let wf = w["maxflow_gbps"].as_f64().unwrap();
        assert!(
            (f.gbps - wf).abs() < 1e-3,
            "{tag} maxflow: got {} want {wf}",
            f.gbps
        );
        // Max-flow = min-cut capacity.
        let cut: f64 = f
            .min_cut
            .iter()
            .map(|&e| g.edge(e).capacity_gbps.unwrap_or(100.0))
            .sum();
        if d.source != d.target {
            assert!((cut - wf).abs() < 1e-3, "{tag} min cut {cut} vs flow {wf}");
        }
    }
    if let Some(a) = golden.get("apsp") {
        let s = apsp::summary(&g);
        close(
            &format!("{name} apsp max"),
            Some(s.max_latency_ns as f64 / 1000.0),
            &a["max_latency_us"],
        );
        close(
            &format!("{name} apsp mean"),
            Some(s.mean_latency_ns / 1000.0),
            &a["mean_latency_us"],
        );
        assert_eq!(s.reachable_pairs, a["reachable_pairs"].as_u64().unwrap());
    }
}

#[test]
fn cogentco_matches_networkx() {
    check("Cogentco");
}

#[test]
fn kdl_matches_networkx() {
    check("Kdl");
}

#[test]
fn random_geometric_1k_matches_networkx() {
    check("rgg1k");
}
