//! The audit log, for admins.

use axum::extract::State;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::paging::{PageQuery, Paging};
use crate::problem::Problem;
use crate::state::AppState;

/// A page of audit entries (`silkway_store::AuditEntry`).
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPageDoc {
    /// `{seq, at, actor_org, actor_user, token_id, action, kind, resource_id, owner_org, before, after}`.
    pub items: Vec<serde_json::Value>,
    /// Next page.
    pub next: Option<String>,
}

/// Changes made by your organization or to what it owns, oldest first (admins).
#[utoipa::path(get, path = "/api/audit", tag = "audit", params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "One page", body = AuditPageDoc),
              (status = 401, description = "No token", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json")))]
pub async fn audit(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Response, Problem> {
    let page = state.store.audit(&caller.0, paging.request).await?;
    Ok(paging.respond(page))
}

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(audit))
}
