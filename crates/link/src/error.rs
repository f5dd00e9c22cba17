//! The crate's error type.

/// Error raised by a propagation model behind the [`crate::Fade`] trait.
///
/// Boxed so that any implementation (ITU-R P.618 with digital maps, a test
/// double...) can report its own error type.
pub type FadeError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Errors of `silkway-link`.
///
/// Every variant names the input at fault (a field of the link file or an
/// argument of a function) and says what was expected.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A numeric input is out of its valid range.
    #[error("invalid {field}: expected {expected}, got {value}")]
    InvalidInput {
        /// The argument or link-file field (dotted path, e.g. `downlink.antenna.efficiency`).
        field: String,
        /// What a valid value looks like.
        expected: &'static str,
        /// The value received.
        value: f64,
    },
    /// The link file could not be parsed (TOML syntax, unknown or missing field).
    #[error("link file: {message}")]
    Parse {
        /// The parser's message (names the field, line and column).
        message: String,
    },
    /// A contour map was asked of a grid or thresholds that cannot make one.
    #[error("cannot draw contours: {message}")]
    Contour {
        /// What is wrong.
        message: String,
    },
    /// The link file is well formed but inconsistent.
    #[error("link file field {field}: {message}")]
    InvalidField {
        /// Dotted path of the field.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The satellite is below the horizon of a station.
    #[error(
        "satellite at {satellite_lon_deg}°E is not visible from {station}: elevation {elevation_deg:.2}°"
    )]
    NotVisible {
        /// Station name.
        station: String,
        /// Satellite longitude (degrees east).
        satellite_lon_deg: f64,
        /// Computed elevation (degrees).
        elevation_deg: f64,
    },
    /// The propagation model failed.
    #[error("propagation model: {0}")]
    Propagation(#[source] FadeError),
    /// The caller stopped a long computation (its progress callback asked
    /// to break) before it finished.
    #[error("cancelled before completion")]
    Cancelled,
}

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Checks that `value` is finite and lies in `[min, max]`.
pub(crate) fn check_range(
    field: &str,
    value: f64,
    min: f64,
    max: f64,
    expected: &'static str,
) -> Result<f64> {
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(Error::InvalidInput {
            field: field.to_owned(),
            expected,
            value,
        })
    }
}

/// Checks that `value` is finite and strictly positive.
pub(crate) fn check_positive(field: &str, value: f64) -> Result<f64> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(Error::InvalidInput {
            field: field.to_owned(),
            expected: "a finite number > 0",
            value,
        })
    }
}

/// Checks that `value` is finite.
pub(crate) fn check_finite(field: &str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::InvalidInput {
            field: field.to_owned(),
            expected: "a finite number",
            value,
        })
    }
}
