//! Map layers as GeoJSON (RFC 7946) for the web UI and GIS clients: the
//! current scenario and the Azerbaijan–Iran border of the spectrum
//! screening. Paths are the ones the UI calls (`silkway_webui::api_paths`).

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use silkway_spectrum::border::Border;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::problem::Problem;
use crate::state::AppState;

fn geojson(body: serde_json::Value) -> Response {
    let mut r = body.to_string().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/geo+json"),
    );
    r
}

/// The current scenario's stations, nodes, links and satellites as a
/// GeoJSON FeatureCollection (`silkway_model::Scenario::to_geojson`).
#[utoipa::path(get, path = "/api/scenario/geojson", tag = "scenario",
    responses((status = 200, description = "FeatureCollection", content_type = "application/geo+json", body = serde_json::Value)))]
pub async fn scenario_geojson(State(state): State<AppState>) -> Result<Response, Problem> {
    Ok(geojson(state.store.scenario().await?.to_geojson()))
}

/// The Azerbaijan–Iran land boundary (Natural Earth admin-0, public
/// domain) used by the border screening, as a GeoJSON Feature.
#[utoipa::path(get, path = "/api/spectrum/borders/az-ir", tag = "scenario",
    responses((status = 200, description = "Feature (MultiLineString)", content_type = "application/geo+json", body = serde_json::Value)))]
pub async fn border_az_ir() -> Result<Response, Problem> {
    let border = Border::azerbaijan_iran().map_err(|e| {
        Problem::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            e.to_string(),
        )
    })?;
    Ok(geojson(border.to_geojson()))
}

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(scenario_geojson))
        .routes(routes!(border_az_ir))
}
