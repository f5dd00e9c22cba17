//! The job life cycle through the router: submit, poll, progress, result,
//! cancel (work really stops), delete, failures, restart recovery.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};
use silkway_analyses::jobs::{Job, JobRegistry, JobState, JobStore, MemoryJobStore};
use silkway_analyses::{AnalysesState, StaticScenario};

/// Poll `GET path` until the job is final (at most 60 s).
async fn wait(st: &AnalysesState, path: &str) -> Value {
    let t0 = Instant::now();
    loop {
        let r = get(st, path).await;
        assert_eq!(r.status, 200, "{}", r.json);
        let state = r.json["state"].as_str().unwrap().to_owned();
        if ["succeeded", "failed", "cancelled"].contains(&state.as_str()) {
            return r.json;
        }
        assert!(t0.elapsed() < Duration::from_secs(60), "job still {state}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn small_passes() -> Value {
    json!({
        "satellites": ["spot-6", "kazeosat-1"],
        "stations": [{"name": "Baku", "lat_deg": 40.41, "lon_deg": 49.87}],
        "start": "2026-05-31T00:00:00Z", "end": "2026-06-02T00:00:00Z", "min_elevation_deg": 5.0,
    })
}

/// Passes of every caspian satellite over 40 stations for three years:
/// hundreds of satellite-station pairs, seconds of work.
fn long_passes() -> Value {
    let stations: Vec<Value> = (0..40)
        .map(|i| json!({"name": format!("s{i}"), "lat_deg": 30.0 + i as f64 * 0.5, "lon_deg": 40.0 + i as f64}))
        .collect();
    json!({"stations": stations, "start": "2026-05-31T00:00:00Z", "end": "2029-05-31T00:00:00Z"})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submit_poll_result_list_delete() {
    let st = state();
    let r = post(
        &st,
        "/jobs",
        json!({"kind": "passes", "params": small_passes()}),
    )
    .await;
    assert_eq!(r.status, 202, "{}", r.json);
    let location = r.headers["location"].to_str().unwrap().to_owned();
    let id = r.json["id"].as_str().unwrap().to_owned();
    assert_eq!(location, format!("/jobs/{id}"));
    assert_eq!(r.json["kind"], "passes");
    assert!(["queued", "running", "succeeded"].contains(&r.json["state"].as_str().unwrap()));
    assert_eq!(r.json["params"], small_passes());
    let done = wait(&st, &location).await;
    assert_eq!(done["state"], "succeeded", "{done}");
    assert_eq!(done["progress"], 1.0);
    assert!(done["started_at"].is_string() && done["finished_at"].is_string());
    // The kept result is the synchronous answer.
    let result = get(&st, &format!("{location}/result")).await;
    assert_eq!(result.status, 200);
    let sync = ok(&st, "/orbit/passes", small_passes()).await;
    assert_eq!(result.json, sync);
    assert!(!sync["passes"].as_array().unwrap().is_empty());
    let list = get(&st, "/jobs").await;
    assert!(
        list.json
            .as_array()
            .unwrap()
            .iter()
            .any(|j| j["id"] == id.as_str())
    );
    // Cancelling a finished job is a conflict; deleting it forgets it.
    let r = post(&st, &format!("{location}/cancel"), json!({})).await;
    assert_problem(&r, 409, "");
    let r = send(&st, "DELETE", &location, None, Vec::new()).await;
    assert_eq!(r.status, 204);
    assert_problem(&get(&st, &location).await, 404, "");
    assert_problem(&get(&st, "/jobs/nope/result").await, 404, "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_increases_and_cancel_stops_the_work() {
    let st = state();
    let r = post(
        &st,
        "/jobs",
        json!({"kind": "passes", "params": long_passes()}),
    )
    .await;
    assert_eq!(r.status, 202, "{}", r.json);
    let path = r.headers["location"].to_str().unwrap().to_owned();
    // Progress rises while it runs.
    let t0 = Instant::now();
    let mut seen: Vec<f64> = Vec::new();
    while seen.len() < 2 || seen[seen.len() - 1] <= seen[0] {
        let j = get(&st, &path).await.json;
        if j["state"] == "queued" {
            tokio::time::sleep(Duration::from_millis(5)).await;
            continue;
        }
        assert_eq!(j["state"], "running", "the job should still run: {j}");
        let f = j["progress"].as_f64().unwrap();
        if f > 0.0 {
            assert!(
                j["message"].as_str().unwrap().starts_with("passes: "),
                "{j}"
            );
            seen.push(f);
        }
        assert!(t0.elapsed() < Duration::from_secs(60), "no progress: {j}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(seen.windows(2).all(|w| w[1] >= w[0]), "{seen:?}");
    assert!(get(&st, &format!("{path}/result")).await.status == 409);
    // Cancel: the job ends soon after, well before its work was done.
    let r = post(&st, &format!("{path}/cancel"), json!({})).await;
    assert_eq!(r.status, 202, "{}", r.json);
    let cancelled_at = Instant::now();
    let j = wait(&st, &path).await;
    // (The whole job takes minutes; a stop inside the pairs takes a moment.)
    assert!(
        cancelled_at.elapsed() < Duration::from_secs(20),
        "cancellation took {:?}",
        cancelled_at.elapsed()
    );
    assert_eq!(j["state"], "cancelled", "{j}");
    let f = j["progress"].as_f64().unwrap();
    assert!(f > 0.0 && f < 0.9, "stopped at {f}: {j}");
    // The message records how far it got: fewer pairs than there are.
    let msg = j["message"].as_str().unwrap();
    let counts = msg.trim_end_matches(')').rsplit(' ').next().unwrap();
    let (done, total) = counts.split_once('/').unwrap_or_else(|| panic!("{msg}"));
    assert!(
        done.parse::<usize>().unwrap() < total.parse::<usize>().unwrap(),
        "{msg}"
    );
    assert_problem(&get(&st, &format!("{path}/result")).await, 409, "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_jobs_wait_for_a_slot_and_cancel_without_running() {
    let scenario = Arc::new(silkway_model::builtin::load("caspian").unwrap());
    let registry = JobRegistry::new(Arc::new(MemoryJobStore::new()), 1).unwrap();
    let st = AnalysesState::new(Arc::new(StaticScenario(scenario)), registry);
    let a = post(
        &st,
        "/jobs",
        json!({"kind": "passes", "params": long_passes()}),
    )
    .await;
    let b = post(
        &st,
        "/jobs",
        json!({"kind": "passes", "params": small_passes()}),
    )
    .await;
    let (pa, pb) = (
        a.headers["location"].to_str().unwrap().to_owned(),
        b.headers["location"].to_str().unwrap().to_owned(),
    );
    let t0 = Instant::now();
    while get(&st, &pa).await.json["state"] != "running" {
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "job A never started"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(get(&st, &pb).await.json["state"], "queued");
    // DELETE on a queued job cancels it; it never starts.
    let r = send(&st, "DELETE", &pb, None, Vec::new()).await;
    assert_eq!(r.status, 202);
    send(&st, "DELETE", &pa, None, Vec::new()).await;
    let jb = wait(&st, &pb).await;
    assert_eq!(jb["state"], "cancelled");
    assert!(jb["started_at"].is_null(), "{jb}");
    assert_eq!(wait(&st, &pa).await["state"], "cancelled");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_submissions_and_failing_jobs() {
    let st = state();
    assert_problem(
        &post(&st, "/jobs", json!({"kind": "horoscope", "params": {}})).await,
        422,
        "kind",
    );
    assert_problem(
        &post(&st, "/jobs", json!({"kind": "passes"})).await,
        422,
        "",
    );
    let mut p = small_passes();
    p["min_elevation_deg"] = json!("high");
    assert_problem(
        &post(&st, "/jobs", json!({"kind": "passes", "params": p})).await,
        422,
        "params.min_elevation_deg",
    );
    // Well-formed but invalid inputs fail the job with the problem.
    let mut p = small_passes();
    p["stations"][0]["lat_deg"] = json!(123.0);
    let r = post(&st, "/jobs", json!({"kind": "passes", "params": p})).await;
    assert_eq!(r.status, 202);
    let j = wait(&st, r.headers["location"].to_str().unwrap()).await;
    assert_eq!(j["state"], "failed");
    assert_eq!(j["error"]["status"], 422);
    assert_eq!(j["error"]["errors"][0]["field"], "stations[0].lat_deg");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_and_map_jobs_keep_the_synchronous_answer() {
    let st = state();
    let body = json!({"cut": ["tcfo-main"]});
    let r = post(&st, "/jobs", json!({"kind": "what_if", "params": body})).await;
    let j = wait(&st, r.headers["location"].to_str().unwrap()).await;
    assert_eq!(j["state"], "succeeded", "{j}");
    let result = get(&st, &format!("/jobs/{}/result", j["id"].as_str().unwrap()))
        .await
        .json;
    assert_eq!(result, ok(&st, "/net/what-if", body).await);
    require_maps();
    let map = json!({"satellite_lon_deg": 46.0, "bbox": [44.0, 36.0, 60.0, 48.0], "nlat": 5, "nlon": 5,
                     "freq_ghz": 12.0, "p_pct": 0.01, "d_m": 1.2});
    let r = post(
        &st,
        "/jobs",
        json!({"kind": "attenuation_map", "params": map}),
    )
    .await;
    let j = wait(&st, r.headers["location"].to_str().unwrap()).await;
    assert_eq!(j["state"], "succeeded", "{j}");
    let result = get(&st, &format!("/jobs/{}/result", j["id"].as_str().unwrap()))
        .await
        .json;
    assert_json_close(&result, &ok(&st, "/link/map", map).await);
}

#[test]
fn a_restart_fails_the_jobs_that_were_under_way() {
    let store = Arc::new(MemoryJobStore::new());
    let job = |id: &str, state| Job {
        id: id.into(),
        kind: "passes".into(),
        state,
        progress: 0.4,
        message: "passes: 4/10".into(),
        params: json!({}),
        created_at: "2026-11-22T06:00:00.000Z".into(),
        started_at: None,
        finished_at: None,
        error: None,
    };
    store.save(&job("a", JobState::Running)).unwrap();
    store.save(&job("b", JobState::Succeeded)).unwrap();
    store.save_result("b", &json!({"passes": []})).unwrap();
    let _registry = JobRegistry::new(store.clone(), 2).unwrap();
    let a = store.load("a").unwrap().unwrap();
    assert_eq!(a.state, JobState::Failed);
    assert!(a.error.unwrap().detail.unwrap().contains("restarted"));
    assert_eq!(store.load("b").unwrap().unwrap().state, JobState::Succeeded);
    assert_eq!(store.load_result("b").unwrap(), Some(json!({"passes": []})));
    assert!(store.delete("b").unwrap());
    assert_eq!(store.list().unwrap().len(), 1);
}
