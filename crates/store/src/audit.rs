//! The audit log: who changed what, when, with the document before and
//! after. Written in the same transaction as the change it records.

use serde_json::Value;
use sqlx::{AnyConnection, Row};

use crate::actor::{Actor, Role};
use crate::clock::now_rfc3339;
use crate::error::Result;
use crate::paging::{Page, PageRequest};
use crate::pool::Store;

/// One recorded change.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditEntry {
    /// Position in the log.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The acting user's organization (none for the command line).
    pub actor_org: Option<String>,
    /// The acting user (`cli` for the command line).
    pub actor_user: Option<String>,
    /// The token used, if any.
    pub token_id: Option<String>,
    /// `create`, `update`, `delete`, `import`, `transition`, `comment`, `issue_token`...
    pub action: String,
    /// What kind of thing changed (`satellites`, `users`, `coordination_requests`).
    pub kind: String,
    /// Its id.
    pub resource_id: String,
    /// The organization owning it.
    pub owner_org: Option<String>,
    /// The stored document before the change (none for creations).
    pub before: Option<Value>,
    /// The stored document after the change (none for deletions).
    pub after: Option<Value>,
}

/// What to record.
pub(crate) struct Change<'a> {
    pub actor: Option<&'a Actor>,
    pub action: &'a str,
    pub kind: &'a str,
    pub resource_id: &'a str,
    pub owner_org: Option<&'a str>,
    pub before: Option<&'a Value>,
    pub after: Option<&'a Value>,
}

/// Append `change` to the log inside the caller's transaction.
pub(crate) async fn record(conn: &mut AnyConnection, change: Change<'_>) -> Result<()> {
    let (org, user, token) = match change.actor {
        Some(a) => (
            Some(a.org_id.clone()),
            Some(a.user_id.clone()),
            a.token_id.clone(),
        ),
        None => (None, Some("cli".to_owned()), None),
    };
    sqlx::query(
        "INSERT INTO audit_log (at, actor_org, actor_user, token_id, action, kind, \
         resource_id, owner_org, before_json, after_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(now_rfc3339())
    .bind(org)
    .bind(user)
    .bind(token)
    .bind(change.action)
    .bind(change.kind)
    .bind(change.resource_id)
    .bind(change.owner_org.map(str::to_owned))
    .bind(change.before.map(Value::to_string))
    .bind(change.after.map(Value::to_string))
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// The audit entries an admin may read: changes made by their
    /// organization or to what their organization owns, oldest first.
    ///
    /// # Errors
    /// [`crate::StoreError::Forbidden`] unless `actor` is an admin.
    pub async fn audit(&self, actor: &Actor, page: PageRequest) -> Result<Page<AuditEntry>> {
        actor.require(Role::Admin)?;
        let rows = sqlx::query(
            "SELECT seq, at, actor_org, actor_user, token_id, action, kind, resource_id, \
             owner_org, before_json, after_json FROM audit_log \
             WHERE (actor_org = $1 OR owner_org = $1) AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(actor.org_id.clone())
        .bind(page.after_seq())
        .bind(page.fetch())
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let seq: i64 = row.try_get("seq")?;
            let json = |col: &str| -> Result<Option<Value>> {
                let text: Option<String> = row.try_get(col)?;
                Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
            };
            out.push((
                seq,
                AuditEntry {
                    seq,
                    at: row.try_get("at")?,
                    actor_org: row.try_get("actor_org")?,
                    actor_user: row.try_get("actor_user")?,
                    token_id: row.try_get("token_id")?,
                    action: row.try_get("action")?,
                    kind: row.try_get("kind")?,
                    resource_id: row.try_get("resource_id")?,
                    owner_org: row.try_get("owner_org")?,
                    before: json("before_json")?,
                    after: json("after_json")?,
                },
            ));
        }
        Ok(Page::from_rows(out, &page))
    }
}
