//! The Sort extension (`sortby`) and the paging token.
//!
//! Every sort is made total by appending `collection` and `id` ascending, so
//! that a page boundary is a single point of the order. The paging token is
//! the sort key of the last item of a page (keyset paging): the next page
//! starts strictly after it, so paging through a result visits every item
//! exactly once even when the sort key has ties.
//!
//! # References
//! - STAC API Sort extension v1.0.0 (`sortby=-properties.datetime,+id`;
//!   POST `[{"field": ..., "direction": "asc"|"desc"}]`).

use std::cmp::Ordering;

use serde_json::Value;

use crate::error::{CatalogError, Result};

/// A sort key held in an indexed column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Collection id (text).
    Collection,
    /// Item id (text).
    Id,
    /// `properties.datetime` (or `start_datetime` when null), µs.
    Datetime,
    /// `properties.start_datetime` (or `datetime`), µs.
    Start,
    /// `properties.end_datetime` (or `datetime`), µs.
    End,
}

impl Column {
    /// SQL column name.
    pub fn sql(self) -> &'static str {
        match self {
            Column::Collection => "collection",
            Column::Id => "id",
            Column::Datetime => "datetime_us",
            Column::Start => "start_us",
            Column::End => "end_us",
        }
    }

    /// Whether the column holds text (else a 64-bit integer).
    pub fn is_text(self) -> bool {
        matches!(self, Column::Collection | Column::Id)
    }
}

/// What a sort field refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortKey {
    /// An indexed column.
    Column(Column),
    /// Any other member of `properties`, by dotted path below it.
    Property(String),
}

/// One `sortby` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortField {
    /// The key.
    pub key: SortKey,
    /// Descending order.
    pub descending: bool,
}

fn key_of(field: &str, parameter: &str) -> Result<SortKey> {
    let name = field.strip_prefix("properties.").unwrap_or(field);
    let key = match name {
        "id" if field == "id" => SortKey::Column(Column::Id),
        "collection" if field == "collection" => SortKey::Column(Column::Collection),
        "datetime" => SortKey::Column(Column::Datetime),
        "start_datetime" => SortKey::Column(Column::Start),
        "end_datetime" => SortKey::Column(Column::End),
        "" => return Err(CatalogError::bad(parameter, "empty sort field")),
        _ if field.starts_with("properties.") => SortKey::Property(name.to_string()),
        "geometry" | "bbox" | "links" | "assets" | "type" | "stac_version" | "stac_extensions"
        | "properties" => {
            return Err(CatalogError::bad(
                parameter,
                format!("cannot sort by {field:?}; sort by id, collection or a property"),
            ));
        }
        _ => SortKey::Property(name.to_string()),
    };
    Ok(key)
}

/// Parses GET `sortby`: comma-separated fields, each optionally prefixed by
/// `+` (ascending, may arrive as a space after URL decoding) or `-`.
pub fn parse_sortby_get(text: &str) -> Result<Vec<SortField>> {
    text.split(',')
        .map(|part| {
            let part = part.trim_end();
            let (descending, field) = if let Some(f) = part.strip_prefix('-') {
                (true, f)
            } else if let Some(f) = part.strip_prefix('+') {
                (false, f)
            } else {
                (false, part.trim_start())
            };
            Ok(SortField {
                key: key_of(field.trim(), "sortby")?,
                descending,
            })
        })
        .collect()
}

/// Parses POST `sortby`: an array of `{"field", "direction"}` objects.
pub fn parse_sortby_json(value: &Value) -> Result<Vec<SortField>> {
    let Value::Array(list) = value else {
        return Err(CatalogError::bad(
            "sortby",
            "expected an array of {\"field\", \"direction\"} objects",
        ));
    };
    list.iter()
        .enumerate()
        .map(|(i, entry)| {
            let parameter = format!("sortby[{i}]");
            let field = entry
                .get("field")
                .and_then(Value::as_str)
                .ok_or_else(|| CatalogError::bad(&parameter, "missing string member `field`"))?;
            let descending = match entry.get("direction").and_then(Value::as_str) {
                None | Some("asc") => false,
                Some("desc") => true,
                Some(other) => {
                    return Err(CatalogError::bad(
                        &parameter,
                        format!("direction must be \"asc\" or \"desc\", found {other:?}"),
                    ));
                }
            };
            Ok(SortField {
                key: key_of(field, &parameter)?,
                descending,
            })
        })
        .collect()
}

/// The requested order made total: default `-datetime` when empty, then
/// `collection` and `id` ascending unless already present.
pub fn total_order(mut fields: Vec<SortField>) -> Vec<SortField> {
    if fields.is_empty() {
        fields.push(SortField {
            key: SortKey::Column(Column::Datetime),
            descending: true,
        });
    }
    for column in [Column::Collection, Column::Id] {
        if !fields.iter().any(|f| f.key == SortKey::Column(column)) {
            fields.push(SortField {
                key: SortKey::Column(column),
                descending: false,
            });
        }
    }
    fields
}

fn rank(v: &Value) -> u8 {
    match v {
        Value::Bool(_) => 0,
        Value::Number(_) => 1,
        Value::String(_) => 2,
        Value::Array(_) | Value::Object(_) => 3,
        Value::Null => 4,
    }
}

/// Ascending order of key values: booleans, numbers, strings, arrays and
/// objects, and nulls (missing properties) last.
pub fn compare_values(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => {
                let (x, y) = (
                    x.as_f64().unwrap_or(f64::NAN),
                    y.as_f64().unwrap_or(f64::NAN),
                );
                x.total_cmp(&y)
            }
        },
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Null, Value::Null) => Ordering::Equal,
        _ if rank(a) != rank(b) => rank(a).cmp(&rank(b)),
        _ => a.to_string().cmp(&b.to_string()),
    }
}

/// Compares two key tuples under `order`.
pub fn compare_keys(order: &[SortField], a: &[Value], b: &[Value]) -> Ordering {
    for ((field, x), y) in order.iter().zip(a).zip(b) {
        let o = compare_values(x, y);
        let o = if field.descending { o.reverse() } else { o };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// Encodes a paging token (hex of the JSON key tuple: URL-safe as it is).
pub fn encode_token(keys: &[Value]) -> String {
    let json = Value::Array(keys.to_vec()).to_string();
    json.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Decodes a paging token for `order`, checking that each key has the type
/// its column holds.
pub fn decode_token(token: &str, order: &[SortField]) -> Result<Vec<Value>> {
    let bad = || CatalogError::bad("token", "not a paging token issued for this sort order");
    if token.len() % 2 != 0 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    let bytes: Vec<u8> = (0..token.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&token[i..i + 2], 16))
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| bad())?;
    let Ok(Value::Array(keys)) = serde_json::from_slice::<Value>(&bytes) else {
        return Err(bad());
    };
    if keys.len() != order.len() {
        return Err(bad());
    }
    for (field, key) in order.iter().zip(&keys) {
        if let SortKey::Column(c) = field.key {
            let ok = if c.is_text() {
                key.is_string()
            } else {
                key.is_i64()
            };
            if !ok {
                return Err(bad());
            }
        }
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn get_sortby_forms() {
        let f = parse_sortby_get("-properties.datetime, id,+properties.eo:cloud_cover").unwrap();
        assert_eq!(
            f[0],
            SortField {
                key: SortKey::Column(Column::Datetime),
                descending: true
            }
        );
        assert_eq!(
            f[1],
            SortField {
                key: SortKey::Column(Column::Id),
                descending: false
            }
        );
        assert_eq!(f[2].key, SortKey::Property("eo:cloud_cover".into()));
        assert!(parse_sortby_get("geometry").is_err());
    }

    #[test]
    fn token_round_trip() {
        let order = total_order(vec![]);
        let keys = vec![json!(5), json!("c"), json!("i")];
        assert_eq!(decode_token(&encode_token(&keys), &order).unwrap(), keys);
        assert!(decode_token("zz", &order).is_err());
        assert!(
            decode_token(&encode_token(&[json!("x"), json!("c"), json!("i")]), &order).is_err()
        );
    }

    #[test]
    fn nulls_sort_last() {
        assert_eq!(compare_values(&json!(1), &Value::Null), Ordering::Less);
        assert_eq!(compare_values(&json!(2.5), &json!(10)), Ordering::Less);
    }
}
