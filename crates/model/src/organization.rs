//! Organizations: operators, carriers, administrations and their partners.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What an organization is to the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    /// Runs satellites and/or ground stations (Azercosmos, KazSat's operator).
    Operator,
    /// Runs terrestrial or submarine transport networks (AzerTelecom).
    Carrier,
    /// National spectrum administration (ITU member administration).
    Administration,
    /// Customer or partner buying capacity or imagery (an ISP abroad).
    Partner,
}

/// An operator, carrier, administration or partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Unique id within the scenario's organizations.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Role of the organization.
    pub kind: OrganizationKind,
    /// ISO 3166-1 alpha-2 country code (`AZ`, `KZ`...).
    pub country: String,
    /// Where the facts about it come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
