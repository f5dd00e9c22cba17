//! Item Search parameters, from a GET query string or a POST JSON body.
//!
//! # References
//! - STAC API Item Search v1.0.0 (`bbox`, `intersects`, `datetime`, `ids`,
//!   `collections`, `limit`), with the Sort, Fields and Filter extensions.

use serde_json::{Map, Value};

use crate::datetime::Interval;
use crate::error::{CatalogError, Result};
use crate::fields::Fields;
use crate::filter::Filter;
use crate::sort::{SortField, parse_sortby_get, parse_sortby_json};
use crate::spatial::{Region, parse_bbox_csv};

/// Items per page when `limit` is absent.
pub const DEFAULT_LIMIT: usize = 10;
/// Largest accepted `limit` (OGC API Features allows servers a maximum).
pub const MAX_LIMIT: usize = 10_000;

/// A parsed search.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Restrict to these collections.
    pub collections: Option<Vec<String>>,
    /// Restrict to these item ids.
    pub ids: Option<Vec<String>>,
    /// `bbox` or `intersects`.
    pub region: Option<Region>,
    /// `datetime`.
    pub datetime: Option<Interval>,
    /// Page size.
    pub limit: usize,
    /// Requested order (before tie-breakers).
    pub sortby: Vec<SortField>,
    /// Fields selection.
    pub fields: Fields,
    /// CQL2 filter.
    pub filter: Option<Filter>,
    /// Paging token.
    pub token: Option<String>,
}

/// The query pairs of a GET request, kept to build next links.
pub type QueryPairs = Vec<(String, String)>;

fn list_csv(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_limit_text(text: &str) -> Result<usize> {
    let limit: i64 = text.trim().parse().map_err(|_| {
        CatalogError::bad(
            "limit",
            format!("expected an integer 1..={MAX_LIMIT}, found {text:?}"),
        )
    })?;
    check_limit(limit)
}

fn check_limit(limit: i64) -> Result<usize> {
    if limit < 1 {
        return Err(CatalogError::bad(
            "limit",
            format!("expected an integer 1..={MAX_LIMIT}, found {limit}"),
        ));
    }
    // Larger values are served as the maximum (OGC API Features §7.15.3).
    Ok((limit as usize).min(MAX_LIMIT))
}

impl SearchRequest {
    /// Parses GET parameters. `collection` fixes the collection (the
    /// `/collections/{id}/items` endpoint).
    pub fn from_query(pairs: &QueryPairs, collection: Option<&str>) -> Result<SearchRequest> {
        let mut request = SearchRequest {
            limit: DEFAULT_LIMIT,
            ..Default::default()
        };
        let get = |name: &str| {
            pairs
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        if let Some(c) = collection {
            request.collections = Some(vec![c.to_string()]);
        } else if let Some(c) = get("collections") {
            request.collections = Some(list_csv(c));
        }
        if let Some(ids) = get("ids") {
            request.ids = Some(list_csv(ids));
        }
        if get("bbox").is_some() && get("intersects").is_some() {
            return Err(CatalogError::bad(
                "intersects",
                "bbox and intersects are mutually exclusive",
            ));
        }
        if let Some(b) = get("bbox") {
            request.region = Some(Region::from_bbox(&parse_bbox_csv(b, "bbox")?, "bbox")?);
        }
        if let Some(i) = get("intersects") {
            let value: Value = serde_json::from_str(i)
                .map_err(|e| CatalogError::bad("intersects", format!("not JSON: {e}")))?;
            request.region = Some(Region::from_geojson(&value, "intersects")?);
        }
        if let Some(d) = get("datetime") {
            request.datetime = Some(Interval::parse(d, "datetime")?);
        }
        if let Some(l) = get("limit") {
            request.limit = parse_limit_text(l)?;
        }
        if let Some(s) = get("sortby").filter(|s| !s.trim().is_empty()) {
            request.sortby = parse_sortby_get(s)?;
        }
        if let Some(f) = get("fields") {
            request.fields = Fields::parse_get(f);
        }
        Filter::check_crs(get("filter-crs"))?;
        if let Some(f) = get("filter") {
            request.filter = Some(Filter::parse(
                &Value::String(f.to_string()),
                get("filter-lang"),
                "cql2-text",
            )?);
        } else if let Some(lang) = get("filter-lang") {
            Filter::parse(&Value::String("true".into()), Some(lang), "cql2-text")?;
        }
        request.token = get("token").map(str::to_string);
        Ok(request)
    }

    /// Parses a POST body.
    pub fn from_body(body: &Value) -> Result<SearchRequest> {
        let Value::Object(map) = body else {
            return Err(CatalogError::BadBody(
                "the search body must be a JSON object".into(),
            ));
        };
        let mut request = SearchRequest {
            limit: DEFAULT_LIMIT,
            ..Default::default()
        };
        let get = |name: &str| map.get(name).filter(|v| !v.is_null());
        request.collections = get("collections")
            .map(|v| strings(v, "collections"))
            .transpose()?;
        request.ids = get("ids").map(|v| strings(v, "ids")).transpose()?;
        if get("bbox").is_some() && get("intersects").is_some() {
            return Err(CatalogError::bad(
                "intersects",
                "bbox and intersects are mutually exclusive",
            ));
        }
        if let Some(b) = get("bbox") {
            let numbers = b
                .as_array()
                .and_then(|a| a.iter().map(Value::as_f64).collect::<Option<Vec<f64>>>())
                .ok_or_else(|| {
                    CatalogError::bad("bbox", format!("expected an array of numbers, found {b}"))
                })?;
            request.region = Some(Region::from_bbox(&numbers, "bbox")?);
        }
        if let Some(i) = get("intersects") {
            request.region = Some(Region::from_geojson(i, "intersects")?);
        }
        if let Some(d) = get("datetime") {
            let text = d
                .as_str()
                .ok_or_else(|| CatalogError::bad("datetime", "expected a string"))?;
            request.datetime = Some(Interval::parse(text, "datetime")?);
        }
        if let Some(l) = get("limit") {
            let limit = l.as_i64().ok_or_else(|| {
                CatalogError::bad("limit", format!("expected an integer, found {l}"))
            })?;
            request.limit = check_limit(limit)?;
        }
        if let Some(s) = get("sortby") {
            request.sortby = parse_sortby_json(s)?;
        }
        if let Some(f) = map.get("fields") {
            request.fields = Fields::parse_json(f)?;
        }
        Filter::check_crs(get("filter-crs").and_then(Value::as_str))?;
        let lang = match get("filter-lang") {
            None => None,
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => return Err(CatalogError::bad("filter-lang", "expected a string")),
        };
        if let Some(f) = get("filter") {
            request.filter = Some(Filter::parse(f, lang, "cql2-json")?);
        }
        request.token = match get("token") {
            None => None,
            Some(Value::String(t)) => Some(t.clone()),
            Some(_) => return Err(CatalogError::bad("token", "expected a string")),
        };
        Ok(request)
    }
}

/// An array of strings; a single string is taken as a comma-separated list
/// (clients such as stac-api-validator send `"collections": "id"`).
fn strings(value: &Value, parameter: &str) -> Result<Vec<String>> {
    if let Value::String(text) = value {
        return Ok(list_csv(text));
    }
    value
        .as_array()
        .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect())
        .ok_or_else(|| {
            CatalogError::bad(
                parameter,
                format!("expected an array of strings, found {value}"),
            )
        })
}

/// A POST body with `token` replaced (for next links).
pub fn body_with_token(body: &Value, token: &str) -> Value {
    let mut map = body.as_object().cloned().unwrap_or_else(Map::new);
    map.insert("token".into(), Value::String(token.to_string()));
    Value::Object(map)
}

/// A query string with `token` replaced (for next links).
pub fn query_with_token(pairs: &QueryPairs, token: &str) -> String {
    let mut out = String::new();
    for (k, v) in pairs.iter().filter(|(k, _)| k != "token") {
        out.push_str(&percent_encode(k));
        out.push('=');
        out.push_str(&percent_encode(v));
        out.push('&');
    }
    out.push_str("token=");
    out.push_str(token);
    out
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pairs(list: &[(&str, &str)]) -> QueryPairs {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn bad_inputs_name_their_parameter() {
        for (k, v) in [
            ("bbox", "[1,2,3,4]"),
            ("bbox", "1,2,3"),
            ("datetime", "2020-13-01T00:00:00Z"),
            ("limit", "0"),
            ("limit", "ten"),
            ("sortby", "geometry"),
            ("filter", "a = "),
            ("filter-lang", "cql3"),
            ("intersects", "{\"type\":\"Point\"}"),
        ] {
            let e = SearchRequest::from_query(&pairs(&[(k, v)]), None).unwrap_err();
            match e {
                CatalogError::BadParameter { parameter, .. } => assert_eq!(parameter, k, "{k}={v}"),
                other => panic!("{k}={v}: {other:?}"),
            }
        }
        let e = SearchRequest::from_body(&json!({"bbox": "1,2,3,4"})).unwrap_err();
        assert!(matches!(e, CatalogError::BadParameter { parameter, .. } if parameter == "bbox"));
    }

    #[test]
    fn next_query_replaces_the_token() {
        let q = query_with_token(
            &pairs(&[("sortby", "-properties.datetime"), ("token", "00")]),
            "ab",
        );
        assert_eq!(q, "sortby=-properties.datetime&token=ab");
    }
}
