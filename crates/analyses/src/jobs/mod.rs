//! Long computations as jobs: queued → running → succeeded / failed /
//! cancelled, with progress, cancellation and kept results.
//!
//! [`JobRegistry::submit`] stores the job as `queued` and spawns a task that
//! waits for one of `max_running` worker slots, then runs the computation on
//! tokio's blocking pool (the engines parallelise inside it with rayon).
//! The computation gets a [`Control`]: it reports progress there and stops
//! when [`Control::step`] breaks. Progress is read live from the control
//! while a job runs; states, errors and results are written to the
//! [`JobStore`] at each transition.

mod control;
pub mod routes;
mod store;

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::sync::Semaphore;

pub use control::{Control, Progress, cancelled};
pub use store::{Job, JobState, JobStore, JobStoreError, MemoryJobStore};

use crate::problem::{ApiResult, Problem};

/// The work of one job: runs on a blocking thread, returns the result JSON.
pub type Work = Box<dyn FnOnce(&Control) -> ApiResult<Value> + Send + 'static>;

/// Default number of jobs computing at once (the engines use every core
/// inside one job, so more would only share the same cores).
pub const DEFAULT_MAX_RUNNING: usize = 2;

/// The jobs of a server: submit, poll, cancel, fetch results.
#[derive(Clone)]
pub struct JobRegistry {
    inner: Arc<Inner>,
}

struct Inner {
    store: Arc<dyn JobStore>,
    live: Mutex<HashMap<String, Arc<Control>>>,
    slots: Arc<Semaphore>,
    seq: AtomicU64,
}

impl std::fmt::Debug for JobRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JobRegistry")
            .field("live", &self.live().len())
            .finish_non_exhaustive()
    }
}

/// Now as RFC 3339 UTC with milliseconds.
fn now_rfc3339() -> String {
    let unix_s = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    silkway_orbit::UtcTime::from_unix_seconds(unix_s).to_rfc3339_ms()
}

/// Run a blocking store call off the async executor.
async fn blocking<T: Send + 'static>(
    store: &Arc<dyn JobStore>,
    f: impl FnOnce(&dyn JobStore) -> Result<T, JobStoreError> + Send + 'static,
) -> Result<T, Problem> {
    let store = Arc::clone(store);
    tokio::task::spawn_blocking(move || f(store.as_ref()))
        .await
        .map_err(|e| Problem::internal(format!("job store task failed: {e}")))?
        .map_err(Problem::from)
}

impl JobRegistry {
    /// A registry over `store`, running at most `max_running` jobs at once.
    /// Jobs the store holds as queued or running were interrupted by a
    /// restart: they are marked failed.
    ///
    /// # Errors
    /// The store's error when it cannot be read or written.
    pub fn new(store: Arc<dyn JobStore>, max_running: usize) -> Result<Self, JobStoreError> {
        for mut job in store.list()? {
            if !job.state.is_final() {
                job.state = JobState::Failed;
                job.finished_at = Some(now_rfc3339());
                job.message = "interrupted by a server restart".into();
                job.error = Some(Problem::internal(
                    "the server restarted while the job was queued or running; submit it again",
                ));
                store.save(&job)?;
            }
        }
        Ok(Self {
            inner: Arc::new(Inner {
                store,
                live: Mutex::new(HashMap::new()),
                slots: Arc::new(Semaphore::new(max_running.max(1))),
                seq: AtomicU64::new(0),
            }),
        })
    }

    /// A registry over a fresh [`MemoryJobStore`].
    pub fn in_memory() -> Self {
        Self {
            inner: Arc::new(Inner {
                store: Arc::new(MemoryJobStore::new()),
                live: Mutex::new(HashMap::new()),
                slots: Arc::new(Semaphore::new(DEFAULT_MAX_RUNNING)),
                seq: AtomicU64::new(0),
            }),
        }
    }

    fn live(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Control>>> {
        self.inner.live.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn new_id(&self) -> String {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0);
        let seq = self.inner.seq.fetch_add(1, Ordering::Relaxed);
        let noise = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        format!("{ms:011x}{:04x}{:06x}", seq & 0xffff, noise & 0xff_ffff)
    }

    /// Store a job of `kind` with `params` as queued and start it when a
    /// worker slot frees. Must be called within a tokio runtime.
    ///
    /// # Errors
    /// A 500 problem when the store fails.
    pub async fn submit(&self, kind: &str, params: Value, work: Work) -> ApiResult<Job> {
        let job = Job {
            id: self.new_id(),
            kind: kind.to_owned(),
            state: JobState::Queued,
            progress: 0.0,
            message: "queued".into(),
            params,
            created_at: now_rfc3339(),
            started_at: None,
            finished_at: None,
            error: None,
        };
        let saved = job.clone();
        blocking(&self.inner.store, move |s| s.save(&saved)).await?;
        let control = Arc::new(Control::new());
        self.live().insert(job.id.clone(), Arc::clone(&control));
        let this = self.clone();
        let queued = job.clone();
        tokio::spawn(async move { this.drive(queued, control, work).await });
        Ok(job)
    }

    /// Wait for a slot, run, record the outcome.
    async fn drive(self, mut job: Job, control: Arc<Control>, work: Work) {
        let store = Arc::clone(&self.inner.store);
        let permit = Arc::clone(&self.inner.slots).acquire_owned().await;
        if !control.is_cancelled() {
            job.state = JobState::Running;
            job.started_at = Some(now_rfc3339());
            job.message = "running".into();
            let running = job.clone();
            if let Err(e) = blocking(&store, move |s| s.save(&running)).await {
                tracing::error!(job = %job.id, "cannot record job start: {e}");
            }
            let ctl = Arc::clone(&control);
            let outcome = tokio::task::spawn_blocking(move || work(&ctl))
                .await
                .unwrap_or_else(|e| {
                    Err(Problem::internal(format!("the computation panicked: {e}")))
                });
            let progress = control.progress();
            job.progress = progress.fraction;
            job.message = progress.message;
            match outcome {
                _ if control.is_cancelled() => {}
                Ok(result) => {
                    let id = job.id.clone();
                    match blocking(&store, move |s| s.save_result(&id, &result)).await {
                        Ok(()) => {
                            job.state = JobState::Succeeded;
                            job.progress = 1.0;
                            job.message = "done".into();
                        }
                        Err(e) => {
                            job.state = JobState::Failed;
                            job.error = Some(e);
                        }
                    }
                }
                Err(problem) => {
                    job.state = JobState::Failed;
                    job.message = problem.detail.clone().unwrap_or_default();
                    job.error = Some(problem);
                }
            }
        }
        drop(permit);
        if control.is_cancelled() && !job.state.is_final() {
            job.state = JobState::Cancelled;
            job.message = format!("cancelled ({})", job.message);
        }
        job.finished_at = Some(now_rfc3339());
        let finished = job.clone();
        if let Err(e) = blocking(&store, move |s| s.save(&finished)).await {
            tracing::error!(job = %job.id, "cannot record job end: {e}");
        }
        self.live().remove(&job.id);
    }

    /// A job by id, with live progress while it runs.
    ///
    /// # Errors
    /// 404 when there is no such job; 500 when the store fails.
    pub async fn get(&self, id: &str) -> ApiResult<Job> {
        let key = id.to_owned();
        let job = blocking(&self.inner.store, move |s| s.load(&key)).await?;
        let mut job = job.ok_or_else(|| Problem::not_found(format!("no job {id}")))?;
        self.overlay(&mut job);
        Ok(job)
    }

    fn overlay(&self, job: &mut Job) {
        if job.state.is_final() {
            return;
        }
        if let Some(control) = self.live().get(&job.id) {
            let p = control.progress();
            if job.state == JobState::Running || p.fraction > 0.0 {
                job.progress = p.fraction;
                job.message = p.message;
            }
        }
    }

    /// Every job, newest first, with live progress.
    ///
    /// # Errors
    /// 500 when the store fails.
    pub async fn list(&self) -> ApiResult<Vec<Job>> {
        let mut jobs = blocking(&self.inner.store, |s| s.list()).await?;
        for job in &mut jobs {
            self.overlay(job);
        }
        Ok(jobs)
    }

    /// The result of a succeeded job.
    ///
    /// # Errors
    /// 404 for no such job; 409 while it has not succeeded (the detail says
    /// its state); 500 when the store fails.
    pub async fn result(&self, id: &str) -> ApiResult<Value> {
        let job = self.get(id).await?;
        if job.state != JobState::Succeeded {
            return Err(Problem::conflict(format!(
                "job {id} is {}: a result exists only once it has succeeded",
                serde_json::to_value(job.state)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            )));
        }
        let key = id.to_owned();
        blocking(&self.inner.store, move |s| s.load_result(&key))
            .await?
            .ok_or_else(|| Problem::internal(format!("job {id} succeeded but its result is gone")))
    }

    /// Ask a queued or running job to stop; it turns `cancelled` once its
    /// computation notices (at the next unit of work).
    ///
    /// # Errors
    /// 404 for no such job; 409 when it has already finished.
    pub async fn cancel(&self, id: &str) -> ApiResult<Job> {
        let job = self.get(id).await?;
        if job.state.is_final() {
            return Err(Problem::conflict(format!(
                "job {id} has already finished; nothing to cancel"
            )));
        }
        if let Some(control) = self.live().get(id) {
            control.cancel();
        }
        Ok(job)
    }

    /// Cancel a job that has not finished, or forget a finished one and its
    /// result. Returns the job as it was.
    ///
    /// # Errors
    /// 404 for no such job; 500 when the store fails.
    pub async fn delete(&self, id: &str) -> ApiResult<Job> {
        let job = self.get(id).await?;
        if !job.state.is_final() {
            return self.cancel(id).await;
        }
        let key = id.to_owned();
        blocking(&self.inner.store, move |s| s.delete(&key)).await?;
        Ok(job)
    }

    /// Wait until job `id` has finished (polling every 10 ms): for tests and
    /// the CLI.
    ///
    /// # Errors
    /// As [`JobRegistry::get`].
    pub async fn wait(&self, id: &str) -> ApiResult<Job> {
        loop {
            let job = self.get(id).await?;
            if job.state.is_final() {
                return Ok(job);
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }
}
