//! Shared helpers of the router tests: the caspian router and requests
//! through it with `tower::ServiceExt::oneshot`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt as _;
use serde_json::Value;
use silkway_analyses::{AnalysesState, router};
use tower::ServiceExt as _;

/// Analyses over the built-in caspian scenario, jobs in memory.
pub fn state() -> AnalysesState {
    AnalysesState::with_static_scenario(silkway_model::builtin::load("caspian").unwrap())
}

/// The axum router of `state`.
pub fn app(state: &AnalysesState) -> axum::Router {
    router(state.clone()).split_for_parts().0
}

/// A response: status, headers, body as JSON (Null when empty).
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: Value,
}

/// Send `method path` with an optional body of content type `ct`.
pub async fn send(
    state: &AnalysesState,
    method: &str,
    path: &str,
    ct: Option<&str>,
    body: Vec<u8>,
) -> Reply {
    let mut req = Request::builder().method(method).uri(path);
    if let Some(ct) = ct {
        req = req.header(header::CONTENT_TYPE, ct);
    }
    let resp = app(state)
        .oneshot(req.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let json = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            panic!(
                "{method} {path}: not JSON ({e}): {}",
                String::from_utf8_lossy(&bytes)
            )
        })
    };
    Reply {
        status,
        headers,
        json,
    }
}

/// POST a JSON body.
pub async fn post(state: &AnalysesState, path: &str, body: Value) -> Reply {
    send(
        state,
        "POST",
        path,
        Some("application/json"),
        serde_json::to_vec(&body).unwrap(),
    )
    .await
}

/// GET.
pub async fn get(state: &AnalysesState, path: &str) -> Reply {
    send(state, "GET", path, None, Vec::new()).await
}

/// POST expecting 200; the JSON body.
pub async fn ok(state: &AnalysesState, path: &str, body: Value) -> Value {
    let r = post(state, path, body).await;
    assert_eq!(r.status, StatusCode::OK, "POST {path}: {}", r.json);
    r.json
}

/// Assert a problem+json reply of `status` naming `field`.
pub fn assert_problem(r: &Reply, status: u16, field: &str) {
    assert_eq!(r.status.as_u16(), status, "{}", r.json);
    assert_eq!(
        r.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/problem+json"
    );
    assert_eq!(r.json["status"], status);
    assert!(r.json["title"].is_string() && r.json["type"].is_string());
    if !field.is_empty() {
        let fields: Vec<&str> = r.json["errors"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["field"].as_str()).collect())
            .unwrap_or_default();
        assert!(
            fields.contains(&field),
            "expected field {field}, got {}",
            r.json
        );
    }
}

/// The ITU-R maps must be installed: these tests fail loudly without them.
pub fn require_maps() {
    let m = silkway_itur::Maps::global();
    assert!(
        m.is_installed(),
        "ITU-R digital maps are not installed in {}: run `{}` (scripts/test.sh does it)",
        m.dir().display(),
        silkway_itur::INSTALL_HINT
    );
}

/// A file of the workspace, as text.
pub fn workspace_file(rel: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Assert two JSON documents equal, numbers to 1e-12 relative (JSON text
/// parsing may round the last bit of a double).
pub fn assert_json_close(a: &Value, b: &Value) {
    fn walk(a: &Value, b: &Value, path: &str) {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => {
                let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
                assert!(
                    (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1e-300),
                    "{path}: {x} != {y}"
                );
            }
            (Value::Array(x), Value::Array(y)) => {
                assert_eq!(x.len(), y.len(), "{path}: lengths");
                for (i, (p, q)) in x.iter().zip(y).enumerate() {
                    walk(p, q, &format!("{path}[{i}]"));
                }
            }
            (Value::Object(x), Value::Object(y)) => {
                let kx: Vec<_> = x.keys().collect();
                let ky: Vec<_> = y.keys().collect();
                assert_eq!(kx, ky, "{path}: keys");
                for (k, p) in x {
                    walk(p, &y[k], &format!("{path}.{k}"));
                }
            }
            _ => assert_eq!(a, b, "{path}"),
        }
    }
    walk(a, b, "$");
}
