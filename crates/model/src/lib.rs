//! silkway's domain vocabulary.
//!
//! Typed, serde-(de)serialisable descriptions of what the platform's users
//! operate — organizations, satellites, stations, the transit network's
//! nodes and links, frequency assignments, Earth-observation sensors and
//! traffic demands — gathered in a [`Scenario`]. A scenario is read from a
//! TOML file (format documented in `docs/scenario.md`) or taken from the
//! built-in set ([`builtin`]), and is validated on load: every rule
//! violation is reported with the file, the line and the field path
//! (e.g. `links[3].length_km`).
//!
//! No I/O beyond parsing: callers read files and pass their text in.
//!
//! # Examples
//! ```
//! let caspian = silkway_model::builtin::load("caspian").unwrap();
//! assert!(caspian.satellites.iter().any(|s| s.norad_id == 39079)); // AZERSPACE 1
//! ```

#![deny(missing_docs)]

pub mod assignment;
pub mod builtin;
pub mod demand;
pub mod error;
pub mod field_path;
pub mod geo;
pub mod geojson;
pub mod network;
pub mod organization;
pub mod payload;
pub mod satellite;
pub mod scenario;
pub mod sensor;
pub mod source_map;
pub mod station;
pub mod validate;
pub mod wgs84;

pub use assignment::{Assignment, Direction, Polarization};
pub use demand::Demand;
pub use error::{ModelError, Problem};
pub use field_path::FieldPath;
pub use geo::GeoPoint;
pub use network::{Link, LinkKind, LinkRole, LinkStatus, Node, NodeKind};
pub use organization::{Organization, OrganizationKind};
pub use payload::{Beam, BeamContour, Carrier, CarrierEnd, Lease, Transponder};
pub use satellite::{ElementSet, OrbitClass, Satellite, SatelliteStatus};
pub use scenario::Scenario;
pub use sensor::Sensor;
pub use station::{Antenna, Station, StationKind};
