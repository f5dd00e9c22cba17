//! Coordination requests between two administrations (ITU-R Radio
//! Regulations Art. 9 style): the requesting administration opens one
//! about some of its assignments, the receiving one reviews it and agrees
//! or objects; both comment and attach analyses (JSON results).
//!
//! States: `open` → `under_review` → `agreed` | `objected`, and
//! `objected` → `open` when the requester resubmits. Only the two
//! administrations see a request; to anyone else it does not exist.

use serde_json::{Value, json};
use silkway_model::OrganizationKind;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::clock::now_rfc3339;
use crate::error::{FieldProblem, Result, StoreError};
use crate::paging::{Page, PageRequest};
use crate::pool::Store;
use crate::scenario_doc::ScenarioDoc;
use crate::secret::random_hex;

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoordinationStatus {
    /// Sent, not yet taken up by the receiving administration.
    Open,
    /// The receiving administration is examining it.
    UnderReview,
    /// The receiving administration agreed.
    Agreed,
    /// The receiving administration objected.
    Objected,
}

impl CoordinationStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::UnderReview => "under_review",
            Self::Agreed => "agreed",
            Self::Objected => "objected",
        }
    }

    fn from_name(s: &str) -> Option<Self> {
        [Self::Open, Self::UnderReview, Self::Agreed, Self::Objected]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// A comment, optionally with an attached analysis.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Comment {
    /// Position.
    pub seq: i64,
    /// Commenting administration.
    pub org_id: String,
    /// Commenting user.
    pub user_id: String,
    /// The text.
    pub text: String,
    /// An attached analysis result (any JSON), if any.
    pub analysis: Option<Value>,
    /// When.
    pub created_at: String,
}

/// A coordination request with its comments.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CoordinationRequest {
    /// Generated id (`cr-` and 12 hex digits).
    pub id: String,
    /// Requesting administration.
    pub from_org: String,
    /// Receiving administration.
    pub to_org: String,
    /// One line.
    pub subject: String,
    /// Details.
    pub description: String,
    /// Assignments concerned (ids of `assignments` documents).
    pub assignments: Vec<String>,
    /// Analyses attached when opening (any JSON).
    pub analyses: Vec<Value>,
    /// Where it stands.
    pub status: CoordinationStatus,
    /// Who opened it.
    pub created_by: String,
    /// When it was opened.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
    /// Comments, oldest first.
    pub comments: Vec<Comment>,
}

/// A request to open.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCoordination {
    /// Receiving administration.
    pub to_org: String,
    /// One line.
    pub subject: String,
    /// Details.
    #[serde(default)]
    pub description: String,
    /// Assignments concerned.
    #[serde(default)]
    pub assignments: Vec<String>,
    /// Analyses attached.
    #[serde(default)]
    pub analyses: Vec<Value>,
}

const COLUMNS: &str =
    "seq, id, from_org, to_org, subject, status, body, created_by, created_at, updated_at";

fn from_row(row: &AnyRow) -> Result<(i64, CoordinationRequest)> {
    let id: String = row.try_get("id")?;
    let corrupt = |message: String| StoreError::Corrupt {
        kind: "coordination_requests".into(),
        id: id.clone(),
        message,
    };
    let status: String = row.try_get("status")?;
    let status = CoordinationStatus::from_name(&status)
        .ok_or_else(|| corrupt(format!("status {status:?}")))?;
    let body: String = row.try_get("body")?;
    let body: Value = serde_json::from_str(&body).map_err(|e| corrupt(e.to_string()))?;
    let strings = |k: &str| -> Vec<String> {
        body.get(k)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok((
        row.try_get("seq")?,
        CoordinationRequest {
            id: id.clone(),
            from_org: row.try_get("from_org")?,
            to_org: row.try_get("to_org")?,
            subject: row.try_get("subject")?,
            description: body
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            assignments: strings("assignments"),
            analyses: body
                .get("analyses")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
            status,
            created_by: row.try_get("created_by")?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
            comments: Vec::new(),
        },
    ))
}

/// The request if the actor's organization is one of its two parties.
async fn fetch_visible(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: &str,
) -> Result<CoordinationRequest> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM coordination_requests WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let not_found = || StoreError::not_found("coordination_requests", id);
    let (_, mut req) = from_row(&row.ok_or_else(not_found)?)?;
    if req.from_org != actor.org_id && req.to_org != actor.org_id {
        return Err(not_found());
    }
    for row in sqlx::query(
        "SELECT seq, org_id, user_id, text, analysis, created_at FROM coordination_comments \
         WHERE request_id = $1 ORDER BY seq",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    {
        let analysis: Option<String> = row.try_get("analysis")?;
        req.comments.push(Comment {
            seq: row.try_get("seq")?,
            org_id: row.try_get("org_id")?,
            user_id: row.try_get("user_id")?,
            text: row.try_get("text")?,
            analysis: analysis.and_then(|a| serde_json::from_str(&a).ok()),
            created_at: row.try_get("created_at")?,
        });
    }
    Ok(req)
}

fn snapshot(req: &CoordinationRequest) -> Value {
    serde_json::to_value(req).unwrap_or(Value::Null)
}

impl Store {
    /// Open a request from the actor's administration to `new.to_org`.
    ///
    /// # Errors
    /// [`StoreError::Forbidden`] unless the actor is an engineer or admin
    /// of an administration; [`StoreError::Invalid`] for an unknown or
    /// non-administration `to_org`, the actor's own organization, an empty
    /// subject, or unknown assignments or ones of neither party.
    pub async fn open_coordination(
        &self,
        actor: &Actor,
        new: NewCoordination,
    ) -> Result<CoordinationRequest> {
        actor.require(Role::Engineer)?;
        let mut w = self.begin_write().await?;
        let doc = ScenarioDoc::read(&mut w.tx).await?;
        let sc = doc.to_scenario().map_err(|p| StoreError::Corrupt {
            kind: "scenario".into(),
            id: doc.name.clone(),
            message: p.message,
        })?;
        let is_admin_org = |id: &str| {
            sc.organizations
                .iter()
                .any(|o| o.id == id && o.kind == OrganizationKind::Administration)
        };
        if !is_admin_org(&actor.org_id) {
            return Err(StoreError::forbidden(format!(
                "coordination requests are between administrations; {:?} is not one",
                actor.org_id
            )));
        }
        let mut problems = Vec::new();
        if !is_admin_org(&new.to_org) {
            problems.push(FieldProblem::new(
                "to_org",
                format!(
                    "expected the id of an administration, found {:?}",
                    new.to_org
                ),
            ));
        } else if new.to_org == actor.org_id {
            problems.push(FieldProblem::new(
                "to_org",
                "must be another administration than yours",
            ));
        }
        if new.subject.trim().is_empty() {
            problems.push(FieldProblem::new("subject", "must not be empty"));
        }
        for (i, a) in new.assignments.iter().enumerate() {
            match sc.assignments.iter().find(|x| x.id == *a) {
                None => problems.push(FieldProblem::new(
                    format!("assignments[{i}]"),
                    format!("unknown assignment {a:?}"),
                )),
                Some(x) if x.administration != actor.org_id && x.administration != new.to_org => {
                    problems.push(FieldProblem::new(
                        format!("assignments[{i}]"),
                        format!(
                            "assignment {a:?} is notified by {:?}, neither party",
                            x.administration
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        if !problems.is_empty() {
            return Err(StoreError::Invalid {
                kind: "coordination_requests".into(),
                problems,
            });
        }
        let id = format!("cr-{}", random_hex(6)?);
        let now = now_rfc3339();
        let body = json!({
            "description": new.description,
            "assignments": new.assignments,
            "analyses": new.analyses,
        });
        sqlx::query(
            "INSERT INTO coordination_requests (id, from_org, to_org, subject, status, body, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
        )
        .bind(id.clone())
        .bind(actor.org_id.clone())
        .bind(new.to_org.clone())
        .bind(new.subject.clone())
        .bind(CoordinationStatus::Open.as_str())
        .bind(body.to_string())
        .bind(actor.user_id.clone())
        .bind(now)
        .execute(&mut *w.tx)
        .await?;
        let req = fetch_visible(&mut w.tx, actor, &id).await?;
        audit::record(
            &mut w.tx,
            Change {
                actor: Some(actor),
                action: "create",
                kind: "coordination_requests",
                resource_id: &id,
                owner_org: Some(&actor.org_id),
                before: None,
                after: Some(&snapshot(&req)),
            },
        )
        .await?;
        w.commit().await?;
        Ok(req)
    }

    /// The requests the actor's administration is a party to (without comments).
    pub async fn list_coordination(
        &self,
        actor: &Actor,
        page: PageRequest,
    ) -> Result<Page<CoordinationRequest>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM coordination_requests WHERE (from_org = $1 OR to_org = $1) \
             AND seq > $2 ORDER BY seq LIMIT $3"
        ))
        .bind(actor.org_id.clone())
        .bind(page.after_seq())
        .bind(page.fetch())
        .fetch_all(&self.pool)
        .await?;
        let rows = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(rows, &page))
    }

    /// A request with its comments.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when it does not exist or the actor's
    /// organization is not a party.
    pub async fn get_coordination(&self, actor: &Actor, id: &str) -> Result<CoordinationRequest> {
        let mut conn = self.pool.acquire().await?;
        fetch_visible(&mut conn, actor, id).await
    }

    /// Move a request to `to`, with an optional comment.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for non-parties; [`StoreError::Forbidden`]
    /// when the other party must make this move; [`StoreError::Conflict`]
    /// for a move the state machine does not have.
    pub async fn transition_coordination(
        &self,
        actor: &Actor,
        id: &str,
        to: CoordinationStatus,
        comment: Option<&str>,
    ) -> Result<CoordinationRequest> {
        actor.require(Role::Engineer)?;
        use CoordinationStatus::*;
        let mut w = self.begin_write().await?;
        let before = fetch_visible(&mut w.tx, actor, id).await?;
        let (allowed, mover) = match (before.status, to) {
            (Open, UnderReview) | (UnderReview, Agreed) | (UnderReview, Objected) => {
                (true, &before.to_org)
            }
            (Objected, Open) => (true, &before.from_org),
            _ => (false, &before.to_org),
        };
        if !allowed {
            return Err(StoreError::Conflict {
                message: format!(
                    "a request cannot go from {} to {}; moves: open → under_review → agreed | objected, objected → open",
                    before.status.as_str(),
                    to.as_str()
                ),
            });
        }
        if *mover != actor.org_id {
            return Err(StoreError::forbidden(format!(
                "only {mover:?} may move request {id} from {} to {}",
                before.status.as_str(),
                to.as_str()
            )));
        }
        let now = now_rfc3339();
        sqlx::query("UPDATE coordination_requests SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(to.as_str())
            .bind(now)
            .bind(id)
            .execute(&mut *w.tx)
            .await?;
        if let Some(text) = comment.filter(|t| !t.trim().is_empty()) {
            insert_comment(&mut w.tx, actor, id, text, None).await?;
        }
        let after = fetch_visible(&mut w.tx, actor, id).await?;
        audit::record(
            &mut w.tx,
            Change {
                actor: Some(actor),
                action: "transition",
                kind: "coordination_requests",
                resource_id: id,
                owner_org: Some(&before.from_org),
                before: Some(&snapshot(&before)),
                after: Some(&snapshot(&after)),
            },
        )
        .await?;
        w.commit().await?;
        Ok(after)
    }

    /// Add a comment (and optionally an analysis) to a request.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for non-parties; [`StoreError::Invalid`]
    /// for an empty text.
    pub async fn comment_coordination(
        &self,
        actor: &Actor,
        id: &str,
        text: &str,
        analysis: Option<Value>,
    ) -> Result<CoordinationRequest> {
        actor.require(Role::Engineer)?;
        if text.trim().is_empty() {
            return Err(StoreError::invalid(
                "coordination_comments",
                "text",
                "must not be empty",
            ));
        }
        let mut w = self.begin_write().await?;
        let before = fetch_visible(&mut w.tx, actor, id).await?;
        insert_comment(&mut w.tx, actor, id, text, analysis.as_ref()).await?;
        let after = fetch_visible(&mut w.tx, actor, id).await?;
        audit::record(
            &mut w.tx,
            Change {
                actor: Some(actor),
                action: "comment",
                kind: "coordination_requests",
                resource_id: id,
                owner_org: Some(&before.from_org),
                before: None,
                after: after
                    .comments
                    .last()
                    .map(|c| serde_json::to_value(c).unwrap_or(Value::Null))
                    .as_ref(),
            },
        )
        .await?;
        w.commit().await?;
        Ok(after)
    }
}

async fn insert_comment(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: &str,
    text: &str,
    analysis: Option<&Value>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO coordination_comments (request_id, org_id, user_id, text, analysis, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(actor.org_id.clone())
    .bind(actor.user_id.clone())
    .bind(text)
    .bind(analysis.map(Value::to_string))
    .bind(now_rfc3339())
    .execute(conn)
    .await?;
    Ok(())
}
