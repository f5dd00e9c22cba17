//! Analysis jobs: documents and results saved, replaced, listed newest
//! first, deleted; kept when the store is reopened.

use serde_json::json;
use silkway_store::{JobColumns, StoreError};

use crate::harness::on_every_backend;

fn columns<'a>(id: &'a str, state: &'a str, created_at: &'a str) -> JobColumns<'a> {
    JobColumns {
        id,
        kind: "passes",
        state,
        created_at,
    }
}

#[test]
fn jobs_and_results_round_trip() {
    on_every_backend("jobs", |store| async move {
        let first = json!({"id": "j1", "kind": "passes", "state": "queued", "progress": 0.0});
        store
            .save_job(columns("j1", "queued", "2026-11-22T10:00:00.000Z"), &first)
            .await
            .unwrap();
        let second = json!({"id": "j2", "kind": "passes", "state": "running"});
        store
            .save_job(
                columns("j2", "running", "2026-11-22T10:00:01.000Z"),
                &second,
            )
            .await
            .unwrap();
        assert_eq!(store.job("j1").await.unwrap(), Some(first));
        assert_eq!(store.job("nope").await.unwrap(), None);
        assert_eq!(store.job_result("j1").await.unwrap(), None);

        // Replacing the document keeps a result already attached.
        let result =
            json!({"passes": [{"aos": "2026-05-31T06:00:00Z", "max_elevation_deg": 61.5}]});
        store.save_job_result("j1", &result).await.unwrap();
        let done = json!({"id": "j1", "kind": "passes", "state": "succeeded", "progress": 1.0});
        store
            .save_job(
                columns("j1", "succeeded", "2026-11-22T10:00:00.000Z"),
                &done,
            )
            .await
            .unwrap();
        assert_eq!(store.job("j1").await.unwrap(), Some(done.clone()));
        assert_eq!(store.job_result("j1").await.unwrap(), Some(result));

        // Newest first.
        let all = store.jobs().await.unwrap();
        let ids: Vec<&str> = all.iter().map(|j| j["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["j2", "j1"]);

        // A result for no job is an error, not a silent no-op.
        assert!(matches!(
            store.save_job_result("nope", &json!(1)).await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(store.delete_job("j2").await.unwrap());
        assert!(!store.delete_job("j2").await.unwrap());
        assert_eq!(store.jobs().await.unwrap(), vec![done]);
    });
}
