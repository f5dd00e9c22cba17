//! Test harness: the catalog router over a fresh SQLite file, or over a
//! fresh PostgreSQL schema when `SILKWAY_TEST_POSTGRES_URL` is set.

#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use silkway_catalog::document::item_record;
use silkway_catalog::sample::archive_items;
use silkway_catalog::seed::ARCHIVE_COLLECTION;
use silkway_catalog::storage::Storage;
use silkway_catalog::{CatalogState, router, seed_default_collections};
use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;
use tower::ServiceExt;

/// Public base URL the tests mount the catalog at.
pub const BASE: &str = "http://test.local/stac";
/// Archive scenes loaded into every test database.
pub const SAMPLE_ITEMS: usize = 150;

pub struct Harness {
    pub router: Router,
    pub pool: AnyPool,
    /// Every archive item loaded (plus fixtures), as stored.
    pub items: Vec<Value>,
    _dir: Option<tempfile::TempDir>,
}

#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL URL, or `None` (with a notice) when not configured.
pub fn postgres_url() -> Option<String> {
    match std::env::var("SILKWAY_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("SILKWAY_TEST_POSTGRES_URL not set: PostgreSQL run of this test skipped");
            None
        }
    }
}

async fn pool_for(backend: Backend, name: &str) -> (AnyPool, Option<tempfile::TempDir>) {
    sqlx::any::install_default_drivers();
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("catalog.db").display()
            );
            let pool = AnyPoolOptions::new()
                .max_connections(4)
                .connect(&url)
                .await
                .unwrap();
            (pool, Some(dir))
        }
        Backend::Postgres => {
            let url = postgres_url().expect("postgres url");
            let schema = format!(
                "catalog_test_{}_{}_{}",
                name,
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .subsec_nanos()
            );
            let admin = AnyPoolOptions::new()
                .max_connections(1)
                .connect(&url)
                .await
                .unwrap();
            sqlx::query(&format!("CREATE SCHEMA {schema}"))
                .execute(&admin)
                .await
                .unwrap();
            admin.close().await;
            let sep = if url.contains('?') { '&' } else { '?' };
            let scoped = format!("{url}{sep}options=-c%20search_path%3D{schema}");
            let pool = AnyPoolOptions::new()
                .max_connections(4)
                .connect(&scoped)
                .await
                .unwrap();
            (pool, None)
        }
    }
}

/// Hand-made fixtures: scenes across the antimeridian, and a thin diagonal
/// strip whose bounding box covers points its polygon does not.
pub fn fixture_items() -> Vec<Value> {
    let feature = |id: &str, geometry: Value, datetime: &str, cloud: f64| {
        json!({
            "type": "Feature", "stac_version": "1.1.0", "id": id, "collection": ARCHIVE_COLLECTION,
            "geometry": geometry,
            "properties": {"datetime": datetime, "platform": "spot-6", "constellation": "spot",
                           "gsd": 1.5, "eo:cloud_cover": cloud},
            "assets": {"data": {"href": format!("s3://fixtures/{id}.tif"), "roles": ["data"]}},
            "links": []
        })
    };
    let square = |lon: f64, lat: f64| json!({"type":"Polygon","coordinates":[[[lon-0.2,lat-0.2],[lon+0.2,lat-0.2],[lon+0.2,lat+0.2],[lon-0.2,lat+0.2],[lon-0.2,lat-0.2]]]});
    let mut crossing = feature(
        "fixture-crossing",
        json!({"type":"MultiPolygon","coordinates":[
            [[[179.5,-1.0],[180.0,-1.0],[180.0,1.0],[179.5,1.0],[179.5,-1.0]]],
            [[[-180.0,-1.0],[-179.5,-1.0],[-179.5,1.0],[-180.0,1.0],[-180.0,-1.0]]]]}),
        "2025-06-01T10:00:00Z",
        5.0,
    );
    crossing["bbox"] = json!([179.5, -1.0, -179.5, 1.0]);
    vec![
        feature(
            "fixture-east-of-am",
            square(179.0, 0.0),
            "2025-06-01T10:00:00Z",
            1.0,
        ),
        feature(
            "fixture-west-of-am",
            square(-179.0, 0.0),
            "2025-06-01T10:00:00Z",
            2.0,
        ),
        feature(
            "fixture-greenwich",
            square(0.0, 0.0),
            "2025-06-01T10:00:00Z",
            3.0,
        ),
        crossing,
        feature(
            "fixture-diagonal",
            json!({"type":"Polygon","coordinates":[[[10.0,10.0],[10.1,10.0],[12.0,11.9],[12.0,12.0],[11.9,12.0],[10.0,10.1],[10.0,10.0]]]}),
            "2025-06-02T10:00:00Z",
            4.0,
        ),
    ]
}

impl Harness {
    pub async fn new(backend: Backend, name: &str) -> Harness {
        let (pool, dir) = pool_for(backend, name).await;
        seed_default_collections(&pool).await.unwrap();
        let storage = Storage::new(pool.clone()).await.unwrap();
        let mut items = archive_items(SAMPLE_ITEMS, 42);
        items.extend(fixture_items());
        let records: Vec<_> = items
            .iter()
            .map(|i| item_record(i.clone(), ARCHIVE_COLLECTION, None).unwrap())
            .collect();
        storage.upsert_items(&records).await.unwrap();
        let items = records.into_iter().map(|r| r.body).collect();
        let state = CatalogState::new(pool.clone(), BASE).await.unwrap();
        Harness {
            router: router(state),
            pool,
            items,
            _dir: dir,
        }
    }

    /// Sends a request; `uri` is relative to the mount point.
    pub async fn send(
        &self,
        method: Method,
        uri: &str,
        body: Option<Value>,
    ) -> (StatusCode, HeaderMap, Value) {
        let mut builder = Request::builder().method(method).uri(uri);
        if body.is_some() {
            builder = builder.header("content-type", "application/json");
        }
        let request = builder
            .body(
                body.map(|b| Body::from(b.to_string()))
                    .unwrap_or_else(Body::empty),
            )
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{uri}: body is not JSON ({e}): {}",
                    String::from_utf8_lossy(&bytes)
                )
            })
        };
        (status, headers, value)
    }

    pub async fn get(&self, uri: &str) -> (StatusCode, HeaderMap, Value) {
        self.send(Method::GET, uri, None).await
    }

    pub async fn post(&self, uri: &str, body: Value) -> (StatusCode, HeaderMap, Value) {
        self.send(Method::POST, uri, Some(body)).await
    }

    /// GET expecting 200; returns the body.
    pub async fn ok(&self, uri: &str) -> Value {
        let (status, _, body) = self.get(uri).await;
        assert_eq!(status, StatusCode::OK, "GET {uri}: {body}");
        body
    }

    /// Ids of a FeatureCollection, in order.
    pub fn ids(body: &Value) -> Vec<String> {
        body["features"]
            .as_array()
            .unwrap_or_else(|| panic!("not a FeatureCollection: {body}"))
            .iter()
            .map(|f| f["id"].as_str().unwrap().to_string())
            .collect()
    }

    /// Follows next links from a first GET page, returning all ids in order.
    pub async fn all_pages_get(&self, first_uri: &str) -> Vec<String> {
        let mut ids = Vec::new();
        let mut uri = first_uri.to_string();
        for _ in 0..10_000 {
            let body = self.ok(&uri).await;
            ids.extend(Self::ids(&body));
            let next = body["links"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["rel"] == "next");
            match next {
                Some(link) => {
                    let href = link["href"].as_str().unwrap();
                    uri = href
                        .strip_prefix(BASE)
                        .expect("next link under the base URL")
                        .to_string();
                }
                None => return ids,
            }
        }
        panic!("paging did not end");
    }

    /// Follows POST next links, returning all ids in order.
    pub async fn all_pages_post(&self, first_body: Value) -> Vec<String> {
        let mut ids = Vec::new();
        let mut body = first_body;
        for _ in 0..10_000 {
            let (status, _, page) = self.post("/search", body.clone()).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            ids.extend(Self::ids(&page));
            let next = page["links"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["rel"] == "next");
            match next {
                Some(link) => {
                    assert_eq!(link["method"], "POST");
                    assert_eq!(link["href"], format!("{BASE}/search"));
                    body = link["body"].clone();
                }
                None => return ids,
            }
        }
        panic!("paging did not end");
    }
}

/// Declares `sqlite_NAME` and `postgres_NAME` tests running `async fn NAME(&Harness)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let h = $crate::common::Harness::new($crate::common::Backend::Sqlite, stringify!($name)).await;
                    super::$name(&h).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if $crate::common::postgres_url().is_none() {
                        return;
                    }
                    let h = $crate::common::Harness::new($crate::common::Backend::Postgres, stringify!($name)).await;
                    super::$name(&h).await;
                }
            )*
        }
    };
}
