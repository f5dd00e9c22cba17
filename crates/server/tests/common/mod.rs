//! A test app over a fresh SQLite file with the caspian scenario.

#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use silkway_server::{AppState, ScenarioCache, silkway_app};
use silkway_store::{NewUser, Role, Store};
use tower::ServiceExt;

pub struct TestApp {
    pub app: Router,
    pub store: Store,
    path: std::path::PathBuf,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        for s in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{s}", self.path.display()));
        }
    }
}

pub async fn app() -> TestApp {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let path = std::env::temp_dir().join(format!("silkway_api_{}_{nanos}.db", std::process::id()));
    let store = Store::open(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    store
        .load_scenario(&silkway_model::builtin::load("caspian").unwrap())
        .await
        .unwrap();
    let cache = ScenarioCache::new(store.clone()).await.unwrap();
    let app = silkway_app(
        AppState {
            store: store.clone(),
        },
        cache,
        "http://localhost:8080",
    )
    .await
    .unwrap();
    TestApp { app, store, path }
}

impl TestApp {
    /// The service as a new process would assemble it on the same database
    /// file (a restart).
    #[allow(dead_code)] // used by some test binaries only
    pub async fn restarted(&self) -> Router {
        let store = Store::open(&format!("sqlite://{}", self.path.display()))
            .await
            .unwrap();
        let cache = ScenarioCache::new(store.clone()).await.unwrap();
        silkway_app(AppState { store }, cache, "http://localhost:8080")
            .await
            .unwrap()
    }

    /// A token of a new user of `org` with `role`.
    pub async fn token(&self, org: &str, role: Role) -> String {
        let user = self
            .store
            .create_user(
                None,
                NewUser {
                    org_id: org.into(),
                    email: format!("{role}-{}@{org}", rand_suffix()),
                    name: "t".into(),
                    role,
                    password: None,
                },
            )
            .await
            .unwrap();
        self.store.issue_token(None, &user.id, "t").await.unwrap().1
    }

    pub async fn call(
        &self,
        method: &str,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, String, Value) {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        let req = match body {
            Some(b) => req
                .header("content-type", "application/json")
                .body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        }
        .unwrap();
        let resp = self.app.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let ctype = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, ctype, json)
    }
}

fn rand_suffix() -> String {
    silkway_store::secret::random_hex(4).unwrap()
}
