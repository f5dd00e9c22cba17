//! Validation of the documents that are not part of a scenario: link
//! budget definitions (silkway-link's link file) and Earth-observation
//! tasking requests and orders (JSON documents whose `status` is indexed).

use serde_json::{Map, Value};
use silkway_link::LinkFile;

use crate::error::{FieldProblem, Result, StoreError};
use crate::kind::Kind;

/// Check and normalise a non-scenario document; returns the body to store
/// and the value of the indexed `status` column.
pub(crate) fn normalise(kind: Kind, body: Value) -> Result<(Value, Option<String>)> {
    match kind {
        Kind::LinkDefinitions => link_definition(body).map(|b| (b, None)),
        _ => {
            let status = match body.get("status") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                Some(other) => {
                    return Err(StoreError::invalid(
                        kind.as_str(),
                        "status",
                        format!("expected a non-empty string, found {other}"),
                    ));
                }
            };
            Ok((body, status))
        }
    }
}

/// `{"id", "description"?, "link": {...}}` or `{"id", "description"?,
/// "toml": "..."}` (the link file as TOML text); stored as the former.
fn link_definition(body: Value) -> Result<Value> {
    let kind = Kind::LinkDefinitions.as_str();
    let Value::Object(mut map) = body else {
        return Err(StoreError::invalid(kind, "", "expected a JSON object"));
    };
    for key in map.keys() {
        if !matches!(key.as_str(), "id" | "description" | "link" | "toml") {
            return Err(StoreError::invalid(
                kind,
                key,
                "unknown field, expected one of `id`, `description`, `link`, `toml`",
            ));
        }
    }
    let file: LinkFile = match (map.remove("link"), map.remove("toml")) {
        (Some(link), None) => {
            serde_path_to_error::deserialize(&link).map_err(|e| StoreError::Invalid {
                kind: kind.to_owned(),
                problems: vec![FieldProblem::new(
                    format!("link.{}", e.path()),
                    e.inner().to_string(),
                )],
            })?
        }
        (None, Some(Value::String(text))) => LinkFile::from_toml_str(&text)
            .map_err(|e| StoreError::invalid(kind, "toml", e.to_string()))?,
        (None, Some(_)) => {
            return Err(StoreError::invalid(
                kind,
                "toml",
                "expected the link file as a string",
            ));
        }
        (Some(_), Some(_)) => {
            return Err(StoreError::invalid(
                kind,
                "link",
                "give either `link` or `toml`, not both",
            ));
        }
        (None, None) => {
            return Err(StoreError::invalid(
                kind,
                "link",
                "missing field `link` (or `toml`)",
            ));
        }
    };
    if let Err(e) = file.resolve() {
        let field = match &e {
            silkway_link::Error::InvalidInput { field, .. }
            | silkway_link::Error::InvalidField { field, .. } => format!("link.{field}"),
            _ => "link".to_owned(),
        };
        return Err(StoreError::invalid(kind, &field, e.to_string()));
    }
    let link = serde_json::to_value(&file)
        .map_err(|e| StoreError::invalid(kind, "link", e.to_string()))?;
    let mut out = Map::new();
    if let Some(id) = map.remove("id") {
        out.insert("id".into(), id);
    }
    if let Some(d) = map.remove("description") {
        out.insert("description".into(), d);
    }
    out.insert("link".into(), link);
    Ok(Value::Object(out))
}
