//! EO access, contacts and plans over HTTP: the same as `silkway-eo`
//! called directly (whose access is checked against Skyfield in
//! crates/eo/tests) and the README's plan (value 14 of 14, 7
//! acquisitions, accepted by the independent checker); errors name fields.

mod common;

use common::*;
use serde_json::{Value, json};
use silkway_eo::access::{AccessOptions, access};
use silkway_eo::aoi::parse_geojson;
use silkway_eo::fleet::from_scenario;
use silkway_orbit::UtcTime;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../eo/testdata");

fn read_json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{TESTDATA}/{path}")).unwrap()).unwrap()
}

#[tokio::test]
async fn access_equals_the_engine() {
    let st = state();
    let aois = read_json("aoi/caspian_sites.geojson");
    let v = ok(&st, "/eo/access", json!({
        "aois": aois, "satellites": ["spot-6"], "start": "2026-06-01T00:00:00Z", "end": "2026-06-03T00:00:00Z",
    }))
    .await;
    let sc = silkway_model::builtin::load("caspian").unwrap();
    let sats = from_scenario(&sc, &["spot-6".to_owned()]).unwrap();
    let parsed = parse_geojson(&aois.to_string(), "aois").unwrap();
    let t = |s: &str| UtcTime::parse_rfc3339(s).unwrap();
    let direct = access(
        &sats,
        &parsed,
        t("2026-06-01T00:00:00Z"),
        t("2026-06-03T00:00:00Z"),
        &AccessOptions::default(),
    )
    .unwrap();
    let got = v["opportunities"].as_array().unwrap();
    assert!(!got.is_empty());
    assert_eq!(got.len(), direct.len());
    for (g, d) in got.iter().zip(&direct) {
        assert_eq!(g["aoi"], json!(d.aoi));
        assert_eq!(g["broadside"], serde_json::to_value(d.broadside).unwrap());
        assert!((g["roll_deg"].as_f64().unwrap() - d.roll_deg).abs() < 1e-9);
    }
    let gj = ok(&st, "/eo/access", json!({
        "aois": aois, "satellites": ["spot-6"], "start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z", "format": "geojson",
    }))
    .await;
    assert_eq!(gj["type"], "FeatureCollection");
    let bad = json!({"aois": {"type": "Polygon", "coordinates": [[[49.0, 40.0], [50.0, 40.0], [50.0, 95.0], [49.0, 40.0]]]},
        "start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z"});
    let r = post(&st, "/eo/access", bad).await;
    assert_eq!(r.status, 422, "{}", r.json);
    assert!(
        r.json["errors"][0]["field"]
            .as_str()
            .unwrap()
            .starts_with("aois.coordinates"),
        "{}",
        r.json
    );
    let r = post(&st, "/eo/access", json!({"aois": aois, "satellites": ["no-such"], "start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z"})).await;
    assert_problem(&r, 422, "satellites");
}

#[tokio::test]
async fn contacts_over_the_scenario_stations() {
    let st = state();
    let v = ok(&st, "/eo/contacts", json!({
        "satellites": ["spot-6"], "stations": ["azercosmos-gcs"], "start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z",
    }))
    .await;
    let list = v.as_array().unwrap();
    assert!(!list.is_empty(), "SPOT 6 sees Baku daily: {v}");
    assert!(
        list.iter()
            .all(|c| c["station"] == "azercosmos-gcs" && c["volume_gbit"].as_f64().unwrap() > 0.0)
    );
}

/// README: value 14 of 14, 7 acquisitions, 8 downlinks.
#[tokio::test]
async fn plan_reproduces_the_readme_example_and_is_a_job() {
    let st = state();
    let body = json!({
        "requests": read_json("requests/small.json"),
        "start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z",
        "satellites": ["spot-6", "kazeosat-1"], "stations": ["azercosmos-gcs", "kz-astana-eo"],
    });
    let v = ok(&st, "/eo/plan", body.clone()).await;
    assert!(
        (v["value"].as_f64().unwrap() - 14.0).abs() < 1e-9,
        "{}",
        v["value"]
    );
    assert_eq!(v["acquisitions"].as_array().unwrap().len(), 7);
    assert_eq!(v["downlinks"].as_array().unwrap().len(), 8);

    let mut long = body.clone();
    long["time_limit_s"] = json!(30.0);
    let r = post(&st, "/eo/plan", long).await;
    assert_eq!(r.status, 422);
    assert!(
        r.json["detail"].as_str().unwrap().contains("eo_plan"),
        "{}",
        r.json
    );

    let job = post(&st, "/jobs", json!({"kind": "eo_plan", "params": body})).await;
    assert_eq!(job.status, 202, "{}", job.json);
    let id = job.json["id"].as_str().unwrap().to_owned();
    let mut state_name = String::new();
    for _ in 0..400 {
        let j = get(&st, &format!("/jobs/{id}")).await.json;
        state_name = j["state"].as_str().unwrap().to_owned();
        if state_name != "queued" && state_name != "running" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(state_name, "succeeded");
    let result = get(&st, &format!("/jobs/{id}/result")).await.json;
    assert_eq!(
        result["acquisitions"], v["acquisitions"],
        "a job gives the synchronous plan"
    );

    let mut bad = json!({"requests": {"requests": [{"id": "x", "aoi": {"type": "Point", "coordinates": [49.8, 40.4]},
        "window": {"start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z"}, "priority": -1}]},
        "start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z"});
    let r = post(&st, "/eo/plan", bad.clone()).await;
    assert_problem(&r, 422, "requests.requests[0].priority");
    bad["format"] = json!("kml");
    assert_problem(&post(&st, "/eo/plan", bad).await, 422, "format");
}
