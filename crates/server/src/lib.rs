//! silkway's HTTP API.
//!
//! axum over [`silkway_store`]: every document kind under `/api/<kind>`,
//! element-set import and history, coordination requests, users, tokens
//! and the audit log; RFC 9457 problem details for every error
//! ([`problem`]); keyset paging with `next` links ([`paging`]); bearer
//! tokens checked by one middleware over the whole app ([`auth`]); an
//! OpenAPI document generated from the code at `/api/openapi.json` with a
//! docs page at `/api/docs` ([`openapi`], [`pages`]). [`app::AppBuilder`]
//! is where other routers (analyses, STAC catalog) are mounted.

#![deny(missing_docs)]

pub mod app;
pub mod assemble;
pub mod auth;
pub mod body;
pub mod job_store;
pub mod openapi;
pub mod pages;
pub mod paging;
pub mod problem;
pub mod routes;
pub mod scenario_cache;
pub mod schema;
pub mod shutdown;
pub mod state;

pub use app::AppBuilder;
pub use assemble::silkway_app;
pub use problem::Problem;
pub use scenario_cache::ScenarioCache;
pub use state::AppState;
