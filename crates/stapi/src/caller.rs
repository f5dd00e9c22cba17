//! Who is calling: the server's bearer-token layer puts
//! `Option<silkway_store::Actor>` in the request's extensions.

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use silkway_analyses::Problem;
use silkway_store::{Actor, Role};

/// The authenticated caller; 401 without a token.
#[derive(Debug, Clone)]
pub(crate) struct Caller(pub Actor);

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Problem> {
        match parts.extensions.get::<Option<Actor>>() {
            Some(Some(actor)) => Ok(Caller(actor.clone())),
            _ => Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "orders belong to an organization: send `Authorization: Bearer <token>`",
            )),
        }
    }
}

impl Caller {
    /// 403 unless the caller's role is at least `needed`.
    pub(crate) fn require(&self, needed: Role, doing: &str) -> Result<(), Problem> {
        if self.0.role >= needed {
            Ok(())
        } else {
            Err(Problem::new(
                StatusCode::FORBIDDEN,
                format!("{doing} needs the {needed} role; you are a {}", self.0.role),
            ))
        }
    }
}
