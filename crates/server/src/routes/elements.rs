//! Element sets: import TLE/OMM text, and each satellite's history.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::paging::{PageQuery, Paging};
use crate::problem::{InvalidField, Problem};
use crate::state::AppState;

/// What an import did (`silkway_store::ImportReport`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReportDoc {
    /// Stored sets: `{satellite_id, norad_id, epoch}`.
    pub imported: Vec<serde_json::Value>,
    /// Sets already in the history.
    pub duplicates: Vec<serde_json::Value>,
    /// Records not imported, each with file, line, field and reason.
    pub rejected: Vec<String>,
}

/// A page of element sets (`silkway_store::ElementSetRecord`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ElementSetPageDoc {
    /// `{seq, satellite_id, norad_id, epoch, line1, line2, elements, source, imported_at, imported_by}`.
    pub items: Vec<serde_json::Value>,
    /// Link to the next page.
    pub next: Option<String>,
}

/// Import element sets: the body is a TLE/3LE text or an OMM document
/// (JSON, CSV or XML, detected from the content). Each set is filed under
/// the satellite with its NORAD number; all or nothing when a set belongs
/// to another organization's satellite. 422 when nothing could be imported.
#[utoipa::path(post, path = "/api/element-sets/import", tag = "satellites",
    params(("source" = Option<String>, Query, description = "Name of the origin (file name, URL) kept with each set")),
    request_body(content = String, content_type = "text/plain", description = "TLE/3LE or OMM text"),
    security(("bearer" = [])),
    responses((status = 201, description = "Imported", body = ImportReportDoc),
              (status = 200, description = "Only duplicates", body = ImportReportDoc),
              (status = 401, description = "No or bad token", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "A satellite of another organization", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Nothing importable", body = Problem, content_type = "application/problem+json")))]
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<HashMap<String, String>>,
    text: String,
) -> Result<Response, Problem> {
    let source = query
        .get("source")
        .cloned()
        .unwrap_or_else(|| "upload".into());
    let report = state
        .store
        .import_element_sets(&caller.0, &source, &text)
        .await?;
    if report.imported.is_empty() && report.duplicates.is_empty() {
        let errors = if report.rejected.is_empty() {
            vec![InvalidField {
                field: String::new(),
                message: "no element set found (expected TLE/3LE lines or an OMM document)".into(),
            }]
        } else {
            report
                .rejected
                .iter()
                .map(|r| InvalidField {
                    field: String::new(),
                    message: r.clone(),
                })
                .collect()
        };
        return Err(Problem::invalid(
            StatusCode::UNPROCESSABLE_ENTITY,
            "no element set imported",
            errors,
        ));
    }
    let status = if report.imported.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(report)).into_response())
}

/// The element-set history of a satellite, in import order.
#[utoipa::path(get, path = "/api/satellites/{id}/element-sets", tag = "satellites",
    params(("id" = String, Path, description = "Satellite id"), PageQuery),
    responses((status = 200, description = "One page", body = ElementSetPageDoc),
              (status = 404, description = "No such satellite", body = Problem, content_type = "application/problem+json")))]
pub async fn history(
    State(state): State<AppState>,
    Path(id): Path<String>,
    paging: Paging,
) -> Result<Response, Problem> {
    let page = state.store.element_sets(&id, paging.request).await?;
    Ok(paging.respond(page))
}

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(import))
        .routes(routes!(history))
}
