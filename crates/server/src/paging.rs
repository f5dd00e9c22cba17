//! `?limit=&cursor=` on every list, and the `next` link of each page
//! (also sent as an RFC 8288 `Link: <...>; rel="next"` header).

use std::collections::HashMap;

use axum::Json;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use silkway_store::paging::{DEFAULT_LIMIT, MAX_LIMIT};
use silkway_store::{Page, PageRequest};
use utoipa::{IntoParams, ToSchema};

use crate::problem::Problem;

/// Paging parameters of list endpoints.
#[derive(Debug, Clone, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PageQuery {
    /// Items per page, 1..=500 (default 50).
    limit: Option<u32>,
    /// Opaque cursor from the previous page's `next` link.
    cursor: Option<String>,
}

/// The validated paging request and the path to build `next` links on.
#[derive(Debug, Clone)]
pub struct Paging {
    /// What to read.
    pub request: PageRequest,
    path: String,
    other: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for Paging {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        let Query(params) = Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|e| Problem::bad_field("", format!("bad query string: {e}")))?;
        let limit = match params.get("limit") {
            None => DEFAULT_LIMIT,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(Problem::bad_field(
                        "limit",
                        format!("expected an integer in 1..={MAX_LIMIT}, found {s:?}"),
                    ));
                }
            },
        };
        let after = match params.get("cursor") {
            None => None,
            Some(c) => match c.parse::<i64>() {
                Ok(n) if n >= 0 => Some(n),
                _ => {
                    return Err(Problem::bad_field(
                        "cursor",
                        format!("not a cursor this server issued: {c:?}"),
                    ));
                }
            },
        };
        let mut other: Vec<(String, String)> = params
            .into_iter()
            .filter(|(k, _)| k != "limit" && k != "cursor")
            .collect();
        other.sort();
        Ok(Paging {
            request: PageRequest { limit, after },
            path: parts.uri.path().to_owned(),
            other,
        })
    }
}

/// One page of a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PageOut<T> {
    /// The items.
    pub items: Vec<T>,
    /// Link to the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

impl Paging {
    /// Wrap a store page into the response, with its `next` link.
    pub fn respond<T: Serialize>(&self, page: Page<T>) -> Response {
        let next = page.next_cursor.map(|c| {
            let mut q = format!("limit={}&cursor={}", self.request.limit, c);
            for (k, v) in &self.other {
                q.push_str(&format!("&{}={}", encode(k), encode(v)));
            }
            format!("{}?{q}", self.path)
        });
        let link = next.as_ref().map(|n| format!("<{n}>; rel=\"next\""));
        let mut resp = Json(PageOut {
            items: page.items,
            next,
        })
        .into_response();
        if let Some(v) = link.and_then(|l| HeaderValue::from_str(&l).ok()) {
            resp.headers_mut().insert(header::LINK, v);
        }
        resp
    }
}

/// Percent-encode a query component (RFC 3986 unreserved characters kept).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
