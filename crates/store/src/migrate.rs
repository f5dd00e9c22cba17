//! Versioned schema migrations, embedded in the binary.
//!
//! Versions below 1000 belong to this crate; other crates sharing the
//! database (the STAC catalog) use 1000 and up. Both migrators run with
//! `ignore_missing`, so each tolerates the other's rows in
//! `_sqlx_migrations`. Each version exists once per backend, with the same
//! tables and columns (`migrations/sqlite`, `migrations/postgres`).

use std::borrow::Cow;

use sqlx::migrate::{Migration, MigrationType, Migrator};

use crate::error::Result;
use crate::pool::{Backend, Store};

/// `(version, description, SQLite DDL, PostgreSQL DDL)`.
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "init",
        include_str!("../migrations/sqlite/0001_init.sql"),
        include_str!("../migrations/postgres/0001_init.sql"),
    ),
    (
        2,
        "jobs",
        include_str!("../migrations/sqlite/0002_jobs.sql"),
        include_str!("../migrations/postgres/0002_jobs.sql"),
    ),
];

/// The migrations for a backend.
pub fn migrations(backend: Backend) -> Vec<Migration> {
    MIGRATIONS
        .iter()
        .map(|(version, description, sqlite, postgres)| {
            let sql = match backend {
                Backend::Sqlite => sqlite,
                Backend::Postgres => postgres,
            };
            Migration::new(
                *version,
                Cow::Borrowed(*description),
                MigrationType::Simple,
                Cow::Borrowed(*sql),
                false,
            )
        })
        .collect()
}

/// Apply the migrations not yet applied, each in its own transaction.
pub(crate) async fn run(store: &Store) -> Result<()> {
    let migrator = Migrator {
        migrations: Cow::Owned(migrations(store.backend)),
        ignore_missing: true,
        locking: true,
        no_tx: false,
    };
    migrator.run(&store.pool).await?;
    Ok(())
}
