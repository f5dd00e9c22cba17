//! Orbit endpoints against the silkway-orbit library on the caspian scenario.

mod common;

use common::*;
use serde_json::json;
use silkway_orbit::passes::{PassOptions, find_passes};
use silkway_orbit::scenario::scenario_element_sets;
use silkway_orbit::station::GroundStation;
use silkway_orbit::{Satellite, UtcTime};

fn spot6() -> Satellite {
    let sc = silkway_model::builtin::load("caspian").unwrap();
    let (sets, _) = scenario_element_sets(&sc, "caspian").unwrap();
    let set = sets
        .into_iter()
        .find(|s| s.satellite_id == "spot-6")
        .unwrap();
    Satellite::new(set.elements).unwrap()
}

#[tokio::test]
async fn passes_match_the_library() {
    let st = state();
    let v = ok(
        &st,
        "/orbit/passes",
        json!({
            "satellites": ["spot-6"],
            "stations": [{"name": "Baku", "lat_deg": 40.41, "lon_deg": 49.87}],
            "start": "2026-05-31T00:00:00Z", "end": "2026-06-01T00:00:00Z",
            "min_elevation_deg": 10.0,
        }),
    )
    .await;
    let t0 = UtcTime::parse_rfc3339("2026-05-31T00:00:00Z").unwrap();
    let baku = GroundStation::new("Baku", 40.41, 49.87, 0.0).unwrap();
    let opts = PassOptions {
        min_elevation_deg: 10.0,
        ..Default::default()
    };
    let lib = find_passes(&spot6(), &baku, t0, t0.plus_seconds(86_400.0), &opts).unwrap();
    let api = v["passes"].as_array().unwrap();
    assert!(!lib.is_empty());
    assert_eq!(api.len(), lib.len());
    for (a, l) in api.iter().zip(&lib) {
        assert_eq!(a["satellite"], "SPOT 6");
        assert_eq!(a["station"], "Baku");
        assert_eq!(a["aos"], l.aos.to_rfc3339_ms());
        assert_eq!(a["los"], l.los.to_rfc3339_ms());
        assert!((a["max_elevation_deg"].as_f64().unwrap() - l.max_elevation_deg).abs() < 1e-9);
        assert!(a["max_elevation_deg"].as_f64().unwrap() >= 10.0);
    }
    // A scenario station by id (Baku teleport, 5° mask) and by NORAD number.
    let v = ok(
        &st,
        "/orbit/passes",
        json!({
            "satellites": ["38755"], "stations": [{"id": "baku-teleport"}],
            "start": "2026-05-31T00:00:00Z", "end": "2026-06-01T00:00:00Z",
        }),
    )
    .await;
    assert!(v["passes"].as_array().unwrap().len() >= api.len());
    assert_eq!(v["passes"][0]["station"], "Azercosmos teleport, Baku");
}

#[tokio::test]
async fn geo_look_and_look_angles_of_azerspace1_from_baku() {
    let st = state();
    // FACTS.md: Baku toward 46°E, elevation ≈ 43.1°.
    let v = ok(
        &st,
        "/orbit/geo-look",
        json!({
            "station": {"name": "Baku", "lat_deg": 40.41, "lon_deg": 49.87},
            "satellites": ["azerspace-1"], "satellite_lon_deg": [58.5],
        }),
    )
    .await;
    let slots = v["slots"].as_array().unwrap();
    assert_eq!(slots.len(), 2);
    let az1 = slots
        .iter()
        .find(|s| s["satellite"] == "azerspace-1")
        .unwrap();
    assert!(
        (az1["elevation_deg"].as_f64().unwrap() - 43.13).abs() < 0.02,
        "{az1}"
    );
    let lib =
        silkway_orbit::geo_look::geo_look(&silkway_orbit::Observer::new(40.41, 49.87, 0.0), 58.5);
    assert!((slots[0]["elevation_deg"].as_f64().unwrap() - lib.elevation_deg).abs() < 1e-12);
    assert!(
        v["arc_west_lon_deg"].as_f64().unwrap() < -20.0
            && v["arc_east_lon_deg"].as_f64().unwrap() > 110.0
    );

    // The real Azerspace-1 from its element set sits within 0.2° of that.
    let v = ok(&st, "/orbit/look-angles", json!({
        "satellites": ["AZERSPACE 1"], "station": {"name": "Baku", "lat_deg": 40.41, "lon_deg": 49.87},
        "start": "2026-05-31T00:00:00Z", "end": "2026-05-31T01:00:00Z", "step_s": 600,
    }))
    .await;
    let samples = v["samples"].as_array().unwrap();
    assert_eq!(samples.len(), 7);
    for s in samples {
        assert!(
            (s["elevation_deg"].as_f64().unwrap() - 43.13).abs() < 0.2,
            "{s}"
        );
        // README: free-space loss 205.52 dB at 12 GHz, i.e. 37,540 km.
        assert!(
            (s["range_km"].as_f64().unwrap() - 37_540.0).abs() < 60.0,
            "{s}"
        );
    }
}

#[tokio::test]
async fn ground_tracks_and_eclipses() {
    let st = state();
    let r = post(&st, "/orbit/ground-tracks", json!({
        "satellites": ["spot-6"], "start": "2026-05-31T00:00:00Z", "end": "2026-05-31T03:00:00Z", "step_s": 30,
    }))
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], "application/geo+json");
    let f = &r.json["features"][0];
    assert_eq!(f["geometry"]["type"], "MultiLineString");
    let n: usize = f["geometry"]["coordinates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_array().unwrap().len())
        .sum();
    // 361 samples plus two points per antimeridian crossing.
    assert!((361..=371).contains(&n), "{n}");
    for line in f["geometry"]["coordinates"].as_array().unwrap() {
        for p in line.as_array().unwrap() {
            let lat = p[1].as_f64().unwrap();
            assert!(lat.abs() <= 82.0, "SSO 98.2° never passes 81.8°: {lat}");
        }
    }
    let v = ok(&st, "/orbit/eclipses", json!({
        "satellites": ["spot-6"], "start": "2026-05-31T00:00:00Z", "end": "2026-06-01T00:00:00Z",
    }))
    .await;
    let t0 = UtcTime::parse_rfc3339("2026-05-31T00:00:00Z").unwrap();
    let lib =
        silkway_orbit::eclipse::eclipse_intervals(&spot6(), t0, t0.plus_seconds(86_400.0)).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), lib.len());
    // About 14.6 orbits a day, each with a penumbra and an umbra.
    assert!(rows.iter().filter(|r| r["kind"] == "umbra").count() >= 14);
}

#[tokio::test]
async fn bad_inputs_are_problems_naming_the_field() {
    let st = state();
    let base = json!({
        "satellites": ["spot-6"], "stations": [{"lat_deg": 40.41, "lon_deg": 49.87}],
        "start": "2026-05-31T00:00:00Z", "end": "2026-06-01T00:00:00Z",
    });
    let mut missing = base.clone();
    missing.as_object_mut().unwrap().remove("start");
    assert_problem(&post(&st, "/orbit/passes", missing).await, 422, "start");
    let mut bad = base.clone();
    bad["stations"][0]["lat_deg"] = json!(95.0);
    assert_problem(
        &post(&st, "/orbit/passes", bad).await,
        422,
        "stations[0].lat_deg",
    );
    let mut bad = base.clone();
    bad["end"] = json!("2026-05-30T00:00:00Z");
    assert_problem(&post(&st, "/orbit/passes", bad).await, 422, "end");
    let mut bad = base.clone();
    bad["start"] = json!("yesterday");
    assert_problem(&post(&st, "/orbit/passes", bad).await, 422, "start");
    let mut bad = base.clone();
    bad["satellites"] = json!(["spot-6", "no-such-sat"]);
    assert_problem(&post(&st, "/orbit/passes", bad).await, 422, "satellites[1]");
    let mut bad = base.clone();
    bad["min_elevation_deg"] = json!("ten");
    assert_problem(
        &post(&st, "/orbit/passes", bad).await,
        422,
        "min_elevation_deg",
    );
    let mut bad = base.clone();
    bad["stations"][0]["id"] = json!("nowhere");
    bad["stations"][0]
        .as_object_mut()
        .unwrap()
        .remove("lat_deg");
    bad["stations"][0]
        .as_object_mut()
        .unwrap()
        .remove("lon_deg");
    assert_problem(
        &post(&st, "/orbit/passes", bad).await,
        422,
        "stations[0].id",
    );
    // A year of every satellite over a station is a job, not a request.
    let mut long = base.clone();
    long["satellites"] = json!([]);
    long["end"] = json!("2027-05-31T00:00:00Z");
    let r = post(&st, "/orbit/passes", long).await;
    assert_problem(&r, 422, "body");
    assert!(r.json["detail"].as_str().unwrap().contains("\"passes\""));
    // Not JSON; not declared as JSON.
    let r = send(
        &st,
        "POST",
        "/orbit/passes",
        Some("application/json"),
        b"{\"start\": ".to_vec(),
    )
    .await;
    assert_problem(&r, 400, "");
    let r = send(
        &st,
        "POST",
        "/orbit/passes",
        Some("text/plain"),
        b"{}".to_vec(),
    )
    .await;
    assert_problem(&r, 415, "");
    let r = post(
        &st,
        "/orbit/look-angles",
        json!({
            "satellites": ["spot-6"], "station": {"lat_deg": 40.0, "lon_deg": 50.0},
            "start": "2026-05-31T00:00:00Z", "end": "2026-06-30T00:00:00Z", "step_s": 0.1,
        }),
    )
    .await;
    assert_problem(&r, 422, "step_s");
    // Ten years of eclipses of every satellite: a job.
    let r = post(
        &st,
        "/orbit/eclipses",
        json!({"start": "2026-01-01T00:00:00Z", "end": "2036-01-01T00:00:00Z"}),
    )
    .await;
    assert_problem(&r, 422, "body");
    assert!(
        r.json["detail"].as_str().unwrap().contains("\"eclipses\""),
        "{}",
        r.json
    );
}
