//! The scenario built from the store (what the analyses run on).

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::problem::Problem;
use crate::schema;
use crate::state::AppState;

/// The current scenario: every stored scenario document in one
/// silkway-model `Scenario` (the scenario file format, as JSON).
#[utoipa::path(get, path = "/api/scenario", tag = "scenario",
    responses((status = 200, description = "The scenario", body = schema::ScenarioDoc)))]
pub async fn scenario(State(state): State<AppState>) -> Result<Response, Problem> {
    Ok(Json(state.store.scenario().await?).into_response())
}

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(scenario))
}
