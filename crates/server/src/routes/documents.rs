//! CRUD handlers shared by every document kind (see [`super::resources`]
//! for the routes): list, get, create, replace, delete.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use silkway_store::Kind;

use crate::auth::Caller;
use crate::paging::Paging;
use crate::problem::Problem;
use crate::state::AppState;

/// `GET /api/{kind}`.
pub async fn list(state: &AppState, kind: Kind, paging: Paging) -> Result<Response, Problem> {
    let page = state.store.list(kind, paging.request).await?;
    Ok(paging.respond(page))
}

/// `GET /api/{kind}/{id}`.
pub async fn get(state: &AppState, kind: Kind, id: &str) -> Result<Response, Problem> {
    Ok(Json(state.store.get(kind, id).await?).into_response())
}

/// `POST /api/{kind}`: 201 with a `Location` header.
pub async fn create(
    state: &AppState,
    caller: Caller,
    kind: Kind,
    body: Value,
) -> Result<Response, Problem> {
    let record = state.store.create(&caller.0, kind, body).await?;
    let location = format!("/api/{}/{}", kind.path(), record.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(record),
    )
        .into_response())
}

/// `PUT /api/{kind}/{id}`.
pub async fn replace(
    state: &AppState,
    caller: Caller,
    kind: Kind,
    id: &str,
    body: Value,
) -> Result<Response, Problem> {
    Ok(Json(state.store.replace(&caller.0, kind, id, body).await?).into_response())
}

/// `DELETE /api/{kind}/{id}`: 204.
pub async fn delete(
    state: &AppState,
    caller: Caller,
    kind: Kind,
    id: &str,
) -> Result<Response, Problem> {
    state.store.delete(&caller.0, kind, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Path segment of a kind (`link-definitions`).
pub trait KindPath {
    /// The segment.
    fn path(self) -> String;
}

impl KindPath for Kind {
    fn path(self) -> String {
        self.as_str().replace('_', "-")
    }
}
