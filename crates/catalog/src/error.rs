//! Errors of the catalog, answered as RFC 9457 `application/problem+json`.
//!
//! Client mistakes name the offending request parameter (or body member) in
//! the extension member `parameter`, so a caller sees at once which part of
//! the request to fix.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Everything the catalog can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// A request parameter or body member is malformed or out of range (400).
    #[error("invalid parameter `{parameter}`: {detail}")]
    BadParameter {
        /// Query parameter or body member, e.g. `bbox`, `filter`, `sortby[0].field`.
        parameter: String,
        /// What was expected and what was found.
        detail: String,
    },
    /// A collection or item does not exist (404).
    #[error("{0}")]
    NotFound(String),
    /// The resource already exists (409).
    #[error("{0}")]
    Conflict(String),
    /// The request body is not JSON or not the right media type (400 / 415).
    #[error("{0}")]
    BadBody(String),
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Running the catalog's migrations failed.
    #[error("catalog migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored document could not be decoded (corrupt row).
    #[error("stored document {what} is not valid JSON: {source}")]
    Corrupt {
        /// Which document (collection/item id).
        what: String,
        /// The JSON error.
        source: serde_json::Error,
    },
}

impl CatalogError {
    /// Shorthand for [`CatalogError::BadParameter`].
    pub fn bad(parameter: impl Into<String>, detail: impl Into<String>) -> Self {
        CatalogError::BadParameter {
            parameter: parameter.into(),
            detail: detail.into(),
        }
    }

    /// HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            CatalogError::BadParameter { .. } | CatalogError::BadBody(_) => StatusCode::BAD_REQUEST,
            CatalogError::NotFound(_) => StatusCode::NOT_FOUND,
            CatalogError::Conflict(_) => StatusCode::CONFLICT,
            CatalogError::Database(_) | CatalogError::Migrate(_) | CatalogError::Corrupt { .. } => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }
}

impl IntoResponse for CatalogError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "catalog request failed");
        }
        let title = status.canonical_reason().unwrap_or("Error");
        let mut body = json!({
            "type": "about:blank",
            "title": title,
            "status": status.as_u16(),
            // Server errors do not leak database details to the client.
            "detail": if status.is_server_error() { "internal error".to_string() } else { self.to_string() },
        });
        if let CatalogError::BadParameter { parameter, .. } = &self {
            body["parameter"] = json!(parameter);
        }
        let mut response = (status, body.to_string()).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

/// Result alias of the catalog.
pub type Result<T, E = CatalogError> = std::result::Result<T, E>;
