//! API tokens: issued to a user, shown once, stored as SHA-256; and
//! password login, which issues one.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::clock::now_rfc3339;
use crate::error::{Result, StoreError};
use crate::paging::{Page, PageRequest};
use crate::pool::Store;
use crate::secret::{new_token, random_hex, token_sha256, verify_password};
use crate::users::fetch_user;

/// A token's bookkeeping (never the secret).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TokenInfo {
    /// Generated id (`tok_` and 16 hex digits).
    pub id: String,
    /// The user it acts as.
    pub user_id: String,
    /// What it is for (`ci`, `laptop`).
    pub name: String,
    /// When it was issued.
    pub created_at: String,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
}

fn token_from_row(row: &AnyRow) -> Result<(i64, TokenInfo)> {
    Ok((
        row.try_get("seq")?,
        TokenInfo {
            id: row.try_get("id")?,
            user_id: row.try_get("user_id")?,
            name: row.try_get("name")?,
            created_at: row.try_get("created_at")?,
            revoked_at: row.try_get("revoked_at")?,
        },
    ))
}

impl Store {
    /// Issue a token for `user_id`; returns its bookkeeping and the secret
    /// (shown once). A user may issue tokens for themself, an admin for
    /// any user of their organization; `None` is the command line.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an unknown user or one of another organization.
    pub async fn issue_token(
        &self,
        actor: Option<&Actor>,
        user_id: &str,
        name: &str,
    ) -> Result<(TokenInfo, String)> {
        if name.trim().is_empty() {
            return Err(StoreError::invalid("tokens", "name", "must not be empty"));
        }
        let mut w = self.begin_write().await?;
        let user = fetch_user(&mut w.tx, user_id)
            .await?
            .ok_or_else(|| StoreError::not_found("users", user_id))?;
        if let Some(a) = actor {
            let own = a.user_id == user.id;
            let admin = a.role == Role::Admin && a.org_id == user.org_id;
            if a.org_id != user.org_id {
                return Err(StoreError::not_found("users", user_id));
            }
            if !own && !admin {
                return Err(StoreError::forbidden(
                    "only admins issue tokens for other users",
                ));
            }
        }
        let secret = new_token()?;
        let id = format!("tok_{}", random_hex(8)?);
        let now = now_rfc3339();
        sqlx::query(
            "INSERT INTO tokens (id, user_id, name, token_sha256, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id.clone())
        .bind(user.id.clone())
        .bind(name.to_owned())
        .bind(token_sha256(&secret))
        .bind(now.clone())
        .execute(&mut *w.tx)
        .await?;
        let info = TokenInfo {
            id: id.clone(),
            user_id: user.id.clone(),
            name: name.to_owned(),
            created_at: now,
            revoked_at: None,
        };
        let after = serde_json::to_value(&info).ok();
        audit::record(
            &mut w.tx,
            Change {
                actor,
                action: "issue_token",
                kind: "tokens",
                resource_id: &id,
                owner_org: Some(&user.org_id),
                before: None,
                after: after.as_ref(),
            },
        )
        .await?;
        w.commit().await?;
        Ok((info, secret))
    }

    /// The caller behind a bearer token, if the token is known and not revoked.
    pub async fn authenticate(&self, token: &str) -> Result<Option<Actor>> {
        let row = sqlx::query(
            "SELECT t.id AS token_id, u.id AS user_id, u.org_id, u.role FROM tokens t \
             JOIN users u ON u.id = t.user_id \
             WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL",
        )
        .bind(token_sha256(token))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let role: String = row.try_get("role")?;
        Ok(Role::from_name(&role).map(|role| Actor {
            user_id: row.get("user_id"),
            org_id: row.get("org_id"),
            role,
            token_id: Some(row.get("token_id")),
        }))
    }

    /// Check an email and password; issue a token named `token_name`.
    ///
    /// # Errors
    /// [`StoreError::Unauthorized`] for an unknown email, a user without a
    /// password, or a wrong password (the same answer for all three).
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        token_name: &str,
    ) -> Result<(TokenInfo, String)> {
        let row = sqlx::query("SELECT id, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else {
            // Spend the same time as a real check.
            let _ = verify_password(password, dummy_phc());
            return Err(StoreError::Unauthorized);
        };
        let hash: Option<String> = row.try_get("password_hash")?;
        let user_id: String = row.try_get("id")?;
        match hash {
            Some(h) if verify_password(password, &h) => {
                let actor = self.actor_of_user(&user_id).await?;
                self.issue_token(Some(&actor), &user_id, token_name).await
            }
            _ => Err(StoreError::Unauthorized),
        }
    }

    async fn actor_of_user(&self, user_id: &str) -> Result<Actor> {
        let mut conn = self.pool.acquire().await?;
        let user = fetch_user(&mut conn, user_id)
            .await?
            .ok_or(StoreError::Unauthorized)?;
        Ok(Actor {
            user_id: user.id,
            org_id: user.org_id,
            role: user.role,
            token_id: None,
        })
    }

    /// The actor's own tokens; an admin sees every token of their organization.
    pub async fn list_tokens(&self, actor: &Actor, page: PageRequest) -> Result<Page<TokenInfo>> {
        let rows = sqlx::query(
            "SELECT t.seq, t.id, t.user_id, t.name, t.created_at, t.revoked_at FROM tokens t \
             JOIN users u ON u.id = t.user_id \
             WHERE (t.user_id = $1 OR (u.org_id = $2 AND $3 = 'admin')) AND t.seq > $4 \
             ORDER BY t.seq LIMIT $5",
        )
        .bind(actor.user_id.clone())
        .bind(actor.org_id.clone())
        .bind(actor.role.as_str())
        .bind(page.after_seq())
        .bind(page.fetch())
        .fetch_all(&self.pool)
        .await?;
        let rows = rows
            .iter()
            .map(token_from_row)
            .collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(rows, &page))
    }

    /// Revoke a token: the actor's own, or any of their organization's for an admin.
    pub async fn revoke_token(&self, actor: &Actor, token_id: &str) -> Result<TokenInfo> {
        let mut w = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT t.seq, t.id, t.user_id, t.name, t.created_at, t.revoked_at, u.org_id FROM tokens t \
             JOIN users u ON u.id = t.user_id WHERE t.id = $1",
        )
        .bind(token_id)
        .fetch_optional(&mut *w.tx)
        .await?;
        let Some(row) = row else {
            return Err(StoreError::not_found("tokens", token_id));
        };
        let org: String = row.try_get("org_id")?;
        let (_, before) = token_from_row(&row)?;
        let allowed =
            before.user_id == actor.user_id || (org == actor.org_id && actor.role == Role::Admin);
        if org != actor.org_id {
            return Err(StoreError::not_found("tokens", token_id));
        }
        if !allowed {
            return Err(StoreError::forbidden(
                "only admins revoke other users' tokens",
            ));
        }
        let now = now_rfc3339();
        sqlx::query("UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now.clone())
            .bind(token_id)
            .execute(&mut *w.tx)
            .await?;
        let after_info = TokenInfo {
            revoked_at: before.revoked_at.clone().or(Some(now)),
            ..before.clone()
        };
        let (b, a) = (
            serde_json::to_value(&before).ok(),
            serde_json::to_value(&after_info).ok(),
        );
        audit::record(
            &mut w.tx,
            Change {
                actor: Some(actor),
                action: "revoke_token",
                kind: "tokens",
                resource_id: token_id,
                owner_org: Some(&org),
                before: b.as_ref(),
                after: a.as_ref(),
            },
        )
        .await?;
        w.commit().await?;
        Ok(after_info)
    }
}

/// An Argon2id hash of a random password, verified against when the
/// email is unknown so that timing does not reveal which emails exist.
fn dummy_phc() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        random_hex(16)
            .and_then(|p| crate::secret::hash_password(&p))
            .unwrap_or_default()
    })
}
