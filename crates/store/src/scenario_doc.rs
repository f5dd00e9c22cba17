//! The stored scenario as one JSON document: the lists of every scenario
//! kind in insertion order, plus the scenario's name and description from
//! the `meta` table. Writes are validated by applying them to this
//! document and running silkway-model's rules on the result.

use serde_json::{Map, Value};
use silkway_model::Scenario;
use sqlx::{AnyConnection, Row};

use crate::error::{FieldProblem, Result, StoreError};
use crate::kind::Kind;

pub(crate) const META_NAME: &str = "scenario.name";
pub(crate) const META_DESCRIPTION: &str = "scenario.description";

/// Scenario name used when nothing was loaded.
pub(crate) const EMPTY_NAME: &str = "silkway";

#[derive(Debug, Clone)]
pub(crate) struct ScenarioDoc {
    pub name: String,
    pub description: String,
    pub lists: Vec<(Kind, Vec<Value>)>,
}

impl ScenarioDoc {
    /// Read every scenario document inside the caller's connection or transaction.
    pub async fn read(conn: &mut AnyConnection) -> Result<Self> {
        let mut name = EMPTY_NAME.to_owned();
        let mut description = String::new();
        for row in sqlx::query("SELECT key, value FROM meta")
            .fetch_all(&mut *conn)
            .await?
        {
            let key: String = row.try_get("key")?;
            let value: String = row.try_get("value")?;
            match key.as_str() {
                META_NAME => name = value,
                META_DESCRIPTION => description = value,
                _ => {}
            }
        }
        let mut lists: Vec<(Kind, Vec<Value>)> = Kind::ALL
            .into_iter()
            .filter(|k| k.is_scenario())
            .map(|k| (k, Vec::new()))
            .collect();
        for row in sqlx::query("SELECT kind, id, body FROM resources ORDER BY seq")
            .fetch_all(&mut *conn)
            .await?
        {
            let kind: String = row.try_get("kind")?;
            let Some(kind) = Kind::from_name(&kind).filter(|k| k.is_scenario()) else {
                continue;
            };
            let id: String = row.try_get("id")?;
            let body: String = row.try_get("body")?;
            let value = serde_json::from_str(&body).map_err(|e| StoreError::Corrupt {
                kind: kind.to_string(),
                id,
                message: e.to_string(),
            })?;
            if let Some((_, list)) = lists.iter_mut().find(|(k, _)| *k == kind) {
                list.push(value);
            }
        }
        Ok(Self {
            name,
            description,
            lists,
        })
    }

    /// The list of `kind` (empty for non-scenario kinds).
    pub fn list_mut(&mut self, kind: Kind) -> Option<&mut Vec<Value>> {
        self.lists
            .iter_mut()
            .find(|(k, _)| *k == kind)
            .map(|(_, l)| l)
    }

    /// The document as the JSON form of a [`Scenario`].
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("name".into(), Value::String(self.name.clone()));
        map.insert(
            "description".into(),
            Value::String(self.description.clone()),
        );
        for (kind, list) in &self.lists {
            map.insert(kind.as_str().into(), Value::Array(list.clone()));
        }
        Value::Object(map)
    }

    /// Parse into a [`Scenario`]; a type error names its path
    /// (`satellites[3].norad_id`).
    pub fn to_scenario(&self) -> std::result::Result<Scenario, FieldProblem> {
        let value = self.to_value();
        serde_path_to_error::deserialize(&value)
            .map_err(|e| FieldProblem::new(e.path().to_string(), e.inner().to_string()))
    }
}

/// Position of the document with `id` in a list.
pub(crate) fn position(list: &[Value], id: &str) -> Option<usize> {
    list.iter()
        .position(|v| v.get("id").and_then(Value::as_str) == Some(id))
}
