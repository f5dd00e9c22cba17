//! Loading a [`Scenario`] into an empty store, and building the current
//! scenario back from it (what the analyses run on).

use serde_json::Value;
use silkway_model::Scenario;
use sqlx::Row;

use crate::audit::{self, Change};
use crate::elements::insert_scenario_tle;
use crate::error::{Result, StoreError};
use crate::kind::Kind;
use crate::owners::derived_owner;
use crate::pool::Store;
use crate::resources::insert_raw;
use crate::scenario_doc::{META_DESCRIPTION, META_NAME, ScenarioDoc};

impl Store {
    /// True when no scenario was loaded and no document created yet.
    pub async fn is_empty(&self) -> Result<bool> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM resources) + (SELECT COUNT(*) FROM meta) AS n",
        )
        .fetch_one(&self.pool)
        .await?;
        let n: i64 = row.try_get("n")?;
        Ok(n == 0)
    }

    /// Load `scenario` into an empty store in one transaction: every list
    /// becomes documents (owners derived, see [`crate::owners`]), each
    /// satellite's element set starts its history.
    ///
    /// # Errors
    /// [`StoreError::Conflict`] when the store is not empty.
    pub async fn load_scenario(&self, scenario: &Scenario) -> Result<()> {
        let mut w = self.begin_write().await?;
        let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM resources")
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("n")?;
        if count > 0 {
            return Err(StoreError::Conflict {
                message:
                    "the store already holds documents; a scenario loads only into an empty store"
                        .into(),
            });
        }
        for (key, value) in [
            (META_NAME, &scenario.name),
            (META_DESCRIPTION, &scenario.description),
        ] {
            sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2)")
                .bind(key)
                .bind(value.clone())
                .execute(&mut *w.tx)
                .await?;
        }
        let json = serde_json::to_value(scenario).map_err(|e| StoreError::Corrupt {
            kind: "scenario".into(),
            id: scenario.name.clone(),
            message: e.to_string(),
        })?;
        for kind in Kind::ALL.into_iter().filter(|k| k.is_scenario()) {
            let Some(list) = json.get(kind.as_str()).and_then(Value::as_array) else {
                continue;
            };
            for body in list {
                let id = body.get("id").and_then(Value::as_str).unwrap_or_default();
                let owner = derived_owner(kind, body, scenario);
                insert_raw(&mut w.tx, kind, id, owner.as_deref(), None, body).await?;
            }
        }
        for sat in &scenario.satellites {
            if let Some(tle) = &sat.tle {
                insert_scenario_tle(&mut w.tx, &sat.id, tle).await?;
            }
        }
        audit::record(
            &mut w.tx,
            Change {
                actor: None,
                action: "load_scenario",
                kind: "scenario",
                resource_id: &scenario.name,
                owner_org: None,
                before: None,
                after: None,
            },
        )
        .await?;
        w.commit().await
    }

    /// The scenario as stored now: every scenario document, in insertion
    /// order, with the loaded scenario's name and description.
    ///
    /// # Errors
    /// [`StoreError::Corrupt`] when a stored document no longer parses.
    pub async fn scenario(&self) -> Result<Scenario> {
        let mut conn = self.pool.acquire().await?;
        let doc = ScenarioDoc::read(&mut conn).await?;
        doc.to_scenario().map_err(|p| StoreError::Corrupt {
            kind: "scenario".into(),
            id: doc.name.clone(),
            message: format!("{}: {}", p.field, p.message),
        })
    }
}
