//! `/orbit/propagate` against Vallado's SGP4 verification case 00005
//! (tcppver.out, published with "Revisiting Spacetrack Report #3", 2006),
//! `/orbit/sun` against the solar-noon elevation, `/net/apsp` against
//! the network library and the Frankfurt–Almaty primary latency.

mod common;

use common::*;
use serde_json::json;

const TLE_00005: &str = "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753\n\
2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667\n";

#[tokio::test]
async fn propagate_reproduces_vallado_case_00005() {
    let st = state();
    let v = ok(&st, "/orbit/propagate", json!({
        "elements": TLE_00005,
        "start": "2000-06-27T18:50:19.733568Z", "end": "2000-06-28T00:50:19.733568Z", "step_s": 21600.0,
    }))
    .await;
    let states = v["states"].as_array().unwrap();
    assert_eq!(states.len(), 2, "{v}");
    // tsince 0 and 360 min (tcppver.out), km; 1 cm allowed for the epoch's
    // sub-millisecond rounding in RFC 3339 parsing.
    let want = [
        [7022.46529266, -1400.08296755, 0.03995155],
        [-7154.03120202, -3783.17682504, -3536.19412294],
    ];
    for (s, w) in states.iter().zip(want) {
        for (k, wk) in ["x_km", "y_km", "z_km"].iter().zip(w) {
            let got = s[k].as_f64().unwrap();
            assert!((got - wk).abs() < 1e-2, "{k}: {got} vs {wk}: {s}");
        }
    }
    let g = ok(&st, "/orbit/propagate", json!({
        "satellites": ["spot-6"], "start": "2026-05-31T00:00:00Z", "end": "2026-05-31T00:10:00Z",
        "step_s": 60.0, "frame": "geodetic",
    }))
    .await;
    let rows = g["states"].as_array().unwrap();
    assert_eq!(rows.len(), 11);
    for r in rows {
        let h = r["height_km"].as_f64().unwrap();
        assert!(
            (680.0..720.0).contains(&h),
            "SPOT 6 flies at about 695 km: {r}"
        );
    }
    let r = post(&st, "/orbit/propagate", json!({"start": "2026-05-31T00:00:00Z", "end": "2026-05-31T00:10:00Z", "frame": "galactic"})).await;
    assert_problem(&r, 422, "frame");
}

/// At Baku's solar noon on the June solstice the sun is 90° − 40.41° +
/// 23.44° = 73.03° high (geometric; no refraction).
#[tokio::test]
async fn sun_at_solar_noon() {
    let st = state();
    let v = ok(&st, "/orbit/sun", json!({
        "stations": [{"name": "Baku", "lat_deg": 40.41, "lon_deg": 49.87}], "at": "2026-06-21T08:42:00Z",
    }))
    .await;
    let el = v[0]["sun_elevation_deg"].as_f64().unwrap();
    assert!((el - 73.03).abs() < 0.15, "{v}");
    let r = post(
        &st,
        "/orbit/sun",
        json!({"stations": [], "at": "not a time"}),
    )
    .await;
    assert_problem(&r, 422, "at");
}

#[tokio::test]
async fn apsp_summary_and_matrix() {
    let st = state();
    let v = ok(&st, "/net/apsp", json!({"matrix": true})).await;
    let sc = silkway_model::builtin::load("caspian").unwrap();
    let (g, _) = silkway_net::scenario::scenario_graph(
        &sc,
        silkway_net::scenario::ScenarioGraphOptions {
            include_planned: false,
            include_satellite: true,
        },
    )
    .unwrap();
    let s = silkway_net::apsp::summary(&g);
    assert_eq!(v["nodes"], json!(g.node_count()));
    assert_eq!(v["reachable_pairs"], json!(s.reachable_pairs));
    assert!(
        (v["max_latency_us"].as_f64().unwrap() - s.max_latency_ns as f64 / 1000.0).abs() < 1e-6
    );
    let ids: Vec<&str> = v["node_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    let m = v["latency_us"].as_array().unwrap();
    let (f, a) = (
        ids.iter().position(|&i| i == "frankfurt").unwrap(),
        ids.iter().position(|&i| i == "almaty").unwrap(),
    );
    assert_eq!(m[f][f], json!(0.0));
    assert_eq!(m[f][a], m[a][f]);
    // The Frankfurt–Almaty primary route over the TCFO main: 29.931 ms.
    assert!(
        (m[f][a].as_f64().unwrap() / 1000.0 - 29.931).abs() < 0.0005,
        "{}",
        m[f][a]
    );
}
