//! The analyses' jobs kept in the store's database, so that states and
//! results survive restarts: [`silkway_analyses::JobStore`] over
//! [`silkway_store::Store`]'s `jobs` table.
//!
//! The adapter lives here, where both crates meet: the store stays free
//! of the analyses' types (it keeps JSON documents) and the analyses free
//! of the database.

use serde_json::Value;
use silkway_analyses::{Job, JobState, JobStore, JobStoreError};
use silkway_store::{JobColumns, Store};
use tokio::runtime::Handle;

/// Jobs in the database.
///
/// The trait's calls are blocking; the job registry makes them from
/// tokio's blocking threads, where this adapter waits on the async store
/// through the runtime handle captured at construction. Never call it
/// from an async task (it would block a worker).
#[derive(Debug, Clone)]
pub struct DbJobStore {
    store: Store,
    runtime: Handle,
}

impl DbJobStore {
    /// Jobs in `store`, driven by the current tokio runtime.
    ///
    /// # Panics
    /// Outside a tokio runtime.
    pub fn new(store: Store) -> Self {
        Self {
            store,
            runtime: Handle::current(),
        }
    }

    fn wait<T>(
        &self,
        f: impl std::future::Future<Output = silkway_store::Result<T>>,
    ) -> Result<T, JobStoreError> {
        self.runtime
            .block_on(f)
            .map_err(|e| JobStoreError(e.to_string()))
    }
}

fn state_name(state: JobState) -> &'static str {
    match state {
        JobState::Queued => "queued",
        JobState::Running => "running",
        JobState::Succeeded => "succeeded",
        JobState::Failed => "failed",
        JobState::Cancelled => "cancelled",
    }
}

fn job_of(body: Value) -> Result<Job, JobStoreError> {
    serde_json::from_value(body)
        .map_err(|e| JobStoreError(format!("a stored job is unreadable: {e}")))
}

impl JobStore for DbJobStore {
    fn save(&self, job: &Job) -> Result<(), JobStoreError> {
        let body = serde_json::to_value(job).map_err(|e| JobStoreError(e.to_string()))?;
        let columns = JobColumns {
            id: &job.id,
            kind: &job.kind,
            state: state_name(job.state),
            created_at: &job.created_at,
        };
        self.wait(self.store.save_job(columns, &body))
    }

    fn save_result(&self, id: &str, result: &Value) -> Result<(), JobStoreError> {
        self.wait(self.store.save_job_result(id, result))
    }

    fn load(&self, id: &str) -> Result<Option<Job>, JobStoreError> {
        self.wait(self.store.job(id))?.map(job_of).transpose()
    }

    fn load_result(&self, id: &str) -> Result<Option<Value>, JobStoreError> {
        self.wait(self.store.job_result(id))
    }

    fn list(&self) -> Result<Vec<Job>, JobStoreError> {
        self.wait(self.store.jobs())?
            .into_iter()
            .map(job_of)
            .collect()
    }

    fn delete(&self, id: &str) -> Result<bool, JobStoreError> {
        self.wait(self.store.delete_job(id))
    }
}
