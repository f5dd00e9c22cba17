//! Traffic demands between network nodes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Traffic to carry from one node to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// Unique id within the scenario's demands.
    pub id: String,
    /// Origin (id in `nodes`).
    pub source: String,
    /// Destination (id in `nodes`).
    pub target: String,
    /// Traffic, Gbit/s (> 0).
    pub gbps: f64,
    /// Where the figure comes from, or "illustrative".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
