//! silkway's persistence.
//!
//! One code path for SQLite (the embedded default, WAL mode) and
//! PostgreSQL: sqlx's `Any` driver with runtime queries written once
//! (`$1` parameters, portable SQL), versioned migrations per backend
//! ([`migrate`]). Every write is one transaction that validates the change
//! with silkway-model's rules, checks the caller's role and ownership
//! ([`owners`]) and appends to the audit log ([`audit`]).
//!
//! What is kept: the scenario's documents ([`Kind`]: organizations,
//! satellites, stations, nodes, links, assignments...), link budget
//! definitions, EO tasking requests and orders (JSON documents), users and
//! API tokens ([`secret`]: SHA-256 for 256-bit tokens, Argon2id for
//! passwords), element-set histories ([`elements`]), coordination requests
//! between administrations ([`coordination`]), analysis jobs and their
//! results ([`jobs`]) and the audit log.
//!
//! # Examples
//! ```no_run
//! # async fn demo() -> silkway_store::Result<()> {
//! let store = silkway_store::Store::open("sqlite://silkway.db").await?;
//! if store.is_empty().await? {
//!     let caspian = silkway_model::builtin::load("caspian").expect("built-in scenario");
//!     store.load_scenario(&caspian).await?;
//! }
//! let scenario = store.scenario().await?;
//! assert!(!scenario.satellites.is_empty());
//! # Ok(()) }
//! ```

#![deny(missing_docs)]

pub mod actor;
pub mod audit;
mod clock;
pub mod coordination;
mod documents;
pub mod elements;
pub mod error;
pub mod jobs;
pub mod kind;
pub mod migrate;
pub mod owners;
pub mod paging;
pub mod pool;
pub mod resources;
pub mod scenario;
mod scenario_doc;
pub mod secret;
pub mod tokens;
pub mod users;
mod validate;

pub use actor::{Actor, Role};
pub use audit::AuditEntry;
pub use coordination::{Comment, CoordinationRequest, CoordinationStatus, NewCoordination};
pub use elements::{ElementSetRecord, ImportReport, ImportedSet};
pub use error::{FieldProblem, Result, StoreError};
pub use jobs::JobColumns;
pub use kind::Kind;
pub use paging::{Page, PageRequest};
pub use pool::{Backend, Store};
pub use resources::Record;
pub use tokens::TokenInfo;
pub use users::{NewUser, User};
