//! Satellite tasking in the manner of STAPI (the SpatioTemporal Asset
//! Tasking API, stapi-spec v0.1.0): products → opportunities → orders,
//! over silkway's Earth-observation engine.
//!
//! - A **product** is one imaging satellite of the current scenario with a
//!   sensor and an element set (`spot-6`, `kazeosat-1`...).
//! - **Opportunities** (`POST /products/{id}/opportunities`) are its passes
//!   over the requested area within the requested interval, computed by
//!   [`silkway_eo::access`], filtered with CQL2 JSON on their properties.
//! - An **order** (`POST /products/{id}/orders`) is planned with the
//!   product's other active orders by [`silkway_eo::plan`] (the exact or
//!   LNS planner, its independent checker run on every plan). Orders
//!   already scheduled keep their coverage — a new order that would take
//!   any of it is rejected — so scheduling is first come, first served.
//!   Scheduled acquisitions are published as items of the STAC catalog's
//!   `planned` collection.
//!
//! Orders are documents of the store ([`silkway_store::Kind::TaskingOrders`]):
//! owned by the caller's organization, audited, kept across restarts, and
//! visible to that organization only. The server mounts [`router`] at
//! `/stapi` behind its bearer-token layer, which puts the caller in the
//! request's extensions as `Option<silkway_store::Actor>`.

#![deny(missing_docs)]

mod caller;
mod interval;
mod links;
mod opportunities;
mod order_doc;
mod orders;
mod planning;
mod products;
mod request;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use silkway_model::Scenario;
use silkway_store::Store;

pub use interval::Interval;
pub use order_doc::{OrderStatus, StatusCode};

/// The STAPI version these objects implement.
pub const STAPI_VERSION: &str = "0.1.0";

/// Conformance classes served (stapi-spec v0.1.0 URIs).
pub const CONFORMANCE: &[&str] = &[
    "https://stapi.example.com/v0.1.0/core",
    "https://stapi.example.com/v0.1.0/opportunities",
    "https://stapi.example.com/v0.1.0/order-statuses",
    "https://geojson.org/schema/Polygon.json",
    "https://geojson.org/schema/MultiPolygon.json",
];

/// Where the tasking API gets the current scenario (the server: its
/// scenario cache).
pub type ScenarioSource = Arc<dyn Fn() -> Arc<Scenario> + Send + Sync>;

/// Shared state of the tasking routes.
#[derive(Clone)]
pub struct StapiState {
    store: Store,
    scenario: ScenarioSource,
    base_url: Arc<str>,
    /// One order is planned at a time, so that two orders never both take
    /// the same acquisition time.
    planning: Arc<tokio::sync::Mutex<()>>,
}

impl std::fmt::Debug for StapiState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StapiState")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl StapiState {
    /// Tasking over `store` (orders; its pool holds the catalog's tables)
    /// and the scenario `scenario` returns; `base_url` is where clients
    /// reach the API (`http://host:port/stapi`, links start with it).
    pub fn new(store: Store, scenario: ScenarioSource, base_url: &str) -> Self {
        Self {
            store,
            scenario,
            base_url: base_url.trim_end_matches('/').into(),
            planning: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    pub(crate) fn scenario(&self) -> Arc<Scenario> {
        (self.scenario)()
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// The tasking routes mounted at `prefix` (`/stapi`): the landing page
/// answers at both `/stapi` and `/stapi/`.
pub fn mounted_router(state: StapiState, prefix: &str) -> Router {
    let prefix = format!("/{}", prefix.trim_matches('/'));
    Router::new()
        .route(
            &format!("{prefix}/"),
            get(links::landing).with_state(state.clone()),
        )
        .nest(&prefix, router(state))
}

/// The tasking routes, relative to the mount point (`/`, `/products`...).
pub fn router(state: StapiState) -> Router {
    Router::new()
        .route("/", get(links::landing))
        .route("/conformance", get(links::conformance))
        .route("/products", get(products::list))
        .route("/products/{product_id}", get(products::one))
        .route(
            "/products/{product_id}/queryables",
            get(products::queryables),
        )
        .route(
            "/products/{product_id}/order-parameters",
            get(products::order_parameters),
        )
        .route(
            "/products/{product_id}/opportunities",
            post(opportunities::search),
        )
        .route("/products/{product_id}/orders", post(orders::create))
        .route("/orders", get(orders::list))
        .route("/orders/{order_id}", get(orders::one))
        .route("/orders/{order_id}/statuses", get(orders::statuses))
        .route("/orders/{order_id}/cancel", post(orders::cancel))
        .with_state(state)
}
