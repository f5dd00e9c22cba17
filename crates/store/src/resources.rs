//! Create, read, replace and delete documents of every [`Kind`], each
//! write validated, ownership-checked and audited in one transaction.

use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::clock::now_rfc3339;
use crate::documents;
use crate::error::{Result, StoreError};
use crate::kind::Kind;
use crate::owners::{body_owners, effective_owners, ensure_owner};
use crate::paging::{Page, PageRequest};
use crate::pool::Store;
use crate::scenario_doc::ScenarioDoc;
use crate::validate::{self, document_id};

/// A stored document with its bookkeeping.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Record {
    /// Its kind (`satellites`).
    pub kind: String,
    /// Its id.
    pub id: String,
    /// The organization owning it (see [`crate::owners`]).
    pub owner_org: Option<String>,
    /// Indexed status (tasking documents), if any.
    pub status: Option<String>,
    /// Incremented on every replacement, from 1.
    pub revision: i64,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
    /// The document.
    pub body: Value,
}

const COLUMNS: &str = "seq, kind, id, owner_org, status, body, revision, created_at, updated_at";

fn from_row(row: &AnyRow) -> Result<(i64, Record)> {
    let kind: String = row.try_get("kind")?;
    let id: String = row.try_get("id")?;
    let body: String = row.try_get("body")?;
    let body = serde_json::from_str(&body).map_err(|e| StoreError::Corrupt {
        kind: kind.clone(),
        id: id.clone(),
        message: e.to_string(),
    })?;
    Ok((
        row.try_get("seq")?,
        Record {
            kind,
            id,
            owner_org: row.try_get("owner_org")?,
            status: row.try_get("status")?,
            revision: row.try_get("revision")?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
            body,
        },
    ))
}

pub(crate) async fn fetch(
    conn: &mut AnyConnection,
    kind: Kind,
    id: &str,
) -> Result<Option<Record>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM resources WHERE kind = $1 AND id = $2"
    ))
    .bind(kind.as_str())
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| from_row(&r).map(|(_, rec)| rec)).transpose()
}

/// Insert a document as is (scenario loading), inside a transaction.
pub(crate) async fn insert_raw(
    conn: &mut AnyConnection,
    kind: Kind,
    id: &str,
    owner_org: Option<&str>,
    status: Option<&str>,
    body: &Value,
) -> Result<()> {
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO resources (kind, id, owner_org, status, body, revision, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $6)",
    )
    .bind(kind.as_str())
    .bind(id)
    .bind(owner_org.map(str::to_owned))
    .bind(status.map(str::to_owned))
    .bind(body.to_string())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

enum Op {
    Create(Value),
    Replace(String, Value),
    Delete(String),
}

impl Store {
    /// One page of documents of `kind`, in insertion order.
    pub async fn list(&self, kind: Kind, page: PageRequest) -> Result<Page<Record>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM resources WHERE kind = $1 AND seq > $2 ORDER BY seq LIMIT $3"
        ))
        .bind(kind.as_str())
        .bind(page.after_seq())
        .bind(page.fetch())
        .fetch_all(&self.pool)
        .await?;
        let rows = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(rows, &page))
    }

    /// The document `kind`/`id`.
    ///
    /// # Errors
    /// [`StoreError::NotFound`].
    pub async fn get(&self, kind: Kind, id: &str) -> Result<Record> {
        let mut conn = self.pool.acquire().await?;
        fetch(&mut conn, kind, id)
            .await?
            .ok_or_else(|| StoreError::not_found(kind.as_str(), id))
    }

    /// Create a document; its `id` field names it.
    ///
    /// # Errors
    /// [`StoreError::Forbidden`] for viewers, for organizations (admins
    /// only) and for documents the caller's organization would not own;
    /// [`StoreError::Invalid`] naming each bad field;
    /// [`StoreError::Conflict`] when the id exists.
    pub async fn create(&self, actor: &Actor, kind: Kind, body: Value) -> Result<Record> {
        self.write(actor, kind, Op::Create(body))
            .await?
            .ok_or_else(|| StoreError::Conflict {
                message: "create returned nothing".into(),
            })
    }

    /// Replace the document `kind`/`id` (the body's `id`, if given, must match).
    ///
    /// # Errors
    /// As [`Store::create`], plus [`StoreError::NotFound`], and
    /// [`StoreError::Forbidden`] when another organization owns it.
    pub async fn replace(
        &self,
        actor: &Actor,
        kind: Kind,
        id: &str,
        body: Value,
    ) -> Result<Record> {
        self.write(actor, kind, Op::Replace(id.to_owned(), body))
            .await?
            .ok_or_else(|| StoreError::not_found(kind.as_str(), id))
    }

    /// Delete the document `kind`/`id`.
    ///
    /// # Errors
    /// [`StoreError::NotFound`], [`StoreError::Forbidden`], and
    /// [`StoreError::Conflict`] while other documents refer to it.
    pub async fn delete(&self, actor: &Actor, kind: Kind, id: &str) -> Result<()> {
        self.write(actor, kind, Op::Delete(id.to_owned())).await?;
        Ok(())
    }

    async fn write(&self, actor: &Actor, kind: Kind, op: Op) -> Result<Option<Record>> {
        actor.require(if kind.needs_admin() {
            Role::Admin
        } else {
            Role::Engineer
        })?;
        let creating = matches!(op, Op::Create(_));
        let (id, body) = match op {
            Op::Create(body) => (document_id(kind, &body)?, Some(body)),
            Op::Replace(id, mut body) => {
                match body.get("id") {
                    None => {
                        if let Some(map) = body.as_object_mut() {
                            map.insert("id".into(), Value::String(id.clone()));
                        }
                    }
                    Some(Value::String(s)) if *s == id => {}
                    Some(other) => {
                        return Err(StoreError::invalid(
                            kind.as_str(),
                            "id",
                            format!(
                                "the body's id {other} differs from the path's {id:?}; ids cannot change"
                            ),
                        ));
                    }
                }
                document_id(kind, &body)?;
                (id, Some(body))
            }
            Op::Delete(id) => (id, None),
        };
        let mut w = self.begin_write().await?;
        let existing = fetch(&mut w.tx, kind, &id).await?;
        match (&existing, &body, creating) {
            (Some(_), _, true) => {
                return Err(StoreError::Conflict {
                    message: format!("{kind} {id:?} already exists; replace it with PUT"),
                });
            }
            (None, _, false) => return Err(StoreError::not_found(kind.as_str(), &id)),
            _ => {}
        }
        let is_create = creating;
        let mut doc = if kind.is_scenario() {
            Some(ScenarioDoc::read(&mut w.tx).await?)
        } else {
            None
        };
        let before_sc = doc.as_ref().and_then(|d| d.to_scenario().ok());
        if let Some(ex) = &existing {
            let owners =
                effective_owners(kind, &ex.body, ex.owner_org.as_deref(), before_sc.as_ref());
            ensure_owner(actor, &owners, kind, &id)?;
        }
        let (new_body, status, after_sc) = match (&body, doc.as_mut()) {
            (Some(b), Some(doc)) => {
                let (sc, normalised) = validate::apply(doc, kind, &id, Some(b))?;
                (normalised.or_else(|| Some(b.clone())), None, Some(sc))
            }
            (Some(b), None) => {
                let (b, status) = documents::normalise(kind, b.clone())?;
                (Some(b), status, None)
            }
            (None, Some(doc)) => {
                let (sc, _) = validate::apply(doc, kind, &id, None)?;
                (None, None, Some(sc))
            }
            (None, None) => (None, None, None),
        };
        let stored_owner = existing
            .as_ref()
            .and_then(|e| e.owner_org.clone())
            .unwrap_or_else(|| actor.org_id.clone());
        let owner_col = match &new_body {
            Some(b) => {
                let derived = body_owners(kind, b, after_sc.as_ref());
                let effective = derived
                    .clone()
                    .unwrap_or_else(|| vec![stored_owner.clone()]);
                let new_org = kind == Kind::Organizations && is_create;
                if !new_org && !effective.contains(&actor.org_id) {
                    return Err(StoreError::forbidden(format!(
                        "this {kind} document would belong to {}, not to your organization {:?}",
                        effective.join(", "),
                        actor.org_id
                    )));
                }
                derived
                    .and_then(|d| d.into_iter().next())
                    .or(Some(stored_owner))
            }
            None => existing.as_ref().and_then(|e| e.owner_org.clone()),
        };
        let now = now_rfc3339();
        let action = match (&existing, &new_body) {
            (None, Some(b)) => {
                sqlx::query(
                    "INSERT INTO resources (kind, id, owner_org, status, body, revision, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, 1, $6, $6)",
                )
                .bind(kind.as_str())
                .bind(id.clone())
                .bind(owner_col.clone())
                .bind(status.clone())
                .bind(b.to_string())
                .bind(now.clone())
                .execute(&mut *w.tx)
                .await?;
                "create"
            }
            (Some(_), Some(b)) => {
                sqlx::query(
                    "UPDATE resources SET owner_org = $1, status = $2, body = $3, \
                     revision = revision + 1, updated_at = $4 WHERE kind = $5 AND id = $6",
                )
                .bind(owner_col.clone())
                .bind(status.clone())
                .bind(b.to_string())
                .bind(now.clone())
                .bind(kind.as_str())
                .bind(id.clone())
                .execute(&mut *w.tx)
                .await?;
                "update"
            }
            (Some(_), None) => {
                sqlx::query("DELETE FROM resources WHERE kind = $1 AND id = $2")
                    .bind(kind.as_str())
                    .bind(id.clone())
                    .execute(&mut *w.tx)
                    .await?;
                "delete"
            }
            (None, None) => return Err(StoreError::not_found(kind.as_str(), &id)),
        };
        audit::record(
            &mut w.tx,
            Change {
                actor: Some(actor),
                action,
                kind: kind.as_str(),
                resource_id: &id,
                owner_org: owner_col.as_deref(),
                before: existing.as_ref().map(|e| &e.body),
                after: new_body.as_ref(),
            },
        )
        .await?;
        let record = match &new_body {
            Some(_) => fetch(&mut w.tx, kind, &id).await?,
            None => None,
        };
        w.commit().await?;
        Ok(record)
    }
}
