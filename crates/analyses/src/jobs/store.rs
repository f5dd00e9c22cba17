//! Persistence of jobs behind a trait: the in-memory store here; the
//! server implements [`JobStore`] on its database so that states and
//! results survive restarts.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::problem::Problem;

/// Life cycle of a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Accepted, waiting for a worker slot.
    Queued,
    /// Computing.
    Running,
    /// Finished; the result is available.
    Succeeded,
    /// Finished with an error (see `error`).
    Failed,
    /// Stopped on request.
    Cancelled,
}

impl JobState {
    /// Whether the job has finished (no further transitions).
    pub fn is_final(self) -> bool {
        matches!(self, Self::Succeeded | Self::Failed | Self::Cancelled)
    }
}

/// A job as stored and as returned by the API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Job {
    /// Job id.
    pub id: String,
    /// Analysis kind (`passes`, `attenuation_map`...).
    pub kind: String,
    /// State.
    pub state: JobState,
    /// Fraction done, 0–1.
    pub progress: f64,
    /// What is being done, or how it ended.
    pub message: String,
    /// The parameters as submitted.
    pub params: Value,
    /// When it was submitted (RFC 3339, UTC).
    pub created_at: String,
    /// When it started running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    /// When it finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Problem>,
}

/// A failure of the job store (I/O, database).
#[derive(Debug, Clone, PartialEq)]
pub struct JobStoreError(pub String);

impl std::fmt::Display for JobStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "job store: {}", self.0)
    }
}

impl std::error::Error for JobStoreError {}

impl From<JobStoreError> for Problem {
    fn from(e: JobStoreError) -> Self {
        Problem::internal(e.to_string())
    }
}

/// Where jobs and their results are kept. Calls are blocking; the registry
/// makes them from blocking threads, never from the async executor.
pub trait JobStore: Send + Sync {
    /// Insert or replace a job's record.
    fn save(&self, job: &Job) -> Result<(), JobStoreError>;
    /// Keep a finished job's result.
    fn save_result(&self, id: &str, result: &Value) -> Result<(), JobStoreError>;
    /// A job by id.
    fn load(&self, id: &str) -> Result<Option<Job>, JobStoreError>;
    /// A job's result, if it has one.
    fn load_result(&self, id: &str) -> Result<Option<Value>, JobStoreError>;
    /// Every job, newest first.
    fn list(&self) -> Result<Vec<Job>, JobStoreError>;
    /// Forget a job and its result; whether it existed.
    fn delete(&self, id: &str) -> Result<bool, JobStoreError>;
}

/// A job and its result, if any.
type Entry = (Job, Option<Arc<Value>>);

/// Jobs in memory (lost on restart): for tests, the CLI and single runs.
#[derive(Debug, Default)]
pub struct MemoryJobStore {
    jobs: Mutex<HashMap<String, Entry>>,
}

impl MemoryJobStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl JobStore for MemoryJobStore {
    fn save(&self, job: &Job) -> Result<(), JobStoreError> {
        let mut jobs = self.lock();
        match jobs.get_mut(&job.id) {
            Some(entry) => entry.0 = job.clone(),
            None => {
                jobs.insert(job.id.clone(), (job.clone(), None));
            }
        }
        Ok(())
    }

    fn save_result(&self, id: &str, result: &Value) -> Result<(), JobStoreError> {
        match self.lock().get_mut(id) {
            Some(entry) => {
                entry.1 = Some(Arc::new(result.clone()));
                Ok(())
            }
            None => Err(JobStoreError(format!("no job {id} to attach a result to"))),
        }
    }

    fn load(&self, id: &str) -> Result<Option<Job>, JobStoreError> {
        Ok(self.lock().get(id).map(|e| e.0.clone()))
    }

    fn load_result(&self, id: &str) -> Result<Option<Value>, JobStoreError> {
        Ok(self.lock().get(id).and_then(|e| e.1.as_deref().cloned()))
    }

    fn list(&self) -> Result<Vec<Job>, JobStoreError> {
        let mut all: Vec<Job> = self.lock().values().map(|e| e.0.clone()).collect();
        all.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        Ok(all)
    }

    fn delete(&self, id: &str) -> Result<bool, JobStoreError> {
        Ok(self.lock().remove(id).is_some())
    }
}
