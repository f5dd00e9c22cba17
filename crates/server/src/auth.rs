//! Bearer-token authentication, as one middleware over the whole app.
//!
//! Every request may carry `Authorization: Bearer <token>`; a token that
//! is unknown or revoked is refused (401) whatever the method. Requests
//! that change something (any method but GET, HEAD and OPTIONS) need a
//! valid token, on every router mounted under the app — only
//! `POST /api/login`, which trades a password for a token, is exempt.
//! Handlers then read the caller with [`Caller`] or [`MaybeCaller`], and
//! the store decides role and ownership.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use silkway_store::Actor;

use crate::problem::Problem;
use crate::state::AppState;

/// Mutating requests allowed without a token: `(method, path)`.
const EXEMPT: &[(Method, &str)] = &[
    (Method::POST, "/api/login"),
    // STAC item search by POST only reads (STAC API item-search).
    (Method::POST, "/stac/search"),
];

/// Mounts whose writes need an engineer or an admin: the STAC catalog's
/// transactions (the catalog has no per-organization owners of its own).
const ENGINEER_WRITES: &[&str] = &["/stac"];

/// The authenticated caller, if any (set by [`authenticate`]).
#[derive(Debug, Clone)]
struct Authenticated(Option<Actor>);

fn bearer(headers: &HeaderMap) -> Result<Option<&str>, Problem> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let text = value
        .to_str()
        .map_err(|_| Problem::unauthorized("the Authorization header is not ASCII"))?;
    match text.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(Some(token.trim()))
        }
        _ => Err(Problem::unauthorized(
            "expected `Authorization: Bearer <token>`",
        )),
    }
}

/// True for methods that never change anything (RFC 9110 §9.2.1 safe methods).
pub fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The middleware: resolve the token, refuse unauthenticated mutations.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let actor = match bearer(req.headers()) {
        Err(p) => return p.into_response(),
        Ok(None) => None,
        Ok(Some(token)) => match state.store.authenticate(token).await {
            Ok(Some(actor)) => Some(actor),
            Ok(None) => return Problem::unauthorized("unknown or revoked token").into_response(),
            Err(e) => return Problem::from(e).into_response(),
        },
    };
    let exempt = EXEMPT
        .iter()
        .any(|(m, p)| m == req.method() && *p == req.uri().path());
    if actor.is_none() && !is_safe(req.method()) && !exempt {
        return Problem::unauthorized(format!(
            "{} {} changes data and needs `Authorization: Bearer <token>`",
            req.method(),
            req.uri().path()
        ))
        .into_response();
    }
    let path = req.uri().path();
    let guarded = ENGINEER_WRITES
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")));
    if guarded && !is_safe(req.method()) && !exempt {
        if let Some(a) = &actor {
            if a.role == silkway_store::Role::Viewer {
                return Problem::new(
                    axum::http::StatusCode::FORBIDDEN,
                    "forbidden",
                    format!(
                        "{} {path}: a viewer cannot change the catalog",
                        req.method()
                    ),
                )
                .into_response();
            }
        }
    }
    // Routers outside this crate (the tasking API) read the caller as
    // `Option<Actor>`.
    req.extensions_mut().insert(actor.clone());
    req.extensions_mut().insert(Authenticated(actor));
    next.run(req).await
}

/// The authenticated caller; 401 when the request carries no token.
#[derive(Debug, Clone)]
pub struct Caller(pub Actor);

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Problem> {
        match parts.extensions.get::<Authenticated>() {
            Some(Authenticated(Some(actor))) => Ok(Caller(actor.clone())),
            _ => Err(Problem::unauthorized(
                "this resource needs `Authorization: Bearer <token>`",
            )),
        }
    }
}

/// The caller if the request carries a token.
#[derive(Debug, Clone)]
pub struct MaybeCaller(pub Option<Actor>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeCaller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Problem> {
        Ok(MaybeCaller(
            parts
                .extensions
                .get::<Authenticated>()
                .and_then(|a| a.0.clone()),
        ))
    }
}
