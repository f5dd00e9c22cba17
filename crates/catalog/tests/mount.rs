//! The catalog nested under `/stac` (as the silkway server mounts it):
//! landing page at `/stac` and `/stac/`, links under the prefix.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use silkway_catalog::{CatalogState, mounted_router, seed_default_collections};
use sqlx::any::AnyPoolOptions;
use tower::ServiceExt;

#[tokio::test]
async fn mounted_under_stac() {
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("m.db").display());
    let pool = AnyPoolOptions::new()
        .max_connections(2)
        .connect(&url)
        .await
        .unwrap();
    seed_default_collections(&pool).await.unwrap();
    // Seeding twice keeps what exists (and the migrations are idempotent).
    seed_default_collections(&pool).await.unwrap();
    let state = CatalogState::new(pool, "https://eo.example.org/stac")
        .await
        .unwrap();
    let app = mounted_router(state, "/stac");
    for uri in [
        "/stac",
        "/stac/",
        "/stac/collections",
        "/stac/collections/planned/items",
    ] {
        let response = app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body: Value = serde_json::from_slice(&bytes).unwrap();
        for link in body["links"].as_array().unwrap() {
            assert!(
                link["href"]
                    .as_str()
                    .unwrap()
                    .starts_with("https://eo.example.org/stac/"),
                "{uri}: {link}"
            );
        }
    }
    let response = app
        .oneshot(Request::get("/other").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
