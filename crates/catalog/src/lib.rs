//! silkway's STAC API 1.0 catalog: archive imagery and planned acquisitions
//! of the Earth-observation desk.
//!
//! - Storage over `sqlx::AnyPool`, one code path for SQLite and PostgreSQL
//!   ([`migrate`], versioned migrations numbered from 1000).
//! - [`router`] serves the STAC API (core, collections, OGC API Features,
//!   item search GET/POST, CQL2 filter text/JSON, sort, fields,
//!   transactions) relative to its mount point; [`mounted_router`] nests it
//!   under a prefix such as `/stac`.
//! - [`seed_default_collections`] creates the `spot6-7` archive and the
//!   `planned` collection; [`upsert_planned_acquisitions`] writes the EO
//!   planner's footprints as items of `planned`.
//!
//! # Authentication
//! This crate does no authentication. It assumes the embedding server
//! rejects unauthenticated POST/PUT/PATCH/DELETE requests before they reach
//! the router, except `POST /search`, which only reads.
//!
//! # References
//! - STAC API 1.0.0 (core, collections, ogcapi-features, item-search) and its
//!   Fields, Sort, Filter and Transaction extensions.
//! - OGC API Features Parts 1, 3 and 4; OGC CQL2 1.0; RFC 7946; RFC 9457.

#![deny(missing_docs)]

pub mod api;
pub mod conformance;
pub mod datetime;
pub mod db;
pub mod document;
pub mod error;
pub mod fields;
pub mod filter;
pub mod links;
pub mod openapi;
pub mod queryables;
pub mod request;
pub mod sample;
pub mod search;
pub mod seed;
pub mod sort;
pub mod spatial;
pub mod storage;

pub use api::{mounted_router, router};
pub use db::migrate;
pub use error::{CatalogError, Result};
pub use seed::{PlannedAcquisition, seed_default_collections, upsert_planned_acquisitions};

use sqlx::AnyPool;

use crate::links::Urls;
use crate::storage::Storage;

/// Shared state of the catalog's handlers.
#[derive(Debug, Clone)]
pub struct CatalogState {
    /// Database access.
    pub storage: Storage,
    /// URL builder from the public base URL.
    pub urls: Urls,
    /// Id of the root catalog.
    pub catalog_id: String,
    /// Title of the root catalog.
    pub title: String,
    /// Description of the root catalog.
    pub description: String,
}

impl CatalogState {
    /// State over `pool` whose links start with `public_base_url`, the URL
    /// at which the catalog root is reachable including the mount prefix
    /// (e.g. `https://silkway.example.org/stac`).
    pub async fn new(pool: AnyPool, public_base_url: &str) -> Result<CatalogState> {
        sqlx::any::install_default_drivers();
        Ok(CatalogState {
            storage: Storage::new(pool).await?,
            urls: Urls::new(public_base_url),
            catalog_id: "silkway".into(),
            title: "silkway Earth-observation catalog".into(),
            description:
                "Archive imagery and planned acquisitions over the Caspian region (STAC API 1.0)."
                    .into(),
        })
    }
}
