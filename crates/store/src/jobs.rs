//! Analysis jobs and their results (the server's job registry keeps them
//! here so that states and results survive restarts). A job is a JSON
//! document; its id, kind, state and creation time are also columns.
//! Writes are single statements (atomic on both backends).

use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::error::{Result, StoreError};
use crate::pool::Store;

/// The indexed columns of a job document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobColumns<'a> {
    /// Job id.
    pub id: &'a str,
    /// Analysis kind.
    pub kind: &'a str,
    /// State (`queued`, `running`, `succeeded`...).
    pub state: &'a str,
    /// Submission time, RFC 3339 (sorts chronologically).
    pub created_at: &'a str,
}

fn json_of(row: &AnyRow, column: &str, id: &str) -> Result<Option<Value>> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| StoreError::Corrupt {
            kind: "jobs".into(),
            id: id.to_owned(),
            message: format!("{column}: {e}"),
        })
    })
    .transpose()
}

impl Store {
    /// Insert or replace a job's document (its result, if any, is kept).
    pub async fn save_job(&self, columns: JobColumns<'_>, body: &Value) -> Result<()> {
        sqlx::query(
            "INSERT INTO jobs (id, kind, state, created_at, body) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, state = excluded.state, \
             created_at = excluded.created_at, body = excluded.body",
        )
        .bind(columns.id)
        .bind(columns.kind)
        .bind(columns.state)
        .bind(columns.created_at)
        .bind(body.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Attach a result to job `id`.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when there is no such job.
    pub async fn save_job_result(&self, id: &str, result: &Value) -> Result<()> {
        let done = sqlx::query("UPDATE jobs SET result = $1 WHERE id = $2")
            .bind(result.to_string())
            .bind(id)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::not_found("jobs", id));
        }
        Ok(())
    }

    /// Job `id`'s document.
    pub async fn job(&self, id: &str) -> Result<Option<Value>> {
        let row = sqlx::query("SELECT body FROM jobs WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(r) => json_of(&r, "body", id),
            None => Ok(None),
        }
    }

    /// Job `id`'s result, if it has one.
    pub async fn job_result(&self, id: &str) -> Result<Option<Value>> {
        let row = sqlx::query("SELECT result FROM jobs WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(r) => json_of(&r, "result", id),
            None => Ok(None),
        }
    }

    /// Every job's document, newest first.
    pub async fn jobs(&self) -> Result<Vec<Value>> {
        let rows = sqlx::query("SELECT id, body FROM jobs ORDER BY created_at DESC, id DESC")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                json_of(r, "body", &id)?.ok_or_else(|| StoreError::Corrupt {
                    kind: "jobs".into(),
                    id,
                    message: "empty body".into(),
                })
            })
            .collect()
    }

    /// Forget job `id` and its result; whether it existed.
    pub async fn delete_job(&self, id: &str) -> Result<bool> {
        let done = sqlx::query("DELETE FROM jobs WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }
}
