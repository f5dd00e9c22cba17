//! Network endpoints on the caspian network and the Trans-Caspian GraphML,
//! against the README's worked example and the silkway-net library.

mod common;

use common::*;
use serde_json::{Value, json};
use silkway_net::demands::{resolve, scenario_demand_specs};
use silkway_net::disjoint::{Diversity, disjoint_pair};
use silkway_net::{ScenarioGraphOptions, scenario_graph, yen};

fn caspian_graph() -> silkway_net::Graph {
    let sc = silkway_model::builtin::load("caspian").unwrap();
    scenario_graph(
        &sc,
        ScenarioGraphOptions {
            include_planned: false,
            include_satellite: true,
        },
    )
    .unwrap()
    .0
}

/// A request body on the Trans-Caspian GraphML (crates/net/testdata).
fn trans_caspian() -> Value {
    json!({"network": {"graphml": workspace_file("crates/net/testdata/trans_caspian.graphml")}})
}

#[tokio::test]
async fn cutting_tcfo_main_moves_frankfurt_almaty_to_the_reserve() {
    let st = state();
    let v = ok(&st, "/net/what-if", json!({"cut": ["tcfo-main"]})).await;
    assert_eq!(v["cut"], json!(["tcfo-main"]));
    let fra_ala = v["demands"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["source"] == "frankfurt" && d["target"] == "almaty")
        .unwrap();
    let before: Vec<&str> = fra_ala["before"]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let after: Vec<&str> = fra_ala["after"]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(before.contains(&"tcfo-main"), "{fra_ala}");
    assert!(after.contains(&"tcfo-reserve"), "{fra_ala}");
    assert_eq!(fra_ala["rerouted"], true);
    assert_eq!(fra_ala["lost"], false);
    let dl = fra_ala["latency_change_us"].as_f64().unwrap();
    let la = fra_ala["after"]["latency_us"].as_f64().unwrap()
        - fra_ala["before"]["latency_us"].as_f64().unwrap();
    assert!(dl > 0.0 && (dl - la).abs() < 1e-6, "{fra_ala}");
    // The library's shortest path with and without the cable agrees.
    let g = caspian_graph();
    let (s, t) = (
        g.node_ix("frankfurt").unwrap(),
        g.node_ix("almaty").unwrap(),
    );
    let base = silkway_net::dijkstra::shortest_path(&g, s, t).unwrap();
    assert!(
        (fra_ala["before"]["latency_us"].as_f64().unwrap() - base.latency_ns as f64 / 1000.0).abs()
            < 1e-9
    );
    // Capacity between the ends drops by what the main cable carried at most.
    let lost = fra_ala["lost_capacity_gbps"].as_f64().unwrap();
    assert!(
        lost >= 0.0 && lost <= v["cut_capacity_gbps"].as_f64().unwrap() + 1e-9,
        "{v}"
    );
    assert!(v["rerouted"].as_u64().unwrap() >= 1);
    // Cutting both Trans-Caspian cables and the satellite backup of the
    // Trans-Caspian graph loses the demand.
    let mut body = trans_caspian();
    body["demands"] = json!([{"source": "beyneu", "target": "baku", "gbps": 300.0}]);
    body["cut"] = json!(["TCFO-main", "TCFO-reserve"]);
    let v = ok(&st, "/net/what-if", body).await;
    let d = &v["demands"][0];
    assert_eq!(d["lost"], true);
    assert_eq!(d["after"], Value::Null);
    assert_eq!(d["unserved_gbps"].as_f64().unwrap(), 300.0);
    assert_eq!(d["max_flow_after_gbps"].as_f64().unwrap(), 0.0);
    assert_eq!(d["max_flow_before_gbps"].as_f64().unwrap(), 800.0);
    assert_eq!(v["lost"], 1);
    // An unknown link is named.
    assert_problem(
        &post(
            &st,
            "/net/what-if",
            json!({"cut": ["tcfo-main", "no-such-cable"]}),
        )
        .await,
        422,
        "cut[1]",
    );
    assert_problem(
        &post(&st, "/net/what-if", json!({"cut": []})).await,
        422,
        "cut",
    );
}

#[tokio::test]
async fn trans_caspian_availability_is_the_readme_figure() {
    let st = state();
    let mut body = trans_caspian();
    body["demands"] = json!([{"source": "beyneu", "target": "baku"}]);
    let v = ok(&st, "/net/availability", body.clone()).await;
    // README: 1+1 protection A = 0.99999281, error bound 5.0e-9.
    let a = v[0]["availability"].as_f64().unwrap();
    assert!((a - 0.99999281).abs() < 5e-9, "{v}");
    assert!(
        (v[0]["error_bound"].as_f64().unwrap() - 5.0e-9).abs() < 0.5e-9,
        "{v}"
    );
    assert_eq!(v[0]["paths"].as_array().unwrap().len(), 2);
    body["scheme"] = json!("restoration");
    let v = ok(&st, "/net/availability", body.clone()).await;
    // README: restoration over Aktau–Kuryk 0.99999439.
    assert!(
        (v[0]["availability"].as_f64().unwrap() - 0.99999439).abs() < 5e-9,
        "{v}"
    );
    body["max_order"] = json!(3);
    assert_problem(
        &post(&st, "/net/availability", body).await,
        422,
        "max_order",
    );
    let r = post(
        &st,
        "/net/availability",
        json!({"network": {"graphml": "<graphml"}, "demands": []}),
    )
    .await;
    assert_problem(&r, 422, "network.graphml");
    let r = post(&st, "/net/availability", json!({"network": {"graphml": workspace_file("crates/net/testdata/trans_caspian.graphml")}})).await;
    assert_problem(&r, 422, "demands");
}

#[tokio::test]
async fn paths_disjoint_failures_maxflow_routing_on_caspian() {
    let st = state();
    let v = ok(&st, "/net/paths", json!({"k": 3})).await;
    let g = caspian_graph();
    let sc = silkway_model::builtin::load("caspian").unwrap();
    let ds = resolve(&g, &scenario_demand_specs(&sc), "caspian").unwrap();
    assert_eq!(v.as_array().unwrap().len(), ds.len());
    for (row, d) in v.as_array().unwrap().iter().zip(&ds) {
        let lib = yen::k_shortest_paths(&g, d.source, d.target, 3);
        let paths = row["paths"].as_array().unwrap();
        assert_eq!(paths.len(), lib.len());
        for (p, l) in paths.iter().zip(&lib) {
            assert_eq!(p["nodes"], json!(g.ids(&l.nodes)));
            assert!(
                (p["latency_us"].as_f64().unwrap() - l.latency_ns as f64 / 1000.0).abs() < 1e-9
            );
        }
    }
    for (mode, diversity) in [
        ("edge", Some(Diversity::Edge)),
        ("node", Some(Diversity::Node)),
        ("srlg", None),
    ] {
        let v = ok(
            &st,
            "/net/disjoint",
            json!({"mode": mode, "demands": [{"source": "frankfurt", "target": "almaty"}]}),
        )
        .await;
        let paths = v[0]["paths"].as_array().unwrap();
        if let Some(div) = diversity {
            let (s, t) = (
                g.node_ix("frankfurt").unwrap(),
                g.node_ix("almaty").unwrap(),
            );
            let lib = disjoint_pair(&g, s, t, div);
            assert_eq!(
                v[0]["latency_us"].as_f64(),
                lib.as_ref().map(|p| p.latency_ns as f64 / 1000.0),
                "{mode}"
            );
            if lib.is_none() {
                assert!(paths.is_empty());
                continue;
            }
        }
        assert_eq!(paths.len(), 2, "{mode}: {v}");
        let links = |p: &Value| -> Vec<String> {
            p["links"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap().to_owned())
                .collect()
        };
        let (a, b) = (links(&paths[0]), links(&paths[1]));
        assert!(a.iter().all(|l| !b.contains(l)), "{mode}: shared link: {v}");
    }
    assert_problem(
        &post(&st, "/net/disjoint", json!({"mode": "ring"})).await,
        422,
        "mode",
    );
    let v = ok(&st, "/net/failures", json!({"srlg": true, "top": 3})).await;
    assert!(v["scenarios"].as_u64().unwrap() as usize >= g.edge_count());
    assert!(v["critical_links"].as_array().unwrap().len() <= 3);
    let lib = silkway_net::failures::analyse(
        &g,
        &ds,
        silkway_net::failures::FailureOptions {
            order: 1,
            srlg: true,
        },
    );
    for (row, o) in v["demands"].as_array().unwrap().iter().zip(&lib.demands) {
        assert_eq!(
            row["worst_latency_us"].as_f64(),
            o.worst_latency_ns.map(|n| n as f64 / 1000.0)
        );
    }
    let v = ok(&st, "/net/maxflow", {
        let mut b = trans_caspian();
        b["demands"] = json!([{"source": "beyneu", "target": "baku"}]);
        b
    })
    .await;
    assert_eq!(v[0]["gbps"].as_f64().unwrap(), 800.0);
    assert_eq!(v[0]["min_cut"].as_array().unwrap().len(), 2);
    let v = ok(&st, "/net/route-demands", json!({})).await;
    let u = v["max_utilisation"].as_f64().unwrap();
    assert!(u > 0.0 && u.is_finite(), "{v}");
    assert_eq!(v["demands"].as_array().unwrap().len(), ds.len());
    assert_problem(&post(&st, "/net/paths", json!({"k": 0})).await, 422, "k");
    assert_problem(
        &post(
            &st,
            "/net/paths",
            json!({"demands": [{"source": "frankfurt", "target": "atlantis"}]}),
        )
        .await,
        422,
        "demands",
    );
    assert_problem(
        &post(&st, "/net/paths", json!({"k": 2, "extra": 1})).await,
        422,
        "extra",
    );
}
