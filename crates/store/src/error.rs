//! The store's errors: what the server maps to HTTP statuses.

/// One invalid field of a submitted document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FieldProblem {
    /// Path of the field inside the submitted document (`norad_id`,
    /// `position.lat_deg`), or the document itself (empty).
    pub field: String,
    /// What is wrong, with the value found.
    pub message: String,
}

impl FieldProblem {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Everything a store operation can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// No such record (or not visible to the caller).
    #[error("{kind} {id:?} not found")]
    NotFound {
        /// Resource kind (`satellites`).
        kind: String,
        /// The id asked for.
        id: String,
    },
    /// The caller may not do this (role or ownership).
    #[error("forbidden: {reason}")]
    Forbidden {
        /// Why, in words a user can act on.
        reason: String,
    },
    /// The submitted document breaks validation rules.
    #[error("invalid {kind}: {}", list(.problems))]
    Invalid {
        /// Resource kind.
        kind: String,
        /// Every violated rule, with its field.
        problems: Vec<FieldProblem>,
    },
    /// The change conflicts with the stored state (duplicate id, still
    /// referenced, wrong workflow state).
    #[error("conflict: {message}")]
    Conflict {
        /// What conflicts.
        message: String,
    },
    /// Bad credentials.
    #[error("invalid credentials")]
    Unauthorized,
    /// A database URL this build cannot use.
    #[error("unsupported database URL {url:?}: expected sqlite://FILE or postgres://...")]
    UnsupportedUrl {
        /// The URL given.
        url: String,
    },
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Running the migrations failed.
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored document no longer parses (written by another version or by hand).
    #[error("stored {kind} {id:?} is corrupt: {message}")]
    Corrupt {
        /// Resource kind.
        kind: String,
        /// Its id.
        id: String,
        /// The parser's message.
        message: String,
    },
    /// Hashing a password failed.
    #[error("password hashing failed: {0}")]
    Hash(String),
}

fn list(problems: &[FieldProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.field, p.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl StoreError {
    /// Shorthand for [`StoreError::Forbidden`].
    pub fn forbidden(reason: impl Into<String>) -> Self {
        Self::Forbidden {
            reason: reason.into(),
        }
    }

    /// Shorthand for [`StoreError::NotFound`].
    pub fn not_found(kind: &str, id: &str) -> Self {
        Self::NotFound {
            kind: kind.to_owned(),
            id: id.to_owned(),
        }
    }

    /// Shorthand for a single-field [`StoreError::Invalid`].
    pub fn invalid(kind: &str, field: &str, message: impl Into<String>) -> Self {
        Self::Invalid {
            kind: kind.to_owned(),
            problems: vec![FieldProblem::new(field, message)],
        }
    }
}

/// The store's result type.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
