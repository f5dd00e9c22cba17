//! Users, tokens, password login and `me`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use silkway_store::{NewUser, Role};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::paging::{PageQuery, Paging};
use crate::problem::Problem;
use crate::state::AppState;

/// A user (`silkway_store::User`).
#[derive(Debug, Serialize, ToSchema)]
pub struct UserDoc {
    /// Id.
    pub id: String,
    /// Organization.
    pub org_id: String,
    /// Login name.
    pub email: String,
    /// Display name.
    pub name: String,
    /// `viewer`, `engineer` or `admin`.
    pub role: String,
    /// Created at.
    pub created_at: String,
}

/// A page of users.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserPageDoc {
    /// Users.
    pub items: Vec<UserDoc>,
    /// Next page.
    pub next: Option<String>,
}

/// A user to create in your organization.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// Login name.
    pub email: String,
    /// Display name.
    pub name: String,
    /// `viewer`, `engineer` or `admin`.
    #[schema(value_type = String)]
    pub role: Role,
    /// Password (at least 10 characters) for `POST /api/login`; omit for token-only users.
    #[serde(default)]
    pub password: Option<String>,
}

/// A token's bookkeeping (`silkway_store::TokenInfo`).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenDoc {
    /// Id.
    pub id: String,
    /// User it acts as.
    pub user_id: String,
    /// What it is for.
    pub name: String,
    /// Issued at.
    pub created_at: String,
    /// Revoked at.
    pub revoked_at: Option<String>,
}

/// A page of tokens.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenPageDoc {
    /// Tokens.
    pub items: Vec<TokenDoc>,
    /// Next page.
    pub next: Option<String>,
}

/// A newly issued token: the secret is shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedToken {
    /// The bookkeeping.
    #[schema(value_type = TokenDoc)]
    pub info: silkway_store::TokenInfo,
    /// `swt_` + 64 hex digits; send as `Authorization: Bearer <token>`.
    pub token: String,
}

/// A token request.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// What the token is for.
    pub name: String,
}

/// Password login.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Login {
    /// Login name.
    pub email: String,
    /// Password.
    pub password: String,
    /// Name of the token to issue (default `login`).
    #[serde(default)]
    pub token_name: Option<String>,
}

/// Who the token belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// User id.
    pub user_id: String,
    /// Organization.
    pub org_id: String,
    /// Role.
    pub role: String,
    /// Token id.
    pub token_id: Option<String>,
}

/// The caller.
#[utoipa::path(get, path = "/api/me", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, description = "The caller", body = Me),
              (status = 401, description = "No token", body = Problem, content_type = "application/problem+json")))]
pub async fn me(caller: Caller) -> Json<Me> {
    let a = caller.0;
    Json(Me {
        user_id: a.user_id,
        org_id: a.org_id,
        role: a.role.to_string(),
        token_id: a.token_id,
    })
}

/// Trade an email and password for a token (the one mutation without a token).
#[utoipa::path(post, path = "/api/login", tag = "accounts", request_body = Login,
    responses((status = 201, description = "Token issued", body = IssuedToken),
              (status = 401, description = "Bad credentials", body = Problem, content_type = "application/problem+json")))]
pub async fn login(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<Login>,
) -> Result<Response, Problem> {
    let name = body.token_name.unwrap_or_else(|| "login".into());
    let (info, token) = state
        .store
        .login(&body.email, &body.password, &name)
        .await?;
    Ok((StatusCode::CREATED, Json(IssuedToken { info, token })).into_response())
}

/// Users of your organization (admins).
#[utoipa::path(get, path = "/api/users", tag = "accounts", params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "One page", body = UserPageDoc),
              (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json")))]
pub async fn list_users(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Response, Problem> {
    let page = state.store.list_users(&caller.0, paging.request).await?;
    Ok(paging.respond(page))
}

/// Create a user in your organization (admins).
#[utoipa::path(post, path = "/api/users", tag = "accounts", request_body = CreateUser, security(("bearer" = [])),
    responses((status = 201, description = "Created", body = UserDoc),
              (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Email taken", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json")))]
pub async fn create_user(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<CreateUser>,
) -> Result<Response, Problem> {
    let user = state
        .store
        .create_user(
            Some(&caller.0),
            NewUser {
                org_id: caller.0.org_id.clone(),
                email: body.email,
                name: body.name,
                role: body.role,
                password: body.password,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(user)).into_response())
}

/// A user of your organization (yourself, or any for admins).
#[utoipa::path(get, path = "/api/users/{id}", tag = "accounts", params(("id" = String, Path, description = "User id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The user", body = UserDoc),
              (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json")))]
pub async fn get_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    Ok(Json(state.store.get_user(&caller.0, &id).await?).into_response())
}

/// Delete a user of your organization and their tokens (admins).
#[utoipa::path(delete, path = "/api/users/{id}", tag = "accounts", params(("id" = String, Path, description = "User id")),
    security(("bearer" = [])),
    responses((status = 204, description = "Deleted"),
              (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    state.store.delete_user(&caller.0, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Issue a token for a user: yourself, or any user of your organization for admins.
#[utoipa::path(post, path = "/api/users/{id}/tokens", tag = "accounts", params(("id" = String, Path, description = "User id")),
    request_body = TokenRequest, security(("bearer" = [])),
    responses((status = 201, description = "Issued; the secret is shown once", body = IssuedToken),
              (status = 403, description = "Not yours and not an admin", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json")))]
pub async fn issue_token(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<TokenRequest>,
) -> Result<Response, Problem> {
    let (info, token) = state
        .store
        .issue_token(Some(&caller.0), &id, &body.name)
        .await?;
    Ok((StatusCode::CREATED, Json(IssuedToken { info, token })).into_response())
}

/// Your tokens (all of your organization's for admins).
#[utoipa::path(get, path = "/api/tokens", tag = "accounts", params(PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "One page", body = TokenPageDoc)))]
pub async fn list_tokens(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Response, Problem> {
    let page = state.store.list_tokens(&caller.0, paging.request).await?;
    Ok(paging.respond(page))
}

/// Revoke a token (yours, or any of your organization's for admins).
#[utoipa::path(delete, path = "/api/tokens/{id}", tag = "accounts", params(("id" = String, Path, description = "Token id")),
    security(("bearer" = [])),
    responses((status = 200, description = "Revoked", body = TokenDoc),
              (status = 403, description = "Not yours and not an admin", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    Ok(Json(state.store.revoke_token(&caller.0, &id).await?).into_response())
}

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(login))
        .routes(routes!(list_users, create_user))
        .routes(routes!(get_user, delete_user))
        .routes(routes!(issue_token))
        .routes(routes!(list_tokens))
        .routes(routes!(revoke_token))
}
