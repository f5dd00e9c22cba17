//! ITU-R / link endpoints against the README's worked example and the
//! silkway-link library. These need the ITU-R maps and fail without them.

mod common;

use std::ops::ControlFlow;

use common::*;
use serde_json::json;
use silkway_link::map::{MapSpec, attenuation_map};
use silkway_link::{P618Fade, link_report_from_toml};

#[tokio::test]
async fn p618_reproduces_the_readme_baku_example() {
    require_maps();
    let st = state();
    let v = ok(
        &st,
        "/itu/p618",
        json!({
            "lat_deg": 40.41, "lon_deg": 49.87, "freq_ghz": 12.0, "elevation_deg": 43.13,
            "d_m": 1.2, "eta": 0.65, "tau_deg": 45.0, "p_pct": [0.01, 0.1, 0.5],
        }),
    )
    .await;
    // README: 4.216 / 1.543 / 0.793 dB (P.618-13 §2.5), to the printed 0.001 dB.
    let expected = [4.216, 1.543, 0.793];
    for (row, want) in v["rows"].as_array().unwrap().iter().zip(expected) {
        let got = row["a_total_db"].as_f64().unwrap();
        assert!((got - want).abs() < 6e-4, "{row}");
    }
    assert!((v["rows"][0]["a_rain_db"].as_f64().unwrap() - 3.848).abs() < 6e-4);
    assert!((v["hs_km"].as_f64().unwrap() - 0.010).abs() < 0.01, "{v}");
    // The elevation from the GEO slot instead: 43.1° (FACTS.md).
    let v = ok(&st, "/itu/p618", json!({
        "lat_deg": 40.41, "lon_deg": 49.87, "freq_ghz": 12.0, "satellite_lon_deg": 46.0, "d_m": 1.2,
    }))
    .await;
    assert!(
        (v["elevation_deg"].as_f64().unwrap() - 43.1).abs() < 0.05,
        "{v}"
    );
    assert_eq!(v["rows"].as_array().unwrap().len(), 4);
    // Both or neither of elevation and slot; a frequency out of range.
    let r = post(
        &st,
        "/itu/p618",
        json!({"lat_deg": 40.41, "lon_deg": 49.87, "freq_ghz": 12.0, "d_m": 1.2}),
    )
    .await;
    assert_problem(&r, 422, "elevation_deg");
    let r = post(&st, "/itu/p618", json!({
        "lat_deg": 40.41, "lon_deg": 49.87, "freq_ghz": 1000.0, "elevation_deg": 43.0, "d_m": 1.2,
    }))
    .await;
    assert_eq!(r.status, 422, "{}", r.json);
    assert!(
        r.json["errors"][0]["field"]
            .as_str()
            .unwrap()
            .contains("freq_ghz")
            || r.json["errors"][0]["field"] == "f_ghz",
        "{}",
        r.json
    );
}

#[tokio::test]
async fn link_budget_as_toml_and_json_equals_the_library_report() {
    require_maps();
    let st = state();
    let text = workspace_file("crates/link/examples/azerspace1_tashkent.toml");
    let lib = link_report_from_toml(&text, &P618Fade::new(silkway_itur::Maps::global())).unwrap();
    let lib = serde_json::to_value(&lib).unwrap();
    let r = send(
        &st,
        "POST",
        "/link/budget",
        Some("application/toml"),
        text.clone().into_bytes(),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.json);
    assert_json_close(&r.json, &lib);
    // The same file as JSON.
    let as_json: serde_json::Value = toml::from_str(&text).unwrap();
    let v = ok(&st, "/link/budget", as_json.clone()).await;
    assert_json_close(&v, &lib);
    assert!(v["acm"]["outage_pct"].as_f64().unwrap() < 1.0);
    // A bad field is named with its path.
    let mut bad = as_json;
    bad["downlink"]["antenna"]["efficiency"] = json!(1.5);
    let r = post(&st, "/link/budget", bad).await;
    assert_eq!(r.status, 422, "{}", r.json);
    assert!(
        r.json["errors"][0]["field"]
            .as_str()
            .unwrap()
            .contains("efficiency"),
        "{}",
        r.json
    );
}

fn map_body(nlat: usize, nlon: usize) -> serde_json::Value {
    json!({
        "satellite_lon_deg": 46.0, "bbox": [44.0, 36.0, 60.0, 48.0], "nlat": nlat, "nlon": nlon,
        "freq_ghz": 12.0, "p_pct": 0.01, "d_m": 1.2,
    })
}

#[tokio::test]
async fn attenuation_map_isobands_and_points() {
    require_maps();
    let st = state();
    let spec = MapSpec {
        sat_lon_deg: 46.0,
        bbox_deg: [44.0, 36.0, 60.0, 48.0],
        nlat: 7,
        nlon: 9,
        freq_ghz: 12.0,
        p_pct: 0.01,
        d_m: 1.2,
        eta: 0.65,
        tau_deg: 45.0,
    };
    let lib = attenuation_map(silkway_itur::Maps::global(), &spec, &|_, _| {
        ControlFlow::Continue(())
    })
    .unwrap();
    let r = post(&st, "/link/map", map_body(7, 9)).await;
    assert_eq!(r.status, 200, "{}", r.json);
    assert_eq!(r.headers["content-type"], "application/geo+json");
    let levels = [0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 15.0, 20.0];
    assert_json_close(&r.json, &lib.isobands_geojson(&levels).unwrap());
    assert!(!r.json["features"].as_array().unwrap().is_empty());
    let mut body = map_body(7, 9);
    body["output"] = json!("points");
    let v = ok(&st, "/link/map", body).await;
    let feats = v["features"].as_array().unwrap();
    assert_eq!(feats.len(), 63);
    for (f, p) in feats.iter().zip(&lib.points) {
        assert_json_close(
            &f["geometry"]["coordinates"],
            &json!([p.lon_deg, p.lat_deg]),
        );
        assert_json_close(
            &f["properties"]["a_total_db"],
            &json!(p.attenuation.map(|a| a.a_total_db)),
        );
    }
    // With the link file: availability per point, Tashkent's own point included.
    let text = workspace_file("crates/link/examples/azerspace1_tashkent.toml");
    let link: serde_json::Value = toml::from_str(&text).unwrap();
    let v = ok(
        &st,
        "/link/map",
        json!({
            "satellite_lon_deg": 46.0, "bbox": [69.0, 41.0, 69.5, 41.5], "nlat": 2, "nlon": 2,
            "freq_ghz": 12.0, "p_pct": 0.01, "d_m": 1.2, "output": "points", "link": link,
        }),
    )
    .await;
    for f in v["features"].as_array().unwrap() {
        let a = f["properties"]["availability_pct"].as_f64().unwrap();
        assert!(a > 99.0 && a <= 100.0, "{f}");
    }
}

#[tokio::test]
async fn map_inputs_are_checked() {
    require_maps();
    let st = state();
    let mut bad = map_body(7, 9);
    bad["bbox"] = json!([60.0, 36.0, 44.0, 48.0]);
    assert_problem(&post(&st, "/link/map", bad).await, 422, "bbox");
    let mut bad = map_body(7, 9);
    bad["bbox"] = json!([44.0, 36.0, 60.0]);
    assert_problem(&post(&st, "/link/map", bad).await, 422, "bbox");
    assert_problem(&post(&st, "/link/map", map_body(0, 9)).await, 422, "nlat");
    let mut bad = map_body(7, 9);
    bad["levels_db"] = json!([1.0]);
    assert_problem(&post(&st, "/link/map", bad).await, 422, "levels_db");
    // Too big to answer at once: the problem names the job kind.
    let r = post(&st, "/link/map", map_body(200, 200)).await;
    assert_problem(&r, 422, "body");
    assert!(
        r.json["detail"]
            .as_str()
            .unwrap()
            .contains("attenuation_map"),
        "{}",
        r.json
    );
}
