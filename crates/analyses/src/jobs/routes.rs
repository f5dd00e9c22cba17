//! The job endpoints: submit, list, status, result, cancel.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::{Body, parse_json};
use crate::jobs::Job;
use crate::kinds::JobRequest;
use crate::problem::{ApiResult, Problem};

/// Submit an analysis as a job: `{"kind": "passes", "params": {...}}`.
/// Answers 202 with the queued job and its `Location`.
#[utoipa::path(post, path = "/jobs", tag = "jobs",
    request_body = JobRequest,
    responses(
        (status = 202, description = "queued; poll the Location", body = Job,
            headers(("Location" = String, description = "the job's URL"))),
        (status = 400, description = "not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "unknown kind or invalid params", body = Problem, content_type = "application/problem+json")))]
async fn submit(
    State(st): State<AnalysesState>,
    OriginalUri(uri): OriginalUri,
    Body(raw): Body<Value>,
) -> ApiResult<impl IntoResponse> {
    let bytes = serde_json::to_vec(&raw).map_err(|e| Problem::internal(e.to_string()))?;
    let request: JobRequest = parse_json(&bytes)?;
    let params = raw.get("params").cloned().unwrap_or(Value::Null);
    let kind = request.kind();
    let scenario = st.scenario();
    let job = st
        .jobs()
        .submit(
            kind,
            params,
            Box::new(move |ctl| request.run(&scenario, ctl)),
        )
        .await?;
    let location = format!("{}/{}", uri.path().trim_end_matches('/'), job.id);
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, location)],
        Json(job),
    ))
}

/// Every job, newest first.
#[utoipa::path(get, path = "/jobs", tag = "jobs",
    responses((status = 200, description = "jobs", body = Vec<Job>)))]
async fn list(State(st): State<AnalysesState>) -> ApiResult<Json<Vec<Job>>> {
    st.jobs().list().await.map(Json)
}

/// A job's state and progress.
#[utoipa::path(get, path = "/jobs/{id}", tag = "jobs",
    params(("id" = String, Path, description = "job id")),
    responses(
        (status = 200, description = "the job", body = Job),
        (status = 404, description = "no such job", body = Problem, content_type = "application/problem+json")))]
async fn status(State(st): State<AnalysesState>, Path(id): Path<String>) -> ApiResult<Json<Job>> {
    st.jobs().get(&id).await.map(Json)
}

/// A succeeded job's result (the response body of the synchronous endpoint).
#[utoipa::path(get, path = "/jobs/{id}/result", tag = "jobs",
    params(("id" = String, Path, description = "job id")),
    responses(
        (status = 200, description = "the result", body = Object),
        (status = 404, description = "no such job", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "not succeeded (yet)", body = Problem, content_type = "application/problem+json")))]
async fn result(State(st): State<AnalysesState>, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    st.jobs().result(&id).await.map(Json)
}

/// Cancel a queued or running job (202: it stops at its next unit of work).
#[utoipa::path(post, path = "/jobs/{id}/cancel", tag = "jobs",
    params(("id" = String, Path, description = "job id")),
    responses(
        (status = 202, description = "cancellation requested", body = Job),
        (status = 404, description = "no such job", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "already finished", body = Problem, content_type = "application/problem+json")))]
async fn cancel(
    State(st): State<AnalysesState>,
    Path(id): Path<String>,
) -> ApiResult<impl IntoResponse> {
    let job = st.jobs().cancel(&id).await?;
    Ok((StatusCode::ACCEPTED, Json(job)))
}

/// Cancel a job that has not finished (202), or delete a finished one and
/// its result (204).
#[utoipa::path(delete, path = "/jobs/{id}", tag = "jobs",
    params(("id" = String, Path, description = "job id")),
    responses(
        (status = 202, description = "cancellation requested", body = Job),
        (status = 204, description = "deleted"),
        (status = 404, description = "no such job", body = Problem, content_type = "application/problem+json")))]
async fn delete(
    State(st): State<AnalysesState>,
    Path(id): Path<String>,
) -> ApiResult<axum::response::Response> {
    let job = st.jobs().delete(&id).await?;
    Ok(if job.state.is_final() {
        StatusCode::NO_CONTENT.into_response()
    } else {
        (StatusCode::ACCEPTED, Json(job)).into_response()
    })
}

/// The job routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(submit, list))
        .routes(routes!(status, delete))
        .routes(routes!(result))
        .routes(routes!(cancel))
}
