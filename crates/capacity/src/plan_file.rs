//! A carrier-plan file (TOML) applied over a scenario: `silkway capacity
//! plan --plan FILE`.
//!
//! The file may hold `[[beams]]`, `[[transponders]]`, `[[carriers]]` and
//! `[[leases]]` in the scenario format (docs/scenario.md) and a `date`.
//! Beams and transponders are **added** to the scenario's; carriers and
//! leases, when the file has any, **replace** the scenario's (the file is
//! the plan). The result is validated with the scenario rules.

use serde::Deserialize;
use silkway_model::{Beam, Carrier, Lease, ModelError, Problem, Scenario, Transponder};

use crate::error::{Error, Result};

/// A carrier-plan file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// Date the leases are checked on, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// Beams to add.
    #[serde(default)]
    pub beams: Vec<Beam>,
    /// Transponders to add.
    #[serde(default)]
    pub transponders: Vec<Transponder>,
    /// The carrier plan (replaces the scenario's when not empty).
    #[serde(default)]
    pub carriers: Vec<Carrier>,
    /// Leases (replace the scenario's when not empty).
    #[serde(default)]
    pub leases: Vec<Lease>,
}

impl PlanFile {
    /// Parses a plan file; errors name the field, line and column.
    pub fn from_toml(text: &str, origin: &str) -> Result<PlanFile> {
        toml::from_str(text).map_err(|e| Error::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })
    }

    /// The scenario with this plan applied, validated.
    pub fn apply(&self, mut scenario: Scenario, origin: &str) -> Result<Scenario> {
        scenario.beams.extend(self.beams.iter().cloned());
        scenario
            .transponders
            .extend(self.transponders.iter().cloned());
        if !self.carriers.is_empty() {
            scenario.carriers = self.carriers.clone();
        }
        if !self.leases.is_empty() {
            scenario.leases = self.leases.clone();
        }
        if let Some(d) = &self.date {
            if !silkway_model::payload::is_iso_date(d) {
                return Err(crate::error::field(
                    "date",
                    format!("expected YYYY-MM-DD, found {d:?}"),
                ));
            }
        }
        let problems: Vec<Problem> = scenario
            .problems()
            .into_iter()
            .map(|(path, message)| Problem {
                path: path.to_string(),
                line: None,
                message,
            })
            .collect();
        if problems.is_empty() {
            Ok(scenario)
        } else {
            Err(ModelError::Invalid {
                origin: format!("{origin} (applied to scenario {})", scenario.name),
                problems,
            }
            .into())
        }
    }
}
