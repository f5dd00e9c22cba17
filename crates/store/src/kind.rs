//! The kinds of documents kept in the `resources` table.

use std::fmt;

/// A kind of stored document, named as in the API path and the scenario
/// file (`satellites`, `links`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// [`silkway_model::Organization`].
    Organizations,
    /// [`silkway_model::Sensor`].
    Sensors,
    /// [`silkway_model::Satellite`].
    Satellites,
    /// [`silkway_model::Station`].
    Stations,
    /// [`silkway_model::Node`].
    Nodes,
    /// [`silkway_model::Link`].
    Links,
    /// [`silkway_model::Assignment`].
    Assignments,
    /// [`silkway_model::Demand`].
    Demands,
    /// [`silkway_model::Beam`].
    Beams,
    /// [`silkway_model::Transponder`].
    Transponders,
    /// [`silkway_model::Carrier`].
    Carriers,
    /// [`silkway_model::Lease`].
    Leases,
    /// A link budget definition (`silkway_link::LinkFile`).
    LinkDefinitions,
    /// An Earth-observation tasking request (JSON document).
    TaskingRequests,
    /// An Earth-observation order (JSON document).
    TaskingOrders,
}

impl Kind {
    /// Every kind, scenario kinds first in the scenario file's order
    /// (referenced lists before the lists referring to them).
    pub const ALL: [Kind; 15] = [
        Kind::Organizations,
        Kind::Sensors,
        Kind::Satellites,
        Kind::Stations,
        Kind::Nodes,
        Kind::Links,
        Kind::Assignments,
        Kind::Demands,
        Kind::Beams,
        Kind::Transponders,
        Kind::Carriers,
        Kind::Leases,
        Kind::LinkDefinitions,
        Kind::TaskingRequests,
        Kind::TaskingOrders,
    ];

    /// The name used in paths, the `resources.kind` column and the
    /// scenario file (`satellites`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Organizations => "organizations",
            Kind::Sensors => "sensors",
            Kind::Satellites => "satellites",
            Kind::Stations => "stations",
            Kind::Nodes => "nodes",
            Kind::Links => "links",
            Kind::Assignments => "assignments",
            Kind::Demands => "demands",
            Kind::Beams => "beams",
            Kind::Transponders => "transponders",
            Kind::Carriers => "carriers",
            Kind::Leases => "leases",
            Kind::LinkDefinitions => "link_definitions",
            Kind::TaskingRequests => "tasking_requests",
            Kind::TaskingOrders => "tasking_orders",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// True for the lists of a [`silkway_model::Scenario`]; those are
    /// validated together with the rest of the scenario on every write.
    pub fn is_scenario(self) -> bool {
        !matches!(
            self,
            Kind::LinkDefinitions | Kind::TaskingRequests | Kind::TaskingOrders
        )
    }

    /// True when only an organization's admins may create or change it.
    pub fn needs_admin(self) -> bool {
        self == Kind::Organizations
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
