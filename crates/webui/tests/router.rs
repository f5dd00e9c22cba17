//! The embedded UI over HTTP: content types, caching, fallback rules.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use axum::response::Response;
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn send(method: Method, path: &str, headers: &[(header::HeaderName, &str)]) -> Response {
    let mut req = Request::builder().method(method).uri(path);
    for (name, value) in headers {
        req = req.header(name, *value);
    }
    silkway_webui::router()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap()
}

async fn get(path: &str) -> Response {
    send(Method::GET, path, &[]).await
}

async fn body_text(r: Response) -> String {
    String::from_utf8(r.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

fn header_of(r: &Response, name: header::HeaderName) -> &str {
    r.headers()
        .get(&name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

/// The script and stylesheet paths index.html references.
fn referenced_assets(index: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["src=\"", "href=\""] {
        for piece in index.split(attr).skip(1) {
            let value = piece.split('"').next().unwrap();
            if value.starts_with("/assets/") {
                out.push(value.to_owned());
            }
        }
    }
    out
}

#[tokio::test]
async fn index_is_served_at_root_and_revalidated() {
    let r = get("/").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        header_of(&r, header::CONTENT_TYPE),
        "text/html; charset=utf-8"
    );
    assert_eq!(header_of(&r, header::CACHE_CONTROL), "no-cache");
    assert!(header_of(&r, header::CONTENT_SECURITY_POLICY).contains("connect-src 'self'"));
    assert!(body_text(r).await.contains("<div id=\"app\">"));
}

#[tokio::test]
async fn every_asset_index_references_is_embedded_immutable_and_typed() {
    let index = body_text(get("/").await).await;
    let assets = referenced_assets(&index);
    assert!(
        assets.iter().any(|a| a.ends_with(".js")),
        "no script in index.html: {index}"
    );
    for path in assets {
        let r = get(&path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header_of(&r, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable",
            "{path}"
        );
        let want = if path.ends_with(".js") {
            "text/javascript; charset=utf-8"
        } else {
            "text/css; charset=utf-8"
        };
        assert_eq!(header_of(&r, header::CONTENT_TYPE), want, "{path}");
        assert_eq!(header_of(&r, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    }
}

#[tokio::test]
async fn the_basemap_topojson_is_embedded() {
    let name = silkway_webui::asset_names()
        .into_iter()
        .find(|n| n.starts_with("assets/countries-50m") && n.ends_with(".json"))
        .expect("countries-50m TopoJSON in web/dist/assets");
    let r = get(&format!("/{name}")).await;
    assert_eq!(header_of(&r, header::CONTENT_TYPE), "application/json");
    let text = body_text(r).await;
    assert!(
        text.starts_with("{\"type\":\"Topology\""),
        "{}",
        &text[..40]
    );
}

#[tokio::test]
async fn client_routes_get_the_app() {
    for path in ["/map", "/about", "/panels/passes/station-1"] {
        let r = get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header_of(&r, header::CONTENT_TYPE),
            "text/html; charset=utf-8",
            "{path}"
        );
    }
}

#[tokio::test]
async fn api_prefixes_and_missing_files_are_404_problems() {
    for path in [
        "/api",
        "/api/nothing",
        "/stac/",
        "/stac/collections",
        "/stapi/products",
        "/assets/gone-123.js",
        "/favicon.ico",
    ] {
        let r = get(path).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            header_of(&r, header::CONTENT_TYPE),
            "application/problem+json",
            "{path}"
        );
        let body: serde_json::Value = serde_json::from_str(&body_text(r).await).unwrap();
        assert_eq!(body["status"], 404);
    }
}

#[tokio::test]
async fn etag_revalidation_gives_304() {
    let first = get("/").await;
    let etag = header_of(&first, header::ETAG).to_owned();
    assert!(etag.starts_with('"') && etag.len() == 34, "{etag}");
    let again = send(Method::GET, "/", &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert!(body_text(again).await.is_empty());
    let other = send(Method::GET, "/", &[(header::IF_NONE_MATCH, "\"0000\"")]).await;
    assert_eq!(other.status(), StatusCode::OK);
}

#[tokio::test]
async fn head_has_length_and_no_body_and_post_is_405() {
    let full = body_text(get("/").await).await;
    let head = send(Method::HEAD, "/", &[]).await;
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(
        header_of(&head, header::CONTENT_LENGTH),
        full.len().to_string()
    );
    assert!(body_text(head).await.is_empty());
    let post = send(Method::POST, "/", &[]).await;
    assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&post, header::ALLOW), "GET, HEAD");
}

#[tokio::test]
async fn api_routes_merged_before_the_ui_win() {
    let app = axum::Router::new()
        .route("/api/health", axum::routing::get(|| async { "ok" }))
        .merge(silkway_webui::router());
    let r = app
        .oneshot(Request::get("/api/health").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(body_text(r).await, "ok");
}
