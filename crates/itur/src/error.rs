//! The crate's error type.

use std::path::PathBuf;

/// The install command printed when a map is missing.
pub const INSTALL_HINT: &str = "silkway data install itu-maps --from-pypi";

/// Everything that can go wrong in `silkway-itur`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An ITU-R digital map needed by a model is not installed.
    #[error(
        "ITU-R digital map `{map}` is not installed (looked in {}); install the maps with `{INSTALL_HINT}` (or `silkway data install itu-maps --from DIR`)",
        dir.display()
    )]
    MapMissing {
        /// The map's name in the cache.
        map: String,
        /// The cache folder searched.
        dir: PathBuf,
    },
    /// A cached or source map file could not be understood.
    #[error("map file {}: {reason}", path.display())]
    MapCorrupt {
        /// The offending file.
        path: PathBuf,
        /// What was expected and what was found.
        reason: String,
    },
    /// An input outside the domain a Recommendation is valid for.
    #[error("invalid {name} = {value}: expected {expected}")]
    InvalidInput {
        /// Name of the parameter, with its unit (e.g. `freq_ghz`).
        name: &'static str,
        /// The value given.
        value: f64,
        /// The valid range or condition.
        expected: &'static str,
    },
    /// File-system error.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The map installer could not obtain or convert the maps.
    #[error("installing ITU-R maps: {0}")]
    Install(String),
    /// A data file (e.g. a P.452 path profile CSV) could not be parsed.
    #[error("{}:{line}: column `{column}`: {reason}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The column (header name or position).
        column: String,
        /// What was expected and what was found.
        reason: String,
    },
    /// A terrain path profile that a model cannot use.
    #[error("invalid path profile: {0}")]
    InvalidProfile(String),
}

/// Result alias for this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Check that `value` is finite and within `[lo, hi]`.
pub(crate) fn check_range(
    name: &'static str,
    value: f64,
    lo: f64,
    hi: f64,
    expected: &'static str,
) -> Result<f64> {
    if value.is_finite() && value >= lo && value <= hi {
        Ok(value)
    } else {
        Err(Error::InvalidInput {
            name,
            value,
            expected,
        })
    }
}

/// Check a latitude/longitude pair (degrees): latitude in [-90, 90],
/// longitude any finite value (wrapped by the interpolators).
pub(crate) fn check_lat_lon(lat_deg: f64, lon_deg: f64) -> Result<()> {
    check_range(
        "lat_deg",
        lat_deg,
        -90.0,
        90.0,
        "a latitude in [-90, 90] degrees",
    )?;
    check_range(
        "lon_deg",
        lon_deg,
        -1.0e6,
        1.0e6,
        "a finite longitude in degrees",
    )?;
    Ok(())
}
