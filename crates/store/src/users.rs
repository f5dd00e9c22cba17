//! Users: members of an organization with a role; passwords stored as
//! Argon2id hashes.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::clock::now_rfc3339;
use crate::error::{FieldProblem, Result, StoreError};
use crate::kind::Kind;
use crate::paging::{Page, PageRequest};
use crate::pool::Store;
use crate::resources::fetch;
use crate::secret::{hash_password, random_hex};

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A user (never with the password hash).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct User {
    /// Generated id (`usr_` and 16 hex digits).
    pub id: String,
    /// The organization the user belongs to.
    pub org_id: String,
    /// Login name, unique.
    pub email: String,
    /// Display name.
    pub name: String,
    /// What the user may do.
    pub role: Role,
    /// When the user was created.
    pub created_at: String,
}

/// A user to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Organization (id of an `organizations` document).
    pub org_id: String,
    /// Login name (contains `@`).
    pub email: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Password for `POST /api/login`, if the user logs in with one.
    pub password: Option<String>,
}

pub(crate) fn user_from_row(row: &AnyRow) -> Result<(i64, User)> {
    let role: String = row.try_get("role")?;
    let id: String = row.try_get("id")?;
    let role = Role::from_name(&role).ok_or_else(|| StoreError::Corrupt {
        kind: "users".into(),
        id: id.clone(),
        message: format!("unknown role {role:?}"),
    })?;
    Ok((
        row.try_get("seq")?,
        User {
            id,
            org_id: row.try_get("org_id")?,
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            role,
            created_at: row.try_get("created_at")?,
        },
    ))
}

pub(crate) const USER_COLUMNS: &str = "seq, id, org_id, email, name, role, created_at";

pub(crate) async fn fetch_user(conn: &mut AnyConnection, id: &str) -> Result<Option<User>> {
    let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.map(|r| user_from_row(&r).map(|(_, u)| u)).transpose()
}

fn check_new_user(new: &NewUser) -> Result<()> {
    let mut problems = Vec::new();
    if !new.email.contains('@') || new.email.trim() != new.email || new.email.len() > 254 {
        problems.push(FieldProblem::new(
            "email",
            format!(
                "expected an address like name@example.org, found {:?}",
                new.email
            ),
        ));
    }
    if new.name.trim().is_empty() {
        problems.push(FieldProblem::new("name", "must not be empty"));
    }
    if let Some(p) = &new.password {
        if p.chars().count() < MIN_PASSWORD_CHARS {
            problems.push(FieldProblem::new(
                "password",
                format!("must have at least {MIN_PASSWORD_CHARS} characters"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid {
            kind: "users".into(),
            problems,
        })
    }
}

impl Store {
    /// Create a user. With an actor, it must be an admin of the new user's
    /// organization; without one (the command line) anything goes.
    ///
    /// # Errors
    /// [`StoreError::Forbidden`], [`StoreError::Invalid`] (bad email, name,
    /// password, unknown organization), [`StoreError::Conflict`] (email taken).
    pub async fn create_user(&self, actor: Option<&Actor>, new: NewUser) -> Result<User> {
        if let Some(a) = actor {
            a.require(Role::Admin)?;
            if a.org_id != new.org_id {
                return Err(StoreError::forbidden(format!(
                    "admins create users of their own organization ({:?}), not of {:?}",
                    a.org_id, new.org_id
                )));
            }
        }
        check_new_user(&new)?;
        let password_hash = new.password.as_deref().map(hash_password).transpose()?;
        let mut w = self.begin_write().await?;
        if fetch(&mut w.tx, Kind::Organizations, &new.org_id)
            .await?
            .is_none()
        {
            return Err(StoreError::invalid(
                "users",
                "org_id",
                format!("unknown organization {:?}", new.org_id),
            ));
        }
        let taken = sqlx::query("SELECT id FROM users WHERE email = $1")
            .bind(new.email.clone())
            .fetch_optional(&mut *w.tx)
            .await?;
        if taken.is_some() {
            return Err(StoreError::Conflict {
                message: format!("a user with email {:?} exists", new.email),
            });
        }
        let id = format!("usr_{}", random_hex(8)?);
        sqlx::query(
            "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.clone())
        .bind(new.org_id.clone())
        .bind(new.email.clone())
        .bind(new.name.clone())
        .bind(new.role.as_str())
        .bind(password_hash)
        .bind(now_rfc3339())
        .execute(&mut *w.tx)
        .await?;
        let user = fetch_user(&mut w.tx, &id)
            .await?
            .ok_or_else(|| StoreError::not_found("users", &id))?;
        let after = serde_json::to_value(&user).ok();
        audit::record(
            &mut w.tx,
            Change {
                actor,
                action: "create",
                kind: "users",
                resource_id: &id,
                owner_org: Some(&user.org_id),
                before: None,
                after: after.as_ref(),
            },
        )
        .await?;
        w.commit().await?;
        Ok(user)
    }

    /// The users of the actor's organization (admins only).
    pub async fn list_users(&self, actor: &Actor, page: PageRequest) -> Result<Page<User>> {
        actor.require(Role::Admin)?;
        let rows = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM users WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3"
        ))
        .bind(actor.org_id.clone())
        .bind(page.after_seq())
        .bind(page.fetch())
        .fetch_all(&self.pool)
        .await?;
        let rows = rows.iter().map(user_from_row).collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(rows, &page))
    }

    /// A user of the actor's organization (another organization's users
    /// are not found); every user may read themself.
    pub async fn get_user(&self, actor: &Actor, id: &str) -> Result<User> {
        let mut conn = self.pool.acquire().await?;
        match fetch_user(&mut conn, id).await? {
            Some(u)
                if u.org_id == actor.org_id
                    && (actor.role == Role::Admin || u.id == actor.user_id) =>
            {
                Ok(u)
            }
            _ => Err(StoreError::not_found("users", id)),
        }
    }

    /// Delete a user of the actor's organization (admins only) with their tokens.
    pub async fn delete_user(&self, actor: &Actor, id: &str) -> Result<()> {
        actor.require(Role::Admin)?;
        let mut w = self.begin_write().await?;
        let user = match fetch_user(&mut w.tx, id).await? {
            Some(u) if u.org_id == actor.org_id => u,
            _ => return Err(StoreError::not_found("users", id)),
        };
        sqlx::query("DELETE FROM tokens WHERE user_id = $1")
            .bind(id)
            .execute(&mut *w.tx)
            .await?;
        sqlx::query("DELETE FROM users WHERE id = $1")
            .bind(id)
            .execute(&mut *w.tx)
            .await?;
        let before = serde_json::to_value(&user).ok();
        audit::record(
            &mut w.tx,
            Change {
                actor: Some(actor),
                action: "delete",
                kind: "users",
                resource_id: id,
                owner_org: Some(&user.org_id),
                before: before.as_ref(),
                after: None,
            },
        )
        .await?;
        w.commit().await
    }

    /// Number of users (zero on a fresh database).
    pub async fn user_count(&self) -> Result<i64> {
        Ok(sqlx::query("SELECT COUNT(*) AS n FROM users")
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?)
    }
}
