//! The crate's error type.

use std::path::PathBuf;

/// Everything that can go wrong in `silkway-eo`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A text file does not follow its format.
    #[error("{file}:{line}: {field}: expected {expected}, found {found}")]
    Parse {
        /// The file (or the name given to an in-memory text).
        file: String,
        /// The 1-based line number (0 when the problem is the end of the file).
        line: usize,
        /// The field being read.
        field: String,
        /// What the format requires there.
        expected: String,
        /// What the file holds there.
        found: String,
    },
    /// A solution does not fit the instance it is meant for.
    #[error("solution does not match the instance: {0}")]
    Mismatch(String),
    /// A solver produced a result that the independent checker rejects
    /// (a bug: reported rather than returned).
    #[error("internal error: solver result rejected by the checker: {0}")]
    Internal(String),
    /// Inconsistent or missing configuration (scenario, options).
    #[error("{0}")]
    Config(String),
    /// An orbit computation failed (propagation, pass search).
    #[error(transparent)]
    Orbit(#[from] silkway_orbit::OrbitError),
    /// A plan violates a constraint (reported by the independent checker).
    #[error("plan rejected: {0}")]
    Infeasible(String),
}
