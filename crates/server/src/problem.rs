//! RFC 9457 problem details (`application/problem+json`) for every error
//! the API returns.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use silkway_store::{FieldProblem, StoreError};
use utoipa::ToSchema;

/// Media type of problem documents (RFC 9457 §3).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct InvalidField {
    /// Path of the field in the request (`norad_id`, `position.lat_deg`,
    /// `limit`); empty for the body as a whole.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// A problem details object (RFC 9457 §3.1), with silkway's `errors`
/// extension listing invalid fields.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Problem {
    /// Problem type: a relative URI naming the kind of problem
    /// (`/problems/validation`), or `about:blank`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the problem type.
    pub title: String,
    /// HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// Invalid fields (validation problems only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<InvalidField>,
}

impl Problem {
    /// A problem with `status`, a type slug and details.
    pub fn new(status: StatusCode, slug: &str, detail: impl Into<String>) -> Self {
        Self {
            problem_type: format!("/problems/{slug}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    /// 400/422 naming the invalid fields.
    pub fn invalid(
        status: StatusCode,
        detail: impl Into<String>,
        fields: Vec<InvalidField>,
    ) -> Self {
        Self {
            errors: fields,
            ..Self::new(status, "validation", detail)
        }
    }

    /// 400 for one bad request field (query parameter, body syntax).
    pub fn bad_field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::invalid(
            StatusCode::BAD_REQUEST,
            format!("{field}: {message}"),
            vec![InvalidField {
                field: field.to_owned(),
                message,
            }],
        )
    }

    /// 401: a token is needed (or the one given is not valid).
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", detail)
    }

    /// 404 for a path the API does not have.
    pub fn no_route(path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not-found",
            format!("no resource at {path}"),
        )
    }
}

impl From<FieldProblem> for InvalidField {
    fn from(p: FieldProblem) -> Self {
        Self {
            field: p.field,
            message: p.message,
        }
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        let detail = e.to_string();
        match e {
            StoreError::NotFound { .. } => Problem::new(StatusCode::NOT_FOUND, "not-found", detail),
            StoreError::Forbidden { .. } => {
                Problem::new(StatusCode::FORBIDDEN, "forbidden", detail)
            }
            StoreError::Invalid { problems, .. } => Problem::invalid(
                StatusCode::UNPROCESSABLE_ENTITY,
                detail,
                problems.into_iter().map(InvalidField::from).collect(),
            ),
            StoreError::Conflict { .. } => Problem::new(StatusCode::CONFLICT, "conflict", detail),
            StoreError::Unauthorized => Problem::unauthorized("invalid email or password"),
            other => {
                tracing::error!("internal error: {other}");
                Problem::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "internal error; the server log has the details",
                )
            }
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut resp = (status, body).into_response();
        resp.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"silkway\""),
            );
        }
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analyses (and the tasking API) answer with their own problem
    /// type; a client must see the same document either way.
    #[test]
    fn analyses_problems_serialise_like_the_apis() {
        let ours = Problem::invalid(
            StatusCode::UNPROCESSABLE_ENTITY,
            "freq_ghz: must be positive",
            vec![InvalidField {
                field: "freq_ghz".into(),
                message: "must be positive".into(),
            }],
        );
        let theirs = silkway_analyses::Problem::invalid("freq_ghz", "must be positive");
        assert_eq!(
            serde_json::to_value(&ours).unwrap(),
            serde_json::to_value(&theirs).unwrap()
        );
        for (status, slug) in [
            (StatusCode::NOT_FOUND, "not-found"),
            (StatusCode::CONFLICT, "conflict"),
        ] {
            let ours = Problem::new(status, slug, "x");
            let theirs = silkway_analyses::Problem::new(status, "x");
            assert_eq!(
                serde_json::to_value(&ours).unwrap(),
                serde_json::to_value(&theirs).unwrap()
            );
        }
    }
}
