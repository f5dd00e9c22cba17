//! Analysis jobs are kept in the database: a finished job and its result
//! survive a restart; a job a previous process left running is reported
//! failed, not lost or left running forever.

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use silkway_store::{JobColumns, Role};
use tower::ServiceExt;

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let resp = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn a_finished_job_and_its_result_survive_a_restart() {
    let t = common::app().await;
    let token = t.token("azertelecom", Role::Engineer).await;
    let (status, _, job) = t
        .call(
            "POST",
            "/api/analyses/jobs",
            Some(&token),
            Some(json!({"kind": "what_if", "params": {"cut": ["tcfo-main"]}})),
        )
        .await;
    assert!(status.is_success(), "{status} {job}");
    let id = job["id"].as_str().unwrap().to_owned();
    let mut state = String::new();
    for _ in 0..600 {
        let (_, j) = get(&t.app, &format!("/api/analyses/jobs/{id}")).await;
        state = j["state"].as_str().unwrap_or_default().to_owned();
        if state != "queued" && state != "running" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(state, "succeeded");
    let (status, before) = get(&t.app, &format!("/api/analyses/jobs/{id}/result")).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert!(before["demands"].is_array(), "{before}");

    let restarted = t.restarted().await;
    let (status, j) = get(&restarted, &format!("/api/analyses/jobs/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{j}");
    assert_eq!(j["state"], "succeeded");
    let (status, after) = get(&restarted, &format!("/api/analyses/jobs/{id}/result")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(after, before);
}

#[tokio::test]
async fn a_job_interrupted_by_a_restart_is_reported_failed() {
    let t = common::app().await;
    let running = json!({
        "id": "job-interrupted", "kind": "attenuation_map", "state": "running",
        "progress": 0.4, "message": "computing", "params": {},
        "created_at": "2026-11-22T10:00:00.000Z", "started_at": "2026-11-22T10:00:00.100Z"
    });
    t.store
        .save_job(
            JobColumns {
                id: "job-interrupted",
                kind: "attenuation_map",
                state: "running",
                created_at: "2026-11-22T10:00:00.000Z",
            },
            &running,
        )
        .await
        .unwrap();
    let restarted = t.restarted().await;
    let (status, j) = get(&restarted, "/api/analyses/jobs/job-interrupted").await;
    assert_eq!(status, StatusCode::OK, "{j}");
    assert_eq!(j["state"], "failed", "{j}");
    assert!(j["message"].as_str().unwrap().contains("restart"), "{j}");
    // And so it stays in the database.
    let stored = t.store.job("job-interrupted").await.unwrap().unwrap();
    assert_eq!(stored["state"], "failed");
}
