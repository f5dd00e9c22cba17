//! The crate's one error type.

/// Everything that can go wrong in `silkway-orbit`.
///
/// Parse errors name the source (file name or a label), the 1-based line and
/// column and the field, and say what was expected and what was found.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OrbitError {
    /// A malformed element set (TLE, OMM) or other text input.
    #[error("{source_name}:{line}:{column}: {field}: {message}")]
    Parse {
        /// File name or label of the input.
        source_name: String,
        /// 1-based line number (0 when the format has no lines, e.g. JSON).
        line: usize,
        /// 1-based column (0 when not applicable).
        column: usize,
        /// The field being read (e.g. `eccentricity`, `checksum`).
        field: String,
        /// What was expected and what was found.
        message: String,
    },
    /// Element sets SGP4 cannot initialise (e.g. eccentricity outside [0, 1)).
    #[error("{satellite} (NORAD {norad_id}): SGP4 cannot use these elements: {message}")]
    Elements {
        /// Satellite name.
        satellite: String,
        /// NORAD catalog number.
        norad_id: u32,
        /// Reason given by the SGP4 initialisation.
        message: String,
    },
    /// Propagation failed: decayed, diverging or non-finite state.
    #[error(
        "{satellite} (NORAD {norad_id}): propagation failed {minutes_since_epoch:.3} min after epoch: {message}"
    )]
    Propagation {
        /// Satellite name.
        satellite: String,
        /// NORAD catalog number.
        norad_id: u32,
        /// Minutes since the element set epoch.
        minutes_since_epoch: f64,
        /// Reason (decay, eccentricity out of range, ...).
        message: String,
    },
    /// A date/time that cannot be parsed or represented.
    #[error("time {text:?}: {message}")]
    Time {
        /// The offending text or value.
        text: String,
        /// What was expected.
        message: String,
    },
    /// An argument outside its domain (negative step, empty window, ...).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// The caller stopped a long computation (its progress callback asked
    /// to break) before it finished.
    #[error("cancelled before completion")]
    Cancelled,
}

/// Shorthand result type.
pub type Result<T> = std::result::Result<T, OrbitError>;
