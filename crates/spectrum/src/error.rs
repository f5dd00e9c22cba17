//! The crate's error type.

/// Everything that can go wrong in `silkway_spectrum`.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// A numeric input is NaN, infinite, or outside its domain.
    #[error("{field}: expected {expected}, found {found}")]
    InvalidInput {
        /// The offending parameter (`diameter_m`, `freq_ghz`...).
        field: String,
        /// What was expected, in words.
        expected: String,
        /// The value given.
        found: f64,
    },
    /// The inputs are valid numbers but outside the range a
    /// Recommendation covers (e.g. S.580 needs D/λ ≥ 50).
    #[error("{model}: {reason}")]
    OutOfValidity {
        /// The model (`ITU-R S.580-6`...).
        model: String,
        /// Why it does not apply.
        reason: String,
    },
    /// Something the scenario lacks: an assignment, station, antenna or field.
    #[error("scenario: {0}")]
    Scenario(String),
    /// A TOML input file could not be read as the documented format.
    #[error("{origin}: {message}")]
    Parse {
        /// The file (or `<string>`).
        origin: String,
        /// The parser's explanation (with line and column).
        message: String,
    },
    /// A path-loss model failed (a plug-in model's own error, as text).
    #[error("path loss ({model}): {message}")]
    PathLoss {
        /// The model's name.
        model: String,
        /// Its explanation.
        message: String,
    },
}

/// `Result` with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// `value` must be finite.
pub(crate) fn finite(field: &str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(invalid(field, "a finite number", value))
    }
}

/// `value` must be finite and > 0.
pub(crate) fn positive(field: &str, value: f64) -> Result<f64> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(invalid(field, "a finite number > 0", value))
    }
}

/// `value` must lie in `[lo, hi]`.
pub(crate) fn in_range(field: &str, value: f64, lo: f64, hi: f64) -> Result<f64> {
    if value.is_finite() && value >= lo && value <= hi {
        Ok(value)
    } else {
        Err(invalid(field, &format!("a number in [{lo}, {hi}]"), value))
    }
}

pub(crate) fn invalid(field: &str, expected: &str, found: f64) -> Error {
    Error::InvalidInput {
        field: field.to_owned(),
        expected: expected.to_owned(),
        found,
    }
}

pub(crate) fn out_of_validity(model: &str, reason: String) -> Error {
    Error::OutOfValidity {
        model: model.to_owned(),
        reason,
    }
}
