//! The scenario: everything a study or a deployment starts from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{ModelError, Problem};
use crate::source_map::SourceMap;
use crate::{
    Assignment, Beam, Carrier, Demand, Lease, Link, Node, Organization, Satellite, Sensor, Station,
    Transponder,
};

/// A complete scenario: organizations, space and ground segments, the
/// transit network, the frequency register and traffic demands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short name (`caspian`).
    pub name: String,
    /// What the scenario describes, and how far its figures can be trusted.
    #[serde(default)]
    pub description: String,
    /// Operators, carriers, administrations, partners.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// Imaging sensors referenced by satellites.
    #[serde(default)]
    pub sensors: Vec<Sensor>,
    /// Satellites.
    #[serde(default)]
    pub satellites: Vec<Satellite>,
    /// Ground stations, teleports, VSATs, terrestrial stations.
    #[serde(default)]
    pub stations: Vec<Station>,
    /// Transit network nodes.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// Transit network links.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Frequency assignments.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    /// Traffic demands.
    #[serde(default)]
    pub demands: Vec<Demand>,
    /// Satellite beams and their coverage contours (payload).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beams: Vec<Beam>,
    /// Transponders and their operating points (payload).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transponders: Vec<Transponder>,
    /// The carrier plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carriers: Vec<Carrier>,
    /// Transponder segments leased to organizations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leases: Vec<Lease>,
}

/// The file formats a scenario can be read from and written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScenarioFormat {
    /// TOML, the documented scenario format (line numbers in errors).
    Toml,
    /// JSON, the same structure (for tools; line numbers for syntax errors).
    Json,
}

impl ScenarioFormat {
    /// Pick the format from a file name: `.json` is JSON, anything else TOML.
    pub fn from_file_name(name: &str) -> Self {
        if name.to_ascii_lowercase().ends_with(".json") {
            Self::Json
        } else {
            Self::Toml
        }
    }
}

impl Scenario {
    /// Parse and validate a scenario from text.
    ///
    /// `origin` names the input in error messages (a file name).
    ///
    /// # Errors
    /// [`ModelError::Syntax`] for malformed text, wrong types or unknown
    /// fields, with line, column and field; [`ModelError::Invalid`] with
    /// every violated rule, each with its field path and line.
    pub fn parse(text: &str, format: ScenarioFormat, origin: &str) -> Result<Self, ModelError> {
        match format {
            ScenarioFormat::Toml => Self::from_toml(text, origin),
            ScenarioFormat::Json => Self::from_json(text, origin),
        }
    }

    /// Parse and validate TOML text.
    ///
    /// # Errors
    /// See [`Scenario::parse`].
    pub fn from_toml(text: &str, origin: &str) -> Result<Self, ModelError> {
        let map = SourceMap::new(text);
        let scenario: Scenario = toml::from_str(text).map_err(|err| {
            let offset = err.span().map_or(0, |s| s.start);
            let (line, column) = map.line_col(offset);
            ModelError::Syntax {
                origin: origin.to_owned(),
                line,
                column,
                path: map.path_at(offset).map(|p| p.to_string()),
                message: err.message().trim().to_owned(),
            }
        })?;
        let problems: Vec<Problem> = scenario
            .problems()
            .into_iter()
            .map(|(path, message)| Problem {
                line: map.line_of(&path),
                path: path.to_string(),
                message,
            })
            .collect();
        finish(scenario, problems, origin)
    }

    /// Parse and validate JSON text.
    ///
    /// # Errors
    /// See [`Scenario::parse`]; validation problems carry no line number.
    pub fn from_json(text: &str, origin: &str) -> Result<Self, ModelError> {
        let scenario: Scenario = serde_json::from_str(text).map_err(|err| ModelError::Syntax {
            origin: origin.to_owned(),
            line: err.line(),
            column: err.column(),
            path: None,
            message: err.to_string(),
        })?;
        let problems = scenario
            .problems()
            .into_iter()
            .map(|(path, message)| Problem {
                line: None,
                path: path.to_string(),
                message,
            })
            .collect();
        finish(scenario, problems, origin)
    }

    /// Write the scenario as TOML (the documented file format).
    ///
    /// # Errors
    /// [`ModelError::Serialize`] when a value cannot be represented
    /// (e.g. a non-finite float).
    pub fn to_toml(&self) -> Result<String, ModelError> {
        toml::to_string_pretty(self).map_err(|e| ModelError::Serialize {
            format: "TOML",
            message: e.to_string(),
        })
    }

    /// Write the scenario as pretty JSON.
    ///
    /// # Errors
    /// [`ModelError::Serialize`] when a value cannot be represented.
    pub fn to_json(&self) -> Result<String, ModelError> {
        serde_json::to_string_pretty(self).map_err(|e| ModelError::Serialize {
            format: "JSON",
            message: e.to_string(),
        })
    }

    /// The JSON Schema (draft 2020-12) of the scenario format.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Scenario)).unwrap_or_default()
    }

    /// Look up a node by id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Look up a station by id.
    pub fn station(&self, id: &str) -> Option<&Station> {
        self.stations.iter().find(|s| s.id == id)
    }

    /// Look up a transponder by id.
    pub fn transponder(&self, id: &str) -> Option<&Transponder> {
        self.transponders.iter().find(|t| t.id == id)
    }

    /// Look up a beam by id.
    pub fn beam(&self, id: &str) -> Option<&Beam> {
        self.beams.iter().find(|b| b.id == id)
    }

    /// Look up an organization by id.
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }

    /// Look up a satellite by id, name (case-insensitive) or NORAD number.
    pub fn satellite(&self, key: &str) -> Option<&Satellite> {
        self.satellites.iter().find(|s| {
            s.id == key || s.name.eq_ignore_ascii_case(key) || s.norad_id.to_string() == key
        })
    }
}

fn finish(
    scenario: Scenario,
    problems: Vec<Problem>,
    origin: &str,
) -> Result<Scenario, ModelError> {
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(ModelError::Invalid {
            origin: origin.to_owned(),
            problems,
        })
    }
}
