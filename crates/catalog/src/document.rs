//! Validation and normalisation of STAC Items and Collections written
//! through the transaction endpoints, and the index columns derived from
//! an Item.
//!
//! # References
//! - STAC Item specification 1.1.0 (required fields, `datetime` null only
//!   with `start_datetime` and `end_datetime`).
//! - STAC Collection specification 1.1.0 (required `description`,
//!   `license`, `extent`).

use serde_json::{Map, Value, json};

use crate::datetime::{EpochUs, parse_rfc3339_us};
use crate::error::{CatalogError, Result};
use crate::spatial::{bbox_of, geometry_from_json};

/// STAC version written into documents that do not state one.
pub const STAC_VERSION: &str = "1.1.0";

/// Link relations the server writes itself; stored documents never keep them.
const SERVER_RELS: &[&str] = &["self", "root", "parent", "collection", "items"];

/// An Item ready to store, with the columns the search indexes.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRecord {
    /// Collection id.
    pub collection: String,
    /// Item id.
    pub id: String,
    /// `datetime`, or `start_datetime` when `datetime` is null; µs since epoch.
    pub datetime_us: EpochUs,
    /// Start of the item's time span; µs since epoch.
    pub start_us: EpochUs,
    /// End of the item's time span; µs since epoch.
    pub end_us: EpochUs,
    /// Index box `[west, south, east, north]` in degrees; an item crossing
    /// the antimeridian is indexed with the full longitude range.
    pub index_bbox: Option<[f64; 4]>,
    /// The normalised Item (without server-written links).
    pub body: Value,
}

fn bad(parameter: &str, detail: impl Into<String>) -> CatalogError {
    CatalogError::bad(parameter, detail)
}

/// Checks an id used in URL paths: non-empty, no `/`, at most 255 bytes.
pub fn check_id(id: &str, parameter: &str) -> Result<()> {
    if id.is_empty() || id.len() > 255 || id.contains('/') || id.chars().any(char::is_control) {
        return Err(bad(
            parameter,
            format!("expected a non-empty id of at most 255 bytes without '/', found {id:?}"),
        ));
    }
    Ok(())
}

fn strip_server_links(object: &mut Map<String, Value>, what: &str) -> Result<()> {
    let links = object.entry("links").or_insert_with(|| json!([]));
    let Value::Array(list) = links else {
        return Err(bad(
            &format!("{what}.links"),
            "expected an array of link objects",
        ));
    };
    for (i, link) in list.iter().enumerate() {
        if link.get("href").and_then(Value::as_str).is_none()
            || link.get("rel").and_then(Value::as_str).is_none()
        {
            return Err(bad(
                &format!("{what}.links[{i}]"),
                "a link needs string members `href` and `rel`",
            ));
        }
    }
    list.retain(|link| {
        let rel = link.get("rel").and_then(Value::as_str).unwrap_or_default();
        !SERVER_RELS.contains(&rel)
    });
    Ok(())
}

fn time_property(props: &Map<String, Value>, name: &str) -> Result<Option<EpochUs>> {
    match props.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => parse_rfc3339_us(s).map(Some).ok_or_else(|| {
            bad(
                &format!("properties.{name}"),
                format!("expected an RFC 3339 date-time, found {s:?}"),
            )
        }),
        Some(other) => Err(bad(
            &format!("properties.{name}"),
            format!("expected an RFC 3339 date-time string, found {other}"),
        )),
    }
}

/// Validates and normalises an Item for `collection`.
///
/// `expected_id` (from the URL of a PUT) must equal the Item's `id`.
pub fn item_record(
    mut item: Value,
    collection: &str,
    expected_id: Option<&str>,
) -> Result<ItemRecord> {
    let Some(object) = item.as_object_mut() else {
        return Err(bad("item", "expected a GeoJSON Feature object"));
    };
    match object.get("type").and_then(Value::as_str) {
        Some("Feature") => {}
        other => {
            return Err(bad(
                "type",
                format!("expected \"Feature\", found {other:?}"),
            ));
        }
    }
    let id = match object.get("id") {
        Some(Value::String(id)) => id.clone(),
        other => return Err(bad("id", format!("expected a string id, found {other:?}"))),
    };
    check_id(&id, "id")?;
    if let Some(expected) = expected_id {
        if expected != id {
            return Err(bad(
                "id",
                format!("the body's id {id:?} differs from the URL's {expected:?}"),
            ));
        }
    }
    match object.get("collection") {
        None | Some(Value::Null) => {}
        Some(Value::String(c)) if c == collection => {}
        Some(other) => {
            return Err(bad(
                "collection",
                format!("the item names collection {other}, but is written to {collection:?}"),
            ));
        }
    }
    object.insert("collection".into(), json!(collection));
    object
        .entry("stac_version")
        .or_insert_with(|| json!(STAC_VERSION));
    match object.entry("stac_extensions").or_insert_with(|| json!([])) {
        Value::Array(list) if list.iter().all(Value::is_string) => {}
        _ => return Err(bad("stac_extensions", "expected an array of schema URLs")),
    }
    match object.entry("assets").or_insert_with(|| json!({})) {
        Value::Object(assets) => {
            for (key, asset) in assets.iter() {
                if asset.get("href").and_then(Value::as_str).is_none() {
                    return Err(bad(
                        &format!("assets.{key}.href"),
                        "every asset needs a string href",
                    ));
                }
            }
        }
        _ => return Err(bad("assets", "expected an object of assets")),
    }
    strip_server_links(object, "item")?;

    let geometry = match object.get("geometry") {
        None => return Err(bad("geometry", "required (a GeoJSON geometry or null)")),
        Some(Value::Null) => None,
        Some(g) => Some(geometry_from_json(g).map_err(|e| bad("geometry", e))?),
    };
    let index_bbox = match (object.get("bbox"), &geometry) {
        (Some(Value::Array(values)), Some(_)) => {
            let numbers: Option<Vec<f64>> = values.iter().map(Value::as_f64).collect();
            let numbers = numbers.ok_or_else(|| bad("bbox", "expected numbers"))?;
            let (w, s, e, n) = match numbers.as_slice() {
                [w, s, e, n] | [w, s, _, e, n, _] => (*w, *s, *e, *n),
                _ => {
                    return Err(bad(
                        "bbox",
                        format!("expected 4 or 6 numbers, found {}", numbers.len()),
                    ));
                }
            };
            if s > n {
                return Err(bad("bbox", "south is north of north"));
            }
            if w > e {
                Some([-180.0, s, 180.0, n])
            } else {
                Some([w, s, e, n])
            }
        }
        (None | Some(Value::Null), Some(g)) => {
            let b = bbox_of(g).ok_or_else(|| bad("geometry", "the geometry is empty"))?;
            object.insert("bbox".into(), json!(b));
            Some(b)
        }
        (Some(_), Some(_)) => return Err(bad("bbox", "expected an array of numbers")),
        (_, None) => {
            object.remove("bbox");
            None
        }
    };

    let Some(Value::Object(props)) = object.get("properties") else {
        return Err(bad("properties", "expected an object"));
    };
    let datetime = time_property(props, "datetime")?;
    let start = time_property(props, "start_datetime")?;
    let end = time_property(props, "end_datetime")?;
    if props.get("datetime").is_none() {
        return Err(bad(
            "properties.datetime",
            "required (an RFC 3339 date-time or null)",
        ));
    }
    let (datetime_us, start_us, end_us) = match (datetime, start, end) {
        (Some(dt), Some(s), Some(e)) => (dt, s, e),
        (Some(dt), None, None) => (dt, dt, dt),
        (None, Some(s), Some(e)) => (s, s, e),
        (Some(_), _, _) => {
            return Err(bad(
                "properties.start_datetime",
                "start_datetime and end_datetime go together",
            ));
        }
        (None, _, _) => {
            return Err(bad(
                "properties.datetime",
                "null datetime needs both start_datetime and end_datetime",
            ));
        }
    };
    if start_us > end_us {
        return Err(bad(
            "properties.end_datetime",
            "end_datetime is before start_datetime",
        ));
    }
    Ok(ItemRecord {
        collection: collection.to_string(),
        id,
        datetime_us,
        start_us,
        end_us,
        index_bbox,
        body: item,
    })
}

/// Validates and normalises a Collection; `expected_id` comes from the URL
/// of a PUT.
pub fn collection_document(
    mut collection: Value,
    expected_id: Option<&str>,
) -> Result<(String, Value)> {
    let Some(object) = collection.as_object_mut() else {
        return Err(bad("collection", "expected a STAC Collection object"));
    };
    match object.entry("type").or_insert_with(|| json!("Collection")) {
        Value::String(t) if t == "Collection" => {}
        other => {
            return Err(bad(
                "type",
                format!("expected \"Collection\", found {other}"),
            ));
        }
    }
    let id = match object.get("id") {
        Some(Value::String(id)) => id.clone(),
        other => return Err(bad("id", format!("expected a string id, found {other:?}"))),
    };
    check_id(&id, "id")?;
    if let Some(expected) = expected_id {
        if expected != id {
            return Err(bad(
                "id",
                format!("the body's id {id:?} differs from the URL's {expected:?}"),
            ));
        }
    }
    object
        .entry("stac_version")
        .or_insert_with(|| json!(STAC_VERSION));
    for field in ["description", "license"] {
        if !object.get(field).is_some_and(Value::is_string) {
            return Err(bad(field, "required string"));
        }
    }
    let extent = object
        .get("extent")
        .ok_or_else(|| bad("extent", "required (spatial and temporal extent)"))?;
    if !extent.pointer("/spatial/bbox").is_some_and(Value::is_array) {
        return Err(bad(
            "extent.spatial.bbox",
            "expected an array of bounding boxes",
        ));
    }
    if !extent
        .pointer("/temporal/interval")
        .is_some_and(Value::is_array)
    {
        return Err(bad(
            "extent.temporal.interval",
            "expected an array of intervals",
        ));
    }
    strip_server_links(object, "collection")?;
    Ok((id, collection))
}

/// RFC 7396 JSON Merge Patch: applies `patch` to `target`.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch_map) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = json!({});
    }
    let Value::Object(target_map) = target else {
        return;
    };
    for (key, value) in patch_map {
        if value.is_null() {
            target_map.remove(key);
        } else {
            merge_patch(target_map.entry(key.clone()).or_insert(Value::Null), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> Value {
        json!({
            "type": "Feature", "id": "a", "geometry": {"type":"Point","coordinates":[50.0, 40.0]},
            "properties": {"datetime": "2026-01-01T00:00:00Z"},
            "links": [{"rel":"self","href":"http://x"}, {"rel":"license","href":"http://l"}]
        })
    }

    #[test]
    fn items_are_normalised() {
        let r = item_record(item(), "c", None).unwrap();
        assert_eq!(r.body["collection"], "c");
        assert_eq!(r.body["bbox"], json!([50.0, 40.0, 50.0, 40.0]));
        assert_eq!(r.body["links"].as_array().unwrap().len(), 1);
        assert_eq!(r.start_us, r.end_us);
    }

    #[test]
    fn bad_items_name_the_field() {
        let mut no_dt = item();
        no_dt["properties"] = json!({});
        let e = item_record(no_dt, "c", None).unwrap_err();
        assert!(
            matches!(e, CatalogError::BadParameter { ref parameter, .. } if parameter == "properties.datetime")
        );
        let e = item_record(item(), "c", Some("b")).unwrap_err();
        assert!(matches!(e, CatalogError::BadParameter { ref parameter, .. } if parameter == "id"));
    }

    #[test]
    fn merge_patch_follows_rfc7396() {
        // RFC 7396 §3 example.
        let mut target = json!({"a":"b","c":{"d":"e","f":"g"}});
        merge_patch(&mut target, &json!({"a":"z","c":{"f":null}}));
        assert_eq!(target, json!({"a":"z","c":{"d":"e"}}));
    }
}
