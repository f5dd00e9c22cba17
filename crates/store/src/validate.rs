//! Validating a write: apply it to the stored scenario and run
//! silkway-model's rules ([`silkway_model::Scenario::problems`]) on the
//! result. Problems at the written document are the caller's input errors
//! (422); new problems elsewhere mean the change would break another
//! document, e.g. deleting a node a link still ends at (409).

use std::collections::HashSet;

use serde_json::Value;
use silkway_model::Scenario;

use crate::error::{FieldProblem, Result, StoreError};
use crate::kind::Kind;
use crate::scenario_doc::{ScenarioDoc, position};

/// Apply an upsert (`Some(body)`) or a removal (`None`) of `kind`/`id` to
/// `doc` and validate; returns the resulting scenario and, for an upsert,
/// the document as the model normalises it (defaults filled in).
pub(crate) fn apply(
    doc: &mut ScenarioDoc,
    kind: Kind,
    id: &str,
    body: Option<&Value>,
) -> Result<(Scenario, Option<Value>)> {
    let before: HashSet<String> = match doc.to_scenario() {
        Ok(sc) => sc
            .problems()
            .into_iter()
            .map(|(p, m)| format!("{p}: {m}"))
            .collect(),
        Err(_) => HashSet::new(),
    };
    let Some(list) = doc.list_mut(kind) else {
        return Err(StoreError::invalid(
            kind.as_str(),
            "",
            "not a scenario kind",
        ));
    };
    let index = match (body, position(list, id)) {
        (Some(b), Some(i)) => {
            list[i] = b.clone();
            Some(i)
        }
        (Some(b), None) => {
            list.push(b.clone());
            Some(list.len() - 1)
        }
        (None, Some(i)) => {
            list.remove(i);
            None
        }
        (None, None) => None,
    };
    let prefix = index.map(|i| format!("{kind}[{i}]"));
    let strip = |path: &str| -> Option<String> {
        let p = prefix.as_deref()?;
        let rest = path.strip_prefix(p)?;
        if rest.is_empty() {
            Some(String::new())
        } else if let Some(r) = rest.strip_prefix('.') {
            Some(r.to_owned())
        } else if rest.starts_with('[') {
            Some(rest.to_owned())
        } else {
            None
        }
    };
    let sc = doc.to_scenario().map_err(|p| StoreError::Invalid {
        kind: kind.to_string(),
        problems: vec![FieldProblem::new(
            strip(&p.field).unwrap_or(p.field),
            p.message,
        )],
    })?;
    let mut own = Vec::new();
    let mut elsewhere = Vec::new();
    for (path, message) in sc.problems() {
        let path = path.to_string();
        if before.contains(&format!("{path}: {message}")) {
            continue;
        }
        match strip(&path) {
            Some(field) => own.push(FieldProblem::new(field, message)),
            None => elsewhere.push(format!("{path}: {message}")),
        }
    }
    if !own.is_empty() {
        return Err(StoreError::Invalid {
            kind: kind.to_string(),
            problems: own,
        });
    }
    if !elsewhere.is_empty() {
        return Err(StoreError::Conflict {
            message: format!(
                "this change to {kind} {id:?} would break other documents: {}",
                elsewhere.join("; ")
            ),
        });
    }
    let normalised = match index {
        Some(i) => serde_json::to_value(&sc)
            .ok()
            .and_then(|v| v.get(kind.as_str()).and_then(|l| l.get(i)).cloned()),
        None => None,
    };
    Ok((sc, normalised))
}

/// The id a submitted document carries: a non-empty string of letters,
/// digits, `-`, `_` or `.` (the model's id rule).
pub(crate) fn document_id(kind: Kind, body: &Value) -> Result<String> {
    if !body.is_object() {
        return Err(StoreError::invalid(
            kind.as_str(),
            "",
            "expected a JSON object",
        ));
    }
    let id = match body.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(StoreError::invalid(
                kind.as_str(),
                "id",
                format!("expected a string, found {other}"),
            ));
        }
        None => {
            return Err(StoreError::invalid(
                kind.as_str(),
                "id",
                "missing field `id`",
            ));
        }
    };
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(id)
    } else {
        Err(StoreError::invalid(
            kind.as_str(),
            "id",
            format!("ids use letters, digits, '-', '_' or '.', and are not empty; found {id:?}"),
        ))
    }
}
