//! Who is making a request: a user of an organization with a role.

use std::fmt;

/// What a user may do.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads everything its organization may see; changes nothing.
    Viewer,
    /// Also creates and changes its organization's resources.
    Engineer,
    /// Also manages its organization's users and tokens, and reads the audit log.
    Admin,
}

impl Role {
    /// Parse `viewer`, `engineer` or `admin`.
    pub fn from_name(name: &str) -> Option<Role> {
        match name {
            "viewer" => Some(Role::Viewer),
            "engineer" => Some(Role::Engineer),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Engineer => "engineer",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Actor {
    /// User id.
    pub user_id: String,
    /// The user's organization.
    pub org_id: String,
    /// The user's role in it.
    pub role: Role,
    /// The token the request was made with (none for the command line).
    pub token_id: Option<String>,
}

impl Actor {
    /// Err unless the role is at least `needed`.
    pub fn require(&self, needed: Role) -> crate::Result<()> {
        if self.role >= needed {
            Ok(())
        } else {
            Err(crate::StoreError::forbidden(format!(
                "this needs the {needed} role; user {} is {}",
                self.user_id, self.role
            )))
        }
    }
}
