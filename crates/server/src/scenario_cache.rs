//! The current scenario, built from the store and kept in memory for
//! synchronous readers (the analyses' `ScenarioProvider`); rebuilt after
//! every successful change made through the API.

use std::sync::{Arc, RwLock};

use silkway_model::Scenario;
use silkway_store::{Result, Store};

/// A shared, refreshable [`Scenario`].
#[derive(Debug, Clone)]
pub struct ScenarioCache {
    store: Store,
    current: Arc<RwLock<Arc<Scenario>>>,
}

impl ScenarioCache {
    /// Build the scenario from `store` now.
    ///
    /// # Errors
    /// Store errors (a corrupt document).
    pub async fn new(store: Store) -> Result<Self> {
        let scenario = Arc::new(store.scenario().await?);
        Ok(Self {
            store,
            current: Arc::new(RwLock::new(scenario)),
        })
    }

    /// The scenario as of the last refresh.
    pub fn current(&self) -> Arc<Scenario> {
        match self.current.read() {
            Ok(g) => g.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Rebuild from the store.
    ///
    /// # Errors
    /// Store errors; the previous scenario stays in place.
    pub async fn refresh(&self) -> Result<()> {
        let scenario = Arc::new(self.store.scenario().await?);
        match self.current.write() {
            Ok(mut g) => *g = scenario,
            Err(poisoned) => *poisoned.into_inner() = scenario,
        }
        Ok(())
    }
}
