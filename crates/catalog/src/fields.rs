//! The Fields extension: include and exclude members of returned Items.
//!
//! # References
//! - STAC API Fields extension v1.0.0: with only `exclude`, the full Item
//!   less the excluded members; with `include`, only the included members;
//!   a member both included and excluded is included; a more specific
//!   exclude (`properties.x`) removes from a broader include (`properties`).

use serde_json::{Map, Value};

use crate::error::{CatalogError, Result};

/// Members to include and exclude, as dotted paths (`properties.gsd`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// Included paths.
    pub include: Vec<String>,
    /// Excluded paths.
    pub exclude: Vec<String>,
}

impl Fields {
    /// Parses GET `fields`: comma-separated paths, `-` excludes, `+` (or a
    /// space from URL decoding, or nothing) includes.
    pub fn parse_get(text: &str) -> Fields {
        let mut fields = Fields::default();
        for part in text.split(',') {
            let part = part.trim_end();
            if let Some(p) = part.strip_prefix('-') {
                fields.exclude.push(p.trim().to_string());
            } else {
                let p = part.strip_prefix('+').unwrap_or(part).trim();
                if !p.is_empty() {
                    fields.include.push(p.to_string());
                }
            }
        }
        fields.exclude.retain(|p| !p.is_empty());
        fields
    }

    /// Parses POST `fields`: `{"include": [...], "exclude": [...]}`, either
    /// member null or absent.
    pub fn parse_json(value: &Value) -> Result<Fields> {
        let list = |name: &str| -> Result<Vec<String>> {
            match value.get(name) {
                None | Some(Value::Null) => Ok(Vec::new()),
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|v| {
                        v.as_str().map(str::to_string).ok_or_else(|| {
                            CatalogError::bad(format!("fields.{name}"), "expected strings")
                        })
                    })
                    .collect(),
                Some(_) => Err(CatalogError::bad(
                    format!("fields.{name}"),
                    "expected an array of field names",
                )),
            }
        };
        match value {
            Value::Null => Ok(Fields::default()),
            Value::Object(_) => Ok(Fields {
                include: list("include")?,
                exclude: list("exclude")?,
            }),
            _ => Err(CatalogError::bad(
                "fields",
                "expected an object with include/exclude",
            )),
        }
    }

    /// Applies the selection to an Item.
    pub fn apply(&self, item: Value) -> Value {
        if self.include.is_empty() && self.exclude.is_empty() {
            return item;
        }
        let mut out = if self.include.is_empty() {
            item
        } else {
            let mut selected = Value::Object(Map::new());
            for path in &self.include {
                if let Some(v) = get_path(&item, path) {
                    set_path(&mut selected, path, v.clone());
                }
            }
            selected
        };
        for path in &self.exclude {
            if self.include.contains(path) {
                continue;
            }
            // An exclude broader than an include keeps the included part.
            let shields_include = self.include.iter().any(|inc| {
                inc.starts_with(path.as_str()) && inc.as_bytes().get(path.len()) == Some(&b'.')
            });
            if shields_include {
                if let Value::Object(map) = &mut out {
                    if let Some(Value::Object(inner)) = path_parent_mut(map, path) {
                        let keep: Vec<String> = self
                            .include
                            .iter()
                            .filter_map(|inc| inc.strip_prefix(&format!("{path}.")))
                            .map(|rest| rest.split('.').next().unwrap_or(rest).to_string())
                            .collect();
                        inner.retain(|k, _| keep.contains(k));
                    }
                }
                continue;
            }
            remove_path(&mut out, path);
        }
        out
    }
}

fn get_path<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, key| v.get(key))
}

fn set_path(target: &mut Value, path: &str, value: Value) {
    let mut cursor = target;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, key) in parts.iter().enumerate() {
        let Value::Object(map) = cursor else { return };
        if i == parts.len() - 1 {
            map.insert((*key).to_string(), value);
            return;
        }
        cursor = map
            .entry((*key).to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

fn path_parent_mut<'a>(map: &'a mut Map<String, Value>, path: &str) -> Option<&'a mut Value> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    parts.try_fold(map.get_mut(first)?, |v, key| v.get_mut(key))
}

fn remove_path(target: &mut Value, path: &str) {
    match path.rsplit_once('.') {
        None => {
            if let Value::Object(map) = target {
                map.remove(path);
            }
        }
        Some((parent, last)) => {
            let mut cursor = Some(target);
            for key in parent.split('.') {
                cursor = cursor.and_then(|v| v.get_mut(key));
            }
            if let Some(Value::Object(map)) = cursor {
                map.remove(last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item() -> Value {
        json!({"id":"a","type":"Feature","geometry":{"type":"Point"},"assets":{"x":{}},
               "properties":{"datetime":"d","gsd":6.0}})
    }

    #[test]
    fn include_exclude_rules() {
        let only_id = Fields::parse_get("id").apply(item());
        assert_eq!(only_id, json!({"id":"a"}));
        let no_geometry = Fields::parse_get("-geometry").apply(item());
        assert!(no_geometry.get("geometry").is_none() && no_geometry.get("assets").is_some());
        let both = Fields::parse_get("+geometry,-geometry").apply(item());
        assert!(both.get("geometry").is_some());
        let nested = Fields::parse_get("-properties,+properties.gsd").apply(item());
        assert_eq!(nested, json!({"properties":{"gsd":6.0}}));
        let nested_exclude = Fields::parse_get("properties,-properties.gsd").apply(item());
        assert_eq!(nested_exclude, json!({"properties":{"datetime":"d"}}));
    }
}
