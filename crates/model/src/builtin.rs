//! Scenarios embedded in the binary.

use crate::error::ModelError;
use crate::scenario::Scenario;

/// Names and TOML texts of the built-in scenarios.
const BUILTINS: &[(&str, &str)] = &[("caspian", include_str!("../scenarios/caspian.toml"))];

/// Names of the built-in scenarios.
pub fn names() -> Vec<&'static str> {
    BUILTINS.iter().map(|(n, _)| *n).collect()
}

/// The TOML text of a built-in scenario.
///
/// # Errors
/// [`ModelError::UnknownBuiltin`] for an unknown name.
pub fn text(name: &str) -> Result<&'static str, ModelError> {
    BUILTINS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .ok_or_else(|| ModelError::UnknownBuiltin {
            name: name.to_owned(),
            available: names().join(", "),
        })
}

/// Load and validate a built-in scenario.
///
/// # Errors
/// [`ModelError::UnknownBuiltin`], or a validation error (a defect caught
/// by the crate's tests).
pub fn load(name: &str) -> Result<Scenario, ModelError> {
    Scenario::from_toml(text(name)?, &format!("<builtin:{name}>"))
}
