//! silkway's analyses over HTTP: the engines of the orbit, ITU-R/link,
//! network, spectrum and capacity crates as axum routes with an OpenAPI
//! description, and long computations as jobs with progress, cancellation
//! and kept results.
//!
//! The server nests [`router`] at `/api/analyses`; its store provides the
//! scenario ([`ScenarioProvider`]) and may persist jobs ([`JobStore`]).
//! Cheap analyses answer synchronously; those that can run long are also
//! job kinds (`POST /jobs`), and their synchronous form refuses inputs too
//! large to answer within about a second, naming the job kind to use.
//! Errors are RFC 9457 problem documents ([`problem::Problem`]).
//!

#![deny(missing_docs)]

mod body;
pub mod capacity;
pub mod coordination;
pub mod eo;
pub mod itu;
pub mod jobs;
pub mod kinds;
pub mod link;
pub mod net;
pub mod net_apsp;
pub mod orbit;
pub mod orbit_states;
pub mod problem;
pub mod spectrum;
pub mod spectrum_models;

use std::sync::Arc;

use silkway_model::Scenario;
use utoipa_axum::router::OpenApiRouter;

pub use jobs::{Control, Job, JobRegistry, JobState, JobStore, JobStoreError, MemoryJobStore};
pub use problem::{FieldError, Problem};

use problem::ApiResult;

/// Where the analyses get the scenario they work on (the server: its
/// store's current scenario; tests and the CLI: [`StaticScenario`]).
pub trait ScenarioProvider: Send + Sync + 'static {
    /// The current scenario.
    fn scenario(&self) -> Arc<Scenario>;
}

/// A fixed scenario.
#[derive(Debug, Clone)]
pub struct StaticScenario(pub Arc<Scenario>);

impl ScenarioProvider for StaticScenario {
    fn scenario(&self) -> Arc<Scenario> {
        Arc::clone(&self.0)
    }
}

/// What every analysis handler shares: the scenario source and the jobs.
#[derive(Clone)]
pub struct AnalysesState {
    scenario: Arc<dyn ScenarioProvider>,
    jobs: JobRegistry,
}

impl std::fmt::Debug for AnalysesState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnalysesState")
            .field("jobs", &self.jobs)
            .finish_non_exhaustive()
    }
}

impl AnalysesState {
    /// Analyses over `scenario` with the jobs of `jobs`.
    pub fn new(scenario: Arc<dyn ScenarioProvider>, jobs: JobRegistry) -> Self {
        Self { scenario, jobs }
    }

    /// Analyses over a fixed scenario with jobs kept in memory.
    pub fn with_static_scenario(scenario: Scenario) -> Self {
        Self::new(
            Arc::new(StaticScenario(Arc::new(scenario))),
            JobRegistry::in_memory(),
        )
    }

    /// The job registry.
    pub fn jobs(&self) -> &JobRegistry {
        &self.jobs
    }

    /// The current scenario.
    pub fn scenario(&self) -> Arc<Scenario> {
        self.scenario.scenario()
    }

    /// Run `f` on the blocking pool with the current scenario (synchronous
    /// analyses: never cancelled).
    pub(crate) async fn compute<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Scenario, &Control) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let scenario = self.scenario();
        tokio::task::spawn_blocking(move || f(&scenario, &Control::new()))
            .await
            .map_err(|e| Problem::internal(format!("the computation panicked: {e}")))?
    }
}

/// Every analysis route and the job routes, relative (`/orbit/passes`,
/// `/jobs/{id}`...), with their OpenAPI paths and schemas.
pub fn router(state: AnalysesState) -> OpenApiRouter {
    OpenApiRouter::new()
        .merge(orbit::routes())
        .merge(orbit_states::routes())
        .merge(link::routes())
        .merge(itu::routes())
        .merge(net::routes())
        .merge(net_apsp::routes())
        .merge(spectrum::routes())
        .merge(spectrum_models::routes())
        .merge(coordination::routes())
        .merge(capacity::routes())
        .merge(eo::routes())
        .merge(jobs::routes::routes())
        .with_state(state)
}
