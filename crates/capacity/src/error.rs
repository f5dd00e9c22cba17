//! The crate's error type.

/// Errors of `silkway-capacity`. Every variant names the input at fault by
/// its field path (`carriers[2].modcod`, `sites[0].lat_deg`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input value is missing, unknown or out of range.
    #[error("{path}: {message}")]
    Field {
        /// Field path.
        path: String,
        /// What is wrong, with what was expected.
        message: String,
    },
    /// A site lies outside every contour of a beam.
    #[error(
        "{path}: {site} ({lat_deg:.2}°N, {lon_deg:.2}°E) is outside the coverage of beam {beam}"
    )]
    NotCovered {
        /// Field path of the site's reference.
        path: String,
        /// Site name.
        site: String,
        /// Beam id.
        beam: String,
        /// Latitude, degrees north.
        lat_deg: f64,
        /// Longitude, degrees east.
        lon_deg: f64,
    },
    /// The link budget failed (satellite not visible, invalid figure...).
    #[error("{path}: {source}")]
    Link {
        /// Field path of the carrier or request.
        path: String,
        /// The link crate's error.
        #[source]
        source: silkway_link::Error,
    },
    /// No uplink power closes the link (interference-limited).
    #[error(
        "{path}: the link cannot reach Es/(N0+I0) = {required_esn0_db:.2} dB at any uplink power (interference-limited)"
    )]
    DoesNotClose {
        /// Field path of the carrier or request.
        path: String,
        /// Required Es/(N0+I0), dB.
        required_esn0_db: f64,
    },
    /// A plan or request file could not be parsed.
    #[error("{origin}: {message}")]
    Parse {
        /// File name.
        origin: String,
        /// The parser's message (field, line, column).
        message: String,
    },
    /// A merged scenario breaks the scenario rules.
    #[error("{0}")]
    Scenario(#[from] silkway_model::ModelError),
}

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

pub(crate) fn field(path: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Field {
        path: path.into(),
        message: message.into(),
    }
}
