//! The whole silkway service as `silkway serve` runs it: the JSON API over
//! the store, the engine analyses and their jobs at `/api/analyses` (jobs
//! and results kept in the database), the
//! STAC API at `/stac` (its tables in the same database), the tasking API
//! at `/stapi` (orders in the store, planned acquisitions in the catalog),
//! and the embedded web UI at `/`.

use std::sync::Arc;

use axum::Router;
use silkway_analyses::{AnalysesState, JobRegistry, JobStoreError, ScenarioProvider};
use silkway_model::Scenario;

use crate::app::AppBuilder;
use crate::job_store::DbJobStore;
use crate::scenario_cache::ScenarioCache;
use crate::state::AppState;

/// The analyses run on the store's current scenario (refreshed after every
/// successful change made through the API).
impl ScenarioProvider for ScenarioCache {
    fn scenario(&self) -> Arc<Scenario> {
        self.current()
    }
}

/// Every router mounted under the one authentication layer.
/// `public_url` is where clients reach the server (`http://host:port`,
/// no trailing slash): the STAC API's links start with it.
///
/// Why the service could not be assembled.
#[derive(Debug, thiserror::Error)]
pub enum AssembleError {
    /// The catalog's migrations or default collections could not be written.
    #[error("catalog: {0}")]
    Catalog(#[from] silkway_catalog::CatalogError),
    /// The stored jobs could not be read or marked interrupted.
    #[error("{0}")]
    Jobs(#[from] JobStoreError),
}

/// # Errors
/// [`AssembleError`]: the catalog's tables or the stored jobs.
pub async fn silkway_app(
    state: AppState,
    cache: ScenarioCache,
    public_url: &str,
) -> Result<Router, AssembleError> {
    let pool = state.store.pool().clone();
    silkway_catalog::migrate(&pool).await?;
    silkway_catalog::seed_default_collections(&pool).await?;
    let stac_base = format!("{}/stac", public_url.trim_end_matches('/'));
    let catalog = silkway_catalog::CatalogState::new(pool, &stac_base).await?;
    let stapi = {
        let cache = cache.clone();
        silkway_stapi::StapiState::new(
            state.store.clone(),
            Arc::new(move || cache.current()),
            &format!("{}/stapi", public_url.trim_end_matches('/')),
        )
    };
    // Jobs and results in the database; jobs a previous process left
    // queued or running are marked failed (blocking store calls: off the
    // executor).
    let job_store = Arc::new(DbJobStore::new(state.store.clone()));
    let jobs = tokio::task::spawn_blocking(move || {
        JobRegistry::new(job_store, silkway_analyses::jobs::DEFAULT_MAX_RUNNING)
    })
    .await
    .map_err(|e| JobStoreError(format!("reading the stored jobs: {e}")))??;
    let analyses = AnalysesState::new(Arc::new(cache.clone()), jobs);
    Ok(AppBuilder::new(state)
        .scenario_cache(cache)
        .nest_api("/api/analyses", silkway_analyses::router(analyses))
        .merge_plain(
            "/stac/",
            "STAC API (imagery catalog)",
            silkway_catalog::mounted_router(catalog, "/stac"),
        )
        .merge_plain(
            "/stapi/",
            "Tasking API (STAPI: products, opportunities, orders)",
            silkway_stapi::mounted_router(stapi, "/stapi"),
        )
        .web_ui(silkway_webui::router())
        .build())
}
