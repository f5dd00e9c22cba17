//! Coordination requests between two administrations; visible only to them.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use silkway_store::{CoordinationStatus, NewCoordination};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::paging::{PageQuery, Paging};
use crate::problem::Problem;
use crate::state::AppState;

/// A request to open.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenRequest {
    /// Receiving administration (organization id).
    pub to_org: String,
    /// One line.
    pub subject: String,
    /// Details.
    #[serde(default)]
    pub description: String,
    /// Assignments concerned (ids).
    #[serde(default)]
    pub assignments: Vec<String>,
    /// Analyses attached (any JSON, e.g. a border screening result).
    #[serde(default)]
    pub analyses: Vec<serde_json::Value>,
}

/// A request (`silkway_store::CoordinationRequest`).
#[derive(Debug, Serialize, ToSchema)]
pub struct CoordinationDoc {
    /// Id.
    pub id: String,
    /// Requesting administration.
    pub from_org: String,
    /// Receiving administration.
    pub to_org: String,
    /// One line.
    pub subject: String,
    /// Details.
    pub description: String,
    /// Assignments concerned.
    pub assignments: Vec<String>,
    /// Attached analyses.
    pub analyses: Vec<serde_json::Value>,
    /// `open`, `under_review`, `agreed` or `objected`.
    pub status: String,
    /// Opened by (user id).
    pub created_by: String,
    /// Opened at.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
    /// `{seq, org_id, user_id, text, analysis, created_at}`, oldest first.
    pub comments: Vec<serde_json::Value>,
}

/// A page of requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoordinationPageDoc {
    /// The requests (without comments).
    pub items: Vec<CoordinationDoc>,
    /// Link to the next page.
    pub next: Option<String>,
}

/// A state change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// `under_review`, `agreed`, `objected` (receiving administration) or
    /// `open` (requester, after an objection).
    pub to: String,
    /// A comment recorded with the change.
    #[serde(default)]
    pub comment: Option<String>,
}

/// A comment.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewComment {
    /// The text.
    pub text: String,
    /// An analysis result to attach (any JSON).
    #[serde(default)]
    pub analysis: Option<serde_json::Value>,
}

/// Requests your administration is a party to.
#[utoipa::path(get, path = "/api/coordination", tag = "coordination", params(PageQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page", body = CoordinationPageDoc),
              (status = 401, description = "No token", body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Response, Problem> {
    let page = state
        .store
        .list_coordination(&caller.0, paging.request)
        .await?;
    Ok(paging.respond(page))
}

/// Open a request from your administration to another.
#[utoipa::path(post, path = "/api/coordination", tag = "coordination", request_body = OpenRequest,
    security(("bearer" = [])),
    responses((status = 201, description = "Opened", body = CoordinationDoc),
              (status = 401, description = "No token", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an administration, or a viewer", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json")))]
pub async fn open(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<OpenRequest>,
) -> Result<Response, Problem> {
    let new = NewCoordination {
        to_org: body.to_org,
        subject: body.subject,
        description: body.description,
        assignments: body.assignments,
        analyses: body.analyses,
    };
    let req = state.store.open_coordination(&caller.0, new).await?;
    let location = format!("/api/coordination/{}", req.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(req),
    )
        .into_response())
}

/// One request with its comments (404 unless your administration is a party).
#[utoipa::path(get, path = "/api/coordination/{id}", tag = "coordination",
    params(("id" = String, Path, description = "Request id")), security(("bearer" = [])),
    responses((status = 200, description = "The request", body = CoordinationDoc),
              (status = 401, description = "No token", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    Ok(Json(state.store.get_coordination(&caller.0, &id).await?).into_response())
}

/// Move a request: open → under_review → agreed | objected (receiving
/// administration); objected → open (requester).
#[utoipa::path(post, path = "/api/coordination/{id}/transitions", tag = "coordination",
    params(("id" = String, Path, description = "Request id")), request_body = Transition, security(("bearer" = [])),
    responses((status = 200, description = "Moved", body = CoordinationDoc),
              (status = 403, description = "The other party makes this move", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Not a move from the current state", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Unknown state", body = Problem, content_type = "application/problem+json")))]
pub async fn transition(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<Transition>,
) -> Result<Response, Problem> {
    let to: CoordinationStatus = serde_json::from_value(serde_json::Value::String(body.to.clone()))
        .map_err(|_| {
            Problem::invalid(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("unknown state {:?}", body.to),
                vec![crate::problem::InvalidField {
                    field: "to".into(),
                    message: format!(
                        "expected open, under_review, agreed or objected, found {:?}",
                        body.to
                    ),
                }],
            )
        })?;
    let req = state
        .store
        .transition_coordination(&caller.0, &id, to, body.comment.as_deref())
        .await?;
    Ok(Json(req).into_response())
}

/// Comment on a request, optionally attaching an analysis.
#[utoipa::path(post, path = "/api/coordination/{id}/comments", tag = "coordination",
    params(("id" = String, Path, description = "Request id")), request_body = NewComment, security(("bearer" = [])),
    responses((status = 201, description = "Commented", body = CoordinationDoc),
              (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Empty text", body = Problem, content_type = "application/problem+json")))]
pub async fn comment(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<NewComment>,
) -> Result<Response, Problem> {
    let req = state
        .store
        .comment_coordination(&caller.0, &id, &body.text, body.analysis)
        .await?;
    Ok((StatusCode::CREATED, Json(req)).into_response())
}

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, open))
        .routes(routes!(get))
        .routes(routes!(transition))
        .routes(routes!(comment))
}
