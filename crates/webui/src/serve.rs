//! The router that serves the embedded single-page app.
//!
//! * `GET /` and `GET /index.html`: the app, `Cache-Control: no-cache`
//!   (revalidated with its ETag, so a new binary is picked up at once),
//!   with a Content-Security-Policy that allows nothing but this origin.
//! * `GET /assets/…`: Vite's content-hashed files,
//!   `Cache-Control: public, max-age=31536000, immutable`.
//! * Any other existing file: `no-cache` + ETag.
//! * A path with no file extension that is not a file (`/map`, `/about`):
//!   `index.html`, so client-side routes survive a reload.
//! * A missing file with an extension, and anything under the API
//!   prefixes ([`RESERVED_PREFIXES`]): 404 problem+json — an API client
//!   never gets HTML, a script tag never gets a page.
//! * Methods other than GET and HEAD: 405.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::assets;
use crate::content_type;

/// Path prefixes owned by the HTTP API: never answered with the app.
pub const RESERVED_PREFIXES: &[&str] = &["/api", "/stac", "/stapi"];

const INDEX: &str = "index.html";
const HASHED_DIR: &str = "assets/";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
/// Same-origin only: the UI loads nothing from elsewhere, and a stray
/// external URL would be blocked (and reported) by the browser.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The web UI as an axum router: a fallback handler for every path.
///
/// Merge it after the API routes (`api.merge(silkway_webui::router())`) or
/// give it as the fallback service (`.fallback_service(silkway_webui::router())`).
pub fn router() -> Router {
    Router::new().fallback(serve)
}

async fn serve(method: Method, uri: Uri, headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = (StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n").into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = uri.path();
    if is_reserved(path) {
        return not_found(path);
    }
    let relative = path.trim_start_matches('/');
    let (file, name) = if relative.is_empty() {
        (assets::get(INDEX), INDEX)
    } else if let Some(file) = assets::get(relative) {
        (Some(file), relative)
    } else if is_client_route(relative) {
        (assets::get(INDEX), INDEX)
    } else {
        return not_found(path);
    };
    let Some(file) = file else {
        // build.rs guarantees index.html; only a broken build gets here.
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "web UI build has no index.html\n",
        )
            .into_response();
    };

    let etag = etag(&file.metadata.sha256_hash());
    let mut response = if if_none_match(&headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else if method == Method::HEAD {
        let mut r = Response::new(Body::empty());
        r.headers_mut()
            .insert(header::CONTENT_LENGTH, HeaderValue::from(file.data.len()));
        r
    } else {
        Response::new(Body::from(file.data.into_owned()))
    };
    let h = response.headers_mut();
    h.insert(
        header::ETAG,
        HeaderValue::from_str(&etag).expect("hex ETag is a valid header"),
    );
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type::for_path(name)),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    let cache = if name.starts_with(HASHED_DIR) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if name == INDEX {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
    }
    response
}

/// `/api`, `/api/...` (and the other prefixes), but not `/apiary`.
fn is_reserved(path: &str) -> bool {
    RESERVED_PREFIXES.iter().any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// A route of the app rather than a missing file: no extension in the last
/// segment, and not under the hashed-assets folder.
fn is_client_route(relative: &str) -> bool {
    let last = relative.rsplit('/').next().unwrap_or(relative);
    !relative.starts_with(HASHED_DIR) && !last.contains('.')
}

fn etag(sha256: &[u8; 32]) -> String {
    let hex: String = sha256[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// RFC 9110 §13.1.2: a list of entity tags or `*`; weak tags compare by value.
fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag)
}

/// RFC 9457 problem+json, like the API's own errors.
fn not_found(path: &str) -> Response {
    let body = format!(
        "{{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":{}}}",
        json_string(&format!("no resource at {path}"))
    );
    let mut response = (StatusCode::NOT_FOUND, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

/// A JSON string literal (the crate has no serde_json dependency).
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_prefixes_match_whole_segments() {
        assert!(is_reserved("/api"));
        assert!(is_reserved("/api/analyses/orbit/passes"));
        assert!(is_reserved("/stac/collections"));
        assert!(is_reserved("/stapi/"));
        assert!(!is_reserved("/apiary"));
        assert!(!is_reserved("/stacks"));
        assert!(!is_reserved("/map"));
    }

    #[test]
    fn client_routes_have_no_extension() {
        assert!(is_client_route("map"));
        assert!(is_client_route("panels/passes"));
        assert!(!is_client_route("favicon.ico"));
        assert!(!is_client_route("assets/index-abc.js"));
        assert!(!is_client_route("assets/something"));
    }

    #[test]
    fn if_none_match_lists_and_weak_tags() {
        let mut h = HeaderMap::new();
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"a\", W/\"b\""),
        );
        assert!(if_none_match(&h, "\"b\""));
        assert!(!if_none_match(&h, "\"c\""));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(if_none_match(&h, "\"c\""));
    }

    #[test]
    fn json_string_escapes() {
        assert_eq!(json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
    }
}
