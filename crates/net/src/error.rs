//! The crate's one error type.

/// Everything that can go wrong in `silkway-net`: bad input files, bad
/// values, unknown nodes, solver failures. Each variant names the input
/// (file, line, attribute) where one is known.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NetError {
    /// A file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        /// The file.
        file: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Malformed XML or GraphML structure.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The file (or `<input>`).
        file: String,
        /// 1-based line.
        line: usize,
        /// What was expected and what was found.
        message: String,
    },
    /// An attribute whose value is not acceptable.
    #[error("{file}:{line}: attribute `{attribute}`: expected {expected}, found `{found}`")]
    Attribute {
        /// The file (or `<input>`).
        file: String,
        /// 1-based line.
        line: usize,
        /// The attribute name (`Latitude`, `length_km`...).
        attribute: String,
        /// What an acceptable value looks like.
        expected: &'static str,
        /// The offending text.
        found: String,
    },
    /// A node id that the graph does not hold.
    #[error("{context}: unknown node `{id}`")]
    UnknownNode {
        /// The id as written.
        id: String,
        /// Where it was written (file:line, edge...).
        context: String,
    },
    /// Input that is structurally fine but not usable (empty graph, negative length...).
    #[error("invalid input: {0}")]
    Invalid(String),
    /// The LP solver failed or gave up.
    #[error("LP solver: {0}")]
    Solver(String),
}

/// Result alias of the crate.
pub type Result<T, E = NetError> = std::result::Result<T, E>;

/// 1-based line number of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
