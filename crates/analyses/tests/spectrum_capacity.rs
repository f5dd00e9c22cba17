//! Spectrum and capacity endpoints against the README's worked examples
//! (border screening, Lankaran interference, Uzbek VSAT sizing).

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn border_screening_matches_the_readme_table() {
    let st = state();
    let v = ok(&st, "/spectrum/border", json!({})).await;
    assert_eq!(v["border"], json!(["AZ", "IR"]));
    let reports = v["reports"].as_array().unwrap();
    let row = |id: &str| {
        reports
            .iter()
            .find(|r| r["assignment"] == id)
            .unwrap_or_else(|| panic!("{id}: {v}"))
    };
    // README: E 67.8 dBµV/m, trigger 10.2, margin 57.7, coordinate with ir-admin.
    let az = row("az-astara-lankaran-tx");
    assert!(
        (az["max_field_dbuv_m"].as_f64().unwrap() - 67.8).abs() < 0.05,
        "{az}"
    );
    assert!(
        (az["trigger_dbuv_m"].as_f64().unwrap() - 10.2).abs() < 0.05,
        "{az}"
    );
    assert!(
        (az["margin_db"].as_f64().unwrap() - 57.7).abs() < 0.05,
        "{az}"
    );
    assert_eq!(az["coordinate_with"], json!(["ir-admin"]));
    let ir = row("ir-astara-rasht-tx");
    assert!(
        (ir["max_field_dbuv_m"].as_f64().unwrap() - 66.2).abs() < 0.05,
        "{ir}"
    );
    assert!(row("az-baku-uplink-6g")["trigger_dbuv_m"].is_null());
    // A fixed trigger; a bad step.
    let v = ok(&st, "/spectrum/border", json!({"trigger_dbuv_m": 60.0})).await;
    let az = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["assignment"] == "az-astara-lankaran-tx")
        .unwrap();
    assert!(
        (az["margin_db"].as_f64().unwrap() - 7.8).abs() < 0.05,
        "{az}"
    );
    assert_problem(
        &post(&st, "/spectrum/border", json!({"step_km": -1.0})).await,
        422,
        "step_km",
    );
}

#[tokio::test]
async fn interference_at_lankaran_from_the_iranian_link() {
    let st = state();
    let v = ok(
        &st,
        "/spectrum/interference",
        json!({
            "victim": "az-lankaran-rx", "wanted": "az-astara-lankaran-tx",
        }),
    )
    .await;
    // README: I/N = +20.1 dB at Lankaran (free space).
    let i_n = v[0]["aggregate_i_over_n_db"].as_f64().unwrap();
    assert!((i_n - 20.1).abs() < 0.05, "{v}");
    assert!(v[0]["c_over_i_db"].is_f64());
    let all = ok(&st, "/spectrum/interference", json!({})).await;
    assert!(all.as_array().unwrap().len() > 1);
    assert_problem(
        &post(&st, "/spectrum/interference", json!({"victim": "nobody"})).await,
        422,
        "victim",
    );
    assert_problem(
        &post(&st, "/spectrum/interference", json!({"es_pattern": "s999"})).await,
        422,
        "es_pattern",
    );
}

#[tokio::test]
async fn capacity_plan_and_sizing() {
    let st = state();
    let v = ok(&st, "/capacity/plan", json!({})).await;
    let lib = silkway_capacity::plan(&silkway_model::builtin::load("caspian").unwrap(), None);
    assert_json_close(&v, &serde_json::to_value(&lib).unwrap());
    assert!(!v["transponders"].as_array().unwrap().is_empty());
    assert_problem(
        &post(&st, "/capacity/plan", json!({"date": "31/05/2026"})).await,
        422,
        "date",
    );

    // README: 300 VSATs in Uzbekistan → kz3-ku-02, 8PSK 3/5, 40.45 MHz, 65.3 % power.
    let text = workspace_file("crates/capacity/examples/uz_vsat_kazsat3.toml");
    for request in [
        json!(text),
        toml::from_str::<serde_json::Value>(&text).unwrap(),
    ] {
        let v = ok(&st, "/capacity/size", json!({"request": request})).await;
        let best = &v["candidates"][0];
        assert_eq!(best["transponder"], "kz3-ku-02", "{v}");
        assert_eq!(best["modcod"], "8PSK 3/5");
        assert!(
            (best["bandwidth_mhz"].as_f64().unwrap() - 40.45).abs() < 0.005,
            "{best}"
        );
        assert!(
            (best["power_pct"].as_f64().unwrap() - 65.3).abs() < 0.05,
            "{best}"
        );
    }
    let mut bad: serde_json::Value = toml::from_str(&text).unwrap();
    bad["terminals"] = json!(0);
    let r = post(&st, "/capacity/size", json!({"request": bad})).await;
    assert_eq!(r.status, 422, "{}", r.json);
    assert!(
        r.json["errors"][0]["field"]
            .as_str()
            .unwrap()
            .starts_with("request"),
        "{}",
        r.json
    );
    assert_problem(
        &post(&st, "/capacity/size", json!({"request": 5})).await,
        422,
        "request",
    );
}
