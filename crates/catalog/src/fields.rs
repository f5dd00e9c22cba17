//! The Fields extension: include and exclude members of returned Items.
//!
//! # References
//! - STAC API Fields extension v1.0.0:
//!   - no `fields` at all: the full Item;
//!   - `fields` present but selecting nothing (GET `fields=`, POST `{}` or
//!     `include`/`exclude` null or empty): the default set `type`,
//!     `stac_version`, `id`, `collection`, `geometry`, `bbox`, `links`,
//!     `assets`, `properties.datetime` (and the start/end datetimes);
//!   - only `exclude`: the full Item less the excluded members;
//!   - `exclude` with an explicit null or empty `include`: the default set
//!     less the excluded members;
//!   - `include`: the included members, plus the minimal entity `type`,
//!     `stac_version`, `id`, `collection`;
//!   - a member both included and excluded is included; an exclude broader
//!     than an include (`properties` versus `properties.gsd`) keeps the
//!     included part.

use serde_json::{Map, Value};

use crate::error::{CatalogError, Result};

/// The default set returned when `fields` is given but selects nothing.
const DEFAULT_SET: &[&str] = &[
    "type",
    "stac_version",
    "stac_extensions",
    "id",
    "collection",
    "geometry",
    "bbox",
    "links",
    "assets",
    "properties.datetime",
    "properties.start_datetime",
    "properties.end_datetime",
];

/// Members always returned with an `include` list (a minimal entity).
const MINIMAL_SET: &[&str] = &["type", "stac_version", "id", "collection"];

/// Where the selection starts from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Base {
    /// No `fields` parameter: the full item, nothing removed.
    #[default]
    Untouched,
    /// The full item less `exclude`.
    Full,
    /// The default set less `exclude`.
    Default,
    /// The minimal entity plus `include`, less `exclude`.
    Included,
}

/// Members to include and exclude, as dotted paths (`properties.gsd`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// Where the selection starts from.
    pub base: Base,
    /// Included paths.
    pub include: Vec<String>,
    /// Excluded paths.
    pub exclude: Vec<String>,
}

impl Fields {
    fn with_base(mut self, include_explicitly_empty: bool) -> Fields {
        self.base = if !self.include.is_empty() {
            Base::Included
        } else if self.exclude.is_empty() || include_explicitly_empty {
            Base::Default
        } else {
            Base::Full
        };
        self
    }

    /// Parses GET `fields`: comma-separated paths, `-` excludes, `+` (or a
    /// space from URL decoding, or nothing) includes.
    pub fn parse_get(text: &str) -> Fields {
        let mut fields = Fields::default();
        for part in text.split(',') {
            let part = part.trim_end();
            if let Some(p) = part.strip_prefix('-') {
                let p = p.trim();
                if !p.is_empty() {
                    fields.exclude.push(p.to_string());
                }
            } else {
                let p = part.strip_prefix('+').unwrap_or(part).trim();
                if !p.is_empty() {
                    fields.include.push(p.to_string());
                }
            }
        }
        fields.with_base(false)
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
            Value::Object(map) => {
                let fields = Fields {
                    base: Base::Untouched,
                    include: list("include")?,
                    exclude: list("exclude")?,
                };
                Ok(fields.with_base(map.contains_key("include")))
            }
            _ => Err(CatalogError::bad(
                "fields",
                format!("expected an object with include/exclude arrays, found {value}"),
            )),
        }
    }

    /// Applies the selection to an Item.
    pub fn apply(&self, item: Value) -> Value {
        let project = |paths: &mut dyn Iterator<Item = &str>| {
            let mut selected = Value::Object(Map::new());
            for path in paths {
                if let Some(v) = get_path(&item, path) {
                    set_path(&mut selected, path, v.clone());
                }
            }
            selected
        };
        let mut out = match self.base {
            Base::Untouched => return item,
            Base::Full => item.clone(),
            Base::Default => project(&mut DEFAULT_SET.iter().copied()),
            Base::Included => project(
                &mut MINIMAL_SET
                    .iter()
                    .copied()
                    .chain(self.include.iter().map(String::as_str)),
            ),
        };
        for path in &self.exclude {
            if self.include.contains(path) {
                continue;
            }
            // An exclude broader than an include keeps the included part.
            let kept: Vec<&str> = self
                .include
                .iter()
                .filter_map(|inc| inc.strip_prefix(path.as_str())?.strip_prefix('.'))
                .map(|rest| rest.split('.').next().unwrap_or(rest))
                .collect();
            if kept.is_empty() {
                remove_path(&mut out, path);
            } else if let Value::Object(map) = &mut out {
                if let Some(Value::Object(inner)) = path_parent_mut(map, path) {
                    inner.retain(|k, _| kept.contains(&k.as_str()));
                }
            }
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
        assert_eq!(only_id, json!({"id":"a","type":"Feature"}));
        let no_geometry = Fields::parse_get("-geometry").apply(item());
        assert!(no_geometry.get("geometry").is_none());
        assert_eq!(no_geometry["properties"]["gsd"], 6.0);
        let both = Fields::parse_get("+geometry,-geometry").apply(item());
        assert!(both.get("geometry").is_some());
        let nested = Fields::parse_get("-properties,+properties.gsd").apply(item());
        assert_eq!(
            nested,
            json!({"id":"a","type":"Feature","properties":{"gsd":6.0}})
        );
        let nested_exclude = Fields::parse_get("properties,-properties.gsd").apply(item());
        assert_eq!(nested_exclude["properties"], json!({"datetime":"d"}));
        let default = Fields::parse_get("").apply(item());
        assert_eq!(default["properties"], json!({"datetime":"d"}));
        assert!(default.get("assets").is_some());
        let explicit_empty = Fields::parse_json(&json!({"exclude": ["geometry"], "include": []}))
            .unwrap()
            .apply(item());
        assert!(explicit_empty.get("geometry").is_none());
        assert!(explicit_empty["properties"].get("gsd").is_none());
        assert!(Fields::parse_json(&Value::Null).is_err());
        assert_eq!(Fields::parse_json(&json!({})).unwrap().base, Base::Default);
    }
}
