//! The API paths the web UI calls, answered from the crates.

use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::extract::State as Extract;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use silkway_spectrum::border::Border;
use silkway_webui::api_paths;

use crate::tokens::TokenArg;

/// Pre-computed bodies and the accepted tokens.
#[derive(Clone)]
pub struct State(Arc<Inner>);

struct Inner {
    scenario_geojson: String,
    border_geojson: String,
    tokens: Vec<TokenArg>,
}

impl State {
    /// Load the built-in scenario `name` and the border once.
    pub fn new(name: &str, tokens: Vec<TokenArg>) -> anyhow::Result<Self> {
        let scenario = silkway_model::builtin::load(name)
            .with_context(|| format!("built-in scenario {name:?}"))?;
        let border = Border::azerbaijan_iran().context("Azerbaijan–Iran border")?;
        Ok(Self(Arc::new(Inner {
            scenario_geojson: scenario.to_geojson().to_string(),
            border_geojson: border_geojson(&border).to_string(),
            tokens,
        })))
    }
}

/// The border as one GeoJSON Feature (RFC 7946: `[lon, lat]` positions).
pub fn border_geojson(border: &Border) -> Value {
    let lines: Vec<Vec<[f64; 2]>> = border
        .segments
        .iter()
        .map(|seg| seg.iter().map(|&(lat, lon)| [lon, lat]).collect())
        .collect();
    json!({
        "type": "Feature",
        "id": format!("border:{}-{}", border.countries[0], border.countries[1]).to_lowercase(),
        "geometry": {"type": "MultiLineString", "coordinates": lines},
        "properties": {"layer": "border", "countries": border.countries, "source": border.source},
    })
}

pub fn router(state: State) -> Router {
    Router::new()
        .route(api_paths::SCENARIO_GEOJSON, get(scenario))
        .route(api_paths::BORDER_AZ_IR_GEOJSON, get(border))
        .route(api_paths::WHOAMI, get(whoami))
        .with_state(state)
}

fn geojson(body: &str) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/geo+json"),
        )],
        body.to_owned(),
    )
        .into_response()
}

async fn scenario(Extract(state): Extract<State>) -> Response {
    geojson(&state.0.scenario_geojson)
}

async fn border(Extract(state): Extract<State>) -> Response {
    geojson(&state.0.border_geojson)
}

async fn whoami(Extract(state): Extract<State>, headers: HeaderMap) -> Response {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match bearer.and_then(|t| state.0.tokens.iter().find(|a| a.token == t)) {
        Some(found) => {
            axum::Json(json!({"role": found.role, "user": format!("{}-user", found.role)}))
                .into_response()
        }
        None => {
            let detail = if bearer.is_some() {
                "unknown token"
            } else {
                "missing bearer token"
            };
            let body = json!({"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": detail});
            let mut r = (StatusCode::UNAUTHORIZED, body.to_string()).into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/problem+json"),
            );
            h.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    fn state() -> State {
        let tokens = vec![crate::tokens::parse_token_arg("engineer=secret").unwrap()];
        State::new("caspian", tokens).unwrap()
    }

    async fn get_json(path: &str, auth: Option<&str>) -> (StatusCode, Value) {
        let mut req = Request::get(path);
        if let Some(a) = auth {
            req = req.header(header::AUTHORIZATION, a);
        }
        let resp = router(state())
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = resp.status();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn scenario_is_the_model_geojson() {
        let (status, body) = get_json(api_paths::SCENARIO_GEOJSON, None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            body,
            silkway_model::builtin::load("caspian")
                .unwrap()
                .to_geojson()
        );
    }

    #[tokio::test]
    async fn border_positions_are_lon_lat_on_the_az_ir_line() {
        let (status, body) = get_json(api_paths::BORDER_AZ_IR_GEOJSON, None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["geometry"]["type"], "MultiLineString");
        let lines = body["geometry"]["coordinates"].as_array().unwrap();
        assert!(!lines.is_empty());
        for p in lines.iter().flat_map(|l| l.as_array().unwrap()) {
            let (lon, lat) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
            // The Azerbaijan–Iran boundary lies within 38.3–39.8°N, 44.7–48.9°E.
            assert!(
                (44.5..49.0).contains(&lon) && (38.2..40.0).contains(&lat),
                "{lon},{lat}"
            );
        }
    }

    #[tokio::test]
    async fn whoami_checks_the_bearer_token() {
        let (status, body) = get_json(api_paths::WHOAMI, Some("Bearer secret")).await;
        assert_eq!(
            (status, body["role"].as_str()),
            (StatusCode::OK, Some("engineer"))
        );
        let (status, body) = get_json(api_paths::WHOAMI, Some("Bearer wrong")).await;
        assert_eq!(
            (status, body["detail"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("unknown token"))
        );
        let (status, _) = get_json(api_paths::WHOAMI, None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }

    #[test]
    fn token_args_name_a_known_role() {
        assert!(
            crate::tokens::parse_token_arg("root=x")
                .unwrap_err()
                .contains("unknown role")
        );
        assert!(
            crate::tokens::parse_token_arg("viewer")
                .unwrap_err()
                .contains("ROLE=TOKEN")
        );
        assert!(
            crate::tokens::parse_token_arg("viewer=")
                .unwrap_err()
                .contains("empty token")
        );
    }
}
