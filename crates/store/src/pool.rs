//! Opening the database: one sqlx `AnyPool` for SQLite and PostgreSQL.

use std::str::FromStr;
use std::sync::Arc;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};

use crate::error::{Result, StoreError};

/// The database behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file (WAL mode, foreign keys on).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl FromStr for Backend {
    type Err = StoreError;

    fn from_str(url: &str) -> Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl {
                url: url.to_owned(),
            })
        }
    }
}

/// The store: a connection pool and the backend it talks to.
///
/// Every query is written once, with `$1`-style parameters that both
/// SQLite and PostgreSQL accept, and runs through sqlx's `Any` driver;
/// only the migrations' DDL differs (auto-increment keys).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    /// SQLite has one writer: write transactions queue here instead of
    /// failing with `SQLITE_BUSY` when a deferred transaction upgrades.
    write_gate: Arc<tokio::sync::Mutex<()>>,
}

impl Store {
    /// Open (creating an SQLite file if missing) and migrate the database.
    ///
    /// `url` is `sqlite://PATH` (`sqlite://silkway.db` is relative to the
    /// working directory) or `postgres://user:pass@host:port/db`.
    ///
    /// # Errors
    /// [`StoreError::UnsupportedUrl`], connection and migration failures.
    pub async fn open(url: &str) -> Result<Store> {
        install_default_drivers();
        let backend: Backend = url.parse()?;
        let (url, max_connections) = match backend {
            Backend::Sqlite if url.contains("mode=") => (url.to_owned(), 8),
            Backend::Sqlite if url.contains('?') => (format!("{url}&mode=rwc"), 8),
            Backend::Sqlite => (format!("{url}?mode=rwc"), 8),
            Backend::Postgres => (url.to_owned(), 16),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        let store = Store {
            pool,
            backend,
            write_gate: Arc::new(tokio::sync::Mutex::new(())),
        };
        crate::migrate::run(&store).await?;
        Ok(store)
    }

    /// The connection pool (for crates sharing the database, e.g. the
    /// STAC catalog with its own migrations).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The backend in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Begin a write transaction (queued behind other writers on SQLite).
    pub(crate) async fn begin_write(&self) -> Result<WriteTx> {
        let gate = match self.backend {
            Backend::Sqlite => Some(self.write_gate.clone().lock_owned().await),
            Backend::Postgres => None,
        };
        let tx = self.pool.begin().await?;
        Ok(WriteTx { tx, _gate: gate })
    }

    /// Close the pool (waits for connections to be returned).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A write transaction; commits only through [`WriteTx::commit`].
pub(crate) struct WriteTx {
    pub(crate) tx: sqlx::Transaction<'static, sqlx::Any>,
    _gate: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub(crate) async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }
}
