//! ΔT/T, Monte Carlo, antenna patterns and App. 7 coordination distance
//! over HTTP: the worked ΔT/T example, S.465-6's envelope, the engines
//! called directly (same seed, same numbers), and field-naming errors.

mod common;

use common::*;
use serde_json::{Value, json};
use silkway_analyses::coordination::{CoordinationRequest, coordination_distance};
use silkway_spectrum::FreeSpace;
use silkway_spectrum::coordination::ParameterTable;
use silkway_spectrum::montecarlo::McConfig;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spectrum/examples");

fn toml_as_json(file: &str) -> Value {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{file}")).unwrap();
    serde_json::to_value(toml::from_str::<toml::Value>(&text).unwrap()).unwrap()
}

/// Equal up to the last bits a JSON round trip may change.
fn same(a: &Value, b: &Value) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-12 * y.abs().max(1.0), "{x} vs {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len());
            x.iter().zip(y).for_each(|(p, q)| same(p, q));
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>());
            x.iter().for_each(|(k, p)| same(p, &y[k]));
        }
        _ => assert_eq!(a, b),
    }
}

/// The example case file: the same numbers as the engine (whose worked
/// example, 37.65 %, is checked in crates/spectrum/tests).
#[tokio::test]
async fn dtt_equals_the_engine() {
    let st = state();
    let v = ok(&st, "/spectrum/dtt", toml_as_json("dtt_example.toml")).await;
    let text = std::fs::read_to_string(format!("{EXAMPLES}/dtt_example.toml")).unwrap();
    let direct = silkway_spectrum::dtt::DttInput::from_toml(&text, "dtt_example.toml")
        .unwrap()
        .evaluate()
        .unwrap();
    same(&v, &serde_json::to_value(direct).unwrap());
    assert_eq!(v["coordination_required"], json!(true));
    let mut bad = toml_as_json("dtt_example.toml");
    bad["uplink_freq_ghz"] = json!(-6.0);
    assert_problem(
        &post(&st, "/spectrum/dtt", bad).await,
        422,
        "uplink_freq_ghz",
    );
}

#[tokio::test]
async fn montecarlo_equals_the_engine_and_long_runs_are_jobs() {
    let st = state();
    let mut cfg = toml_as_json("montecarlo_border.toml");
    cfg["events"] = json!(20_000);
    let v = ok(&st, "/spectrum/montecarlo", cfg.clone()).await;
    let direct: McConfig = serde_json::from_value(cfg.clone()).unwrap();
    let direct = serde_json::to_value(direct.run(&FreeSpace).unwrap()).unwrap();
    same(&v, &direct);
    assert_eq!(v["events"], json!(20_000));
    cfg["events"] = json!(5_000_000);
    let r = post(&st, "/spectrum/montecarlo", cfg).await;
    assert_eq!(r.status, 422, "{}", r.json);
    assert!(
        r.json["detail"].as_str().unwrap().contains("montecarlo"),
        "{}",
        r.json
    );
}

/// ITU-R S.465-6: 32 − 25 log φ between φmin and 48°, −10 dBi beyond.
#[tokio::test]
async fn pattern_follows_s465() {
    let st = state();
    let v = ok(&st, "/spectrum/pattern", json!({"kind": "s465", "freq_ghz": 6.0, "diameter_m": 9.0, "angles_deg": [10.0, 20.0, 90.0]})).await;
    let g: Vec<f64> = v["gains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["gain_dbi"].as_f64().unwrap())
        .collect();
    assert!((g[0] - 7.0).abs() < 1e-9, "{v}");
    assert!((g[1] - (32.0 - 25.0 * 20f64.log10())).abs() < 1e-9, "{v}");
    assert!((g[2] + 10.0).abs() < 1e-9, "{v}");
    assert!(v["max_gain_dbi"].as_f64().unwrap() > 50.0);
    let r = post(
        &st,
        "/spectrum/pattern",
        json!({"kind": "s999", "freq_ghz": 6.0}),
    )
    .await;
    assert_problem(&r, 422, "kind");
}

#[tokio::test]
async fn coordination_distance_equals_the_library_and_names_iran() {
    let st = state();
    let v = ok(
        &st,
        "/spectrum/coordination-distance",
        json!({"azimuth_step_deg": 30.0, "step_km": 2.0}),
    )
    .await;
    let req: CoordinationRequest =
        serde_json::from_value(json!({"azimuth_step_deg": 30.0, "step_km": 2.0})).unwrap();
    let sc = silkway_model::builtin::load("caspian").unwrap();
    let direct =
        coordination_distance(Some(&sc), &req, &ParameterTable::builtin().unwrap()).unwrap();
    same(&v, &direct.to_json().unwrap());
    let iran = v["countries_reached"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["alpha2"] == "IR")
        .expect("Iran reached");
    assert_eq!(iran["administrations"], json!(["ir-admin"]));
    let g = ok(
        &st,
        "/spectrum/coordination-distance",
        json!({"azimuth_step_deg": 30.0, "step_km": 2.0, "format": "geojson"}),
    )
    .await;
    assert_eq!(g["type"], "FeatureCollection");
    let r = post(
        &st,
        "/spectrum/coordination-distance",
        json!({"lat_deg": 40.4}),
    )
    .await;
    assert_problem(&r, 422, "lon_deg");
    let r = post(
        &st,
        "/spectrum/coordination-distance",
        json!({"assignment": "nope"}),
    )
    .await;
    assert_problem(&r, 422, "assignment");
}
