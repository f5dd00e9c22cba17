//! The whole silkway service as `silkway serve` runs it: the JSON API over
//! the store, the engine analyses and their jobs at `/api/analyses`, and
//! the embedded web UI at `/`.

use std::sync::Arc;

use axum::Router;
use silkway_analyses::{AnalysesState, JobRegistry, ScenarioProvider};
use silkway_model::Scenario;

use crate::app::AppBuilder;
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
pub fn silkway_app(state: AppState, cache: ScenarioCache) -> Router {
    let analyses = AnalysesState::new(Arc::new(cache.clone()), JobRegistry::in_memory());
    AppBuilder::new(state)
        .scenario_cache(cache)
        .nest_api("/api/analyses", silkway_analyses::router(analyses))
        .web_ui(silkway_webui::router())
        .build()
}
