//! The Filter extension: CQL2 text and CQL2 JSON.
//!
//! Parsing and evaluation use the `cql2` crate (Development Seed, MIT; the
//! library behind rustac and the stac-fastapi CQL2 tooling). It parses both
//! encodings into one expression tree and evaluates it against an Item's
//! JSON (`Expr::reduce`): comparison, logical, LIKE, IN, BETWEEN, IS NULL,
//! arithmetic, the S_* spatial predicates (exact, through `geo`'s DE-9IM
//! relate) and the T_* temporal predicates. Writing our own parser would
//! duplicate that and its OGC conformance tests.
//!
//! Timestamps in Items are plain strings; before evaluation the temporal
//! properties are wrapped as CQL2 `{"timestamp": ...}` literals so that
//! comparisons and T_* predicates compare instants, not text.
//!
//! # References
//! - OGC 21-065r2, Common Query Language (CQL2) 1.0.
//! - STAC API Filter extension (`filter`, `filter-lang`, `filter-crs`).

use cql2::Expr;
use serde_json::{Value, json};

use crate::error::{CatalogError, Result};

/// CRS the filter geometries are in (the only one supported).
pub const CRS84: &str = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

/// A parsed filter.
#[derive(Debug, Clone)]
pub struct Filter {
    expr: Expr,
}

impl Filter {
    /// Parses CQL2 text.
    pub fn from_text(text: &str) -> Result<Filter> {
        let expr = cql2::parse_text(text)
            .map_err(|e| CatalogError::bad("filter", format!("not valid cql2-text: {e}")))?;
        Ok(Filter { expr })
    }

    /// Parses CQL2 JSON (already decoded).
    pub fn from_json(value: &Value) -> Result<Filter> {
        let expr: Expr = serde_json::from_value(value.clone())
            .map_err(|e| CatalogError::bad("filter", format!("not valid cql2-json: {e}")))?;
        Ok(Filter { expr })
    }

    /// Parses `filter` in `filter-lang` (`cql2-text` or `cql2-json`).
    pub fn parse(filter: &Value, lang: Option<&str>, default_lang: &str) -> Result<Filter> {
        match lang.unwrap_or(default_lang) {
            "cql2-text" => match filter {
                Value::String(text) => Filter::from_text(text),
                _ => Err(CatalogError::bad(
                    "filter",
                    "cql2-text filter must be a string",
                )),
            },
            "cql2-json" => match filter {
                Value::String(text) => {
                    let value: Value = serde_json::from_str(text).map_err(|e| {
                        CatalogError::bad("filter", format!("cql2-json filter is not JSON: {e}"))
                    })?;
                    Filter::from_json(&value)
                }
                other => Filter::from_json(other),
            },
            other => Err(CatalogError::bad(
                "filter-lang",
                format!("expected \"cql2-text\" or \"cql2-json\", found {other:?}"),
            )),
        }
    }

    /// Checks `filter-crs`: only CRS84 (longitude, latitude) is supported.
    pub fn check_crs(crs: Option<&str>) -> Result<()> {
        match crs {
            None => Ok(()),
            Some(c) if c == CRS84 => Ok(()),
            Some(other) => Err(CatalogError::bad(
                "filter-crs",
                format!("only {CRS84} is supported, found {other:?}"),
            )),
        }
    }

    /// The filter as CQL2 text (for next links of GET searches).
    pub fn to_text(&self) -> Option<String> {
        self.expr.to_text().ok()
    }

    /// Whether `item` satisfies the filter. NULL or undecidable (a property
    /// the item lacks) is not a match.
    pub fn matches(&self, item: &Value) -> bool {
        let prepared = with_typed_times(item);
        matches!(
            self.expr.clone().reduce(Some(&prepared)),
            Ok(Expr::Bool(true))
        )
    }
}

const TIME_PROPERTIES: &[&str] = &[
    "datetime",
    "start_datetime",
    "end_datetime",
    "created",
    "updated",
];

fn with_typed_times(item: &Value) -> Value {
    let mut copy = item.clone();
    if let Some(Value::Object(props)) = copy.get_mut("properties") {
        for name in TIME_PROPERTIES {
            if let Some(Value::String(s)) = props.get(*name) {
                let typed = json!({ "timestamp": s });
                props.insert((*name).to_string(), typed);
            }
        }
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> Value {
        json!({
            "type": "Feature", "id": "spot7-1", "collection": "spot6-7",
            "geometry": {"type":"Polygon","coordinates":[[[49.0,40.0],[50.0,40.0],[50.0,41.0],[49.0,41.0],[49.0,40.0]]]},
            "properties": {"datetime": "2026-03-01T07:30:00Z", "eo:cloud_cover": 12.5, "platform": "spot-7", "gsd": 6.0}
        })
    }

    fn text(t: &str) -> bool {
        Filter::from_text(t).unwrap().matches(&item())
    }

    #[test]
    fn text_predicates() {
        assert!(text("\"eo:cloud_cover\" < 20 AND platform = 'spot-7'"));
        assert!(!text("\"eo:cloud_cover\" > 20"));
        assert!(text("platform LIKE 'spot%'"));
        assert!(text("platform IN ('spot-6', 'spot-7')"));
        assert!(text("gsd BETWEEN 1 AND 10"));
        assert!(text("missing IS NULL"));
        assert!(text("id = 'spot7-1'"));
        assert!(text("S_INTERSECTS(geometry, POINT(49.5 40.5))"));
        assert!(!text("S_INTERSECTS(geometry, POINT(48.5 40.5))"));
        assert!(text("datetime > TIMESTAMP('2026-02-01T00:00:00Z')"));
        assert!(text(
            "T_INTERSECTS(datetime, INTERVAL('2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z'))"
        ));
        assert!(text(
            "T_BEFORE(datetime, TIMESTAMP('2026-04-01T00:00:00Z'))"
        ));
        assert!(text("T_AFTER(datetime, TIMESTAMP('2026-01-01T00:00:00Z'))"));
        assert!(!text(
            "T_AFTER(datetime, TIMESTAMP('2026-04-01T00:00:00Z'))"
        ));
    }

    /// Every predicate of the spatial-functions and temporal-functions
    /// classes claimed in /conformance, on a 1°×1° footprint and an instant.
    #[test]
    fn claimed_spatial_and_temporal_functions() {
        assert!(text(
            "S_WITHIN(geometry, POLYGON((48 39, 51 39, 51 42, 48 42, 48 39)))"
        ));
        assert!(text("S_CONTAINS(geometry, POINT(49.5 40.5))"));
        assert!(text("S_DISJOINT(geometry, POINT(10 10))"));
        assert!(text("S_TOUCHES(geometry, POINT(49 40))"));
        assert!(text(
            "S_OVERLAPS(geometry, POLYGON((49.5 40.5, 51 40.5, 51 42, 49.5 42, 49.5 40.5)))"
        ));
        assert!(text("S_CROSSES(geometry, LINESTRING(48 40.5, 51 40.5))"));
        assert!(text(
            "S_EQUALS(geometry, POLYGON((49 40, 50 40, 50 41, 49 41, 49 40)))"
        ));
        assert!(!text("S_WITHIN(geometry, POINT(49.5 40.5))"));
        assert!(text(
            "T_DURING(datetime, INTERVAL('2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z'))"
        ));
        assert!(text(
            "T_EQUALS(datetime, TIMESTAMP('2026-03-01T07:30:00Z'))"
        ));
        assert!(text(
            "T_DISJOINT(datetime, INTERVAL('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'))"
        ));
        assert!(!text(
            "T_EQUALS(datetime, TIMESTAMP('2026-03-01T07:30:01Z'))"
        ));
    }

    #[test]
    fn json_equals_text() {
        let j = Filter::from_json(&json!({"op":"and","args":[
            {"op":"<","args":[{"property":"eo:cloud_cover"},20]},
            {"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[49.5,40.5]}]}
        ]}))
        .unwrap();
        assert!(j.matches(&item()));
        assert!(Filter::from_text("nonsense (((").is_err());
    }
}
