//! Database access over `sqlx::AnyPool`: one code path for SQLite and
//! PostgreSQL. The two differ only in the placeholder syntax (`?` versus
//! `$n`), which [`Sql`] writes for the backend at hand, and in the column
//! types of the migrations (`migrations/sqlite`, `migrations/postgres`).

use std::borrow::Cow;

use sqlx::any::AnyArguments;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::query::Query;
use sqlx::{Any, AnyPool};

use crate::error::Result;

/// SQL dialect of the pool's backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite (`?` placeholders).
    Sqlite,
    /// PostgreSQL (`$1`, `$2`, … placeholders).
    Postgres,
}

impl Dialect {
    /// Asks a pooled connection which backend it talks to.
    pub async fn of(pool: &AnyPool) -> Result<Dialect> {
        let conn = pool.acquire().await?;
        Ok(Self::from_backend_name(conn.backend_name()))
    }

    fn from_backend_name(name: &str) -> Dialect {
        if name.eq_ignore_ascii_case("postgresql") || name.eq_ignore_ascii_case("postgres") {
            Dialect::Postgres
        } else {
            Dialect::Sqlite
        }
    }
}

/// First version of the catalog's migrations; the store owns the versions
/// below it and both migrators share sqlx's `_sqlx_migrations` table.
pub const FIRST_MIGRATION_VERSION: i64 = 1000;

const SQLITE_MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1000,
        "stac catalog",
        include_str!("../migrations/sqlite/1000_stac_catalog.sql"),
    ),
    (
        1001,
        "covering bbox index",
        include_str!("../migrations/sqlite/1001_covering_bbox_index.sql"),
    ),
];
const POSTGRES_MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1000,
        "stac catalog",
        include_str!("../migrations/postgres/1000_stac_catalog.sql"),
    ),
    (
        1001,
        "covering bbox index",
        include_str!("../migrations/postgres/1001_covering_bbox_index.sql"),
    ),
];

/// Creates or upgrades the catalog's tables.
///
/// Runs with `ignore_missing` so that the store's migrations (versions below
/// [`FIRST_MIGRATION_VERSION`]) recorded in the same `_sqlx_migrations` table
/// are not reported as unknown. Installs sqlx's default `Any` drivers first.
pub async fn migrate(pool: &AnyPool) -> Result<()> {
    sqlx::any::install_default_drivers();
    let dialect = Dialect::of(pool).await?;
    let table = match dialect {
        Dialect::Sqlite => SQLITE_MIGRATIONS,
        Dialect::Postgres => POSTGRES_MIGRATIONS,
    };
    let migrations: Vec<Migration> = table
        .iter()
        .map(|(version, description, sql)| {
            Migration::new(
                *version,
                Cow::Borrowed(*description),
                MigrationType::Simple,
                Cow::Borrowed(*sql),
                false,
            )
        })
        .collect();
    let mut migrator = Migrator {
        migrations: Cow::Owned(migrations),
        ..Migrator::DEFAULT
    };
    migrator.set_ignore_missing(true);
    migrator.run(pool).await?;
    Ok(())
}

/// A value bound to a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Bind {
    /// 64-bit integer (timestamps in µs).
    Int(i64),
    /// Double (coordinates in degrees).
    Real(f64),
    /// Text.
    Text(String),
}

/// An SQL statement under construction with its bound values.
#[derive(Debug, Clone)]
pub struct Sql {
    dialect: Dialect,
    text: String,
    binds: Vec<Bind>,
}

impl Sql {
    /// Starts a statement.
    pub fn new(dialect: Dialect, start: &str) -> Sql {
        Sql {
            dialect,
            text: start.to_string(),
            binds: Vec::new(),
        }
    }

    /// Appends literal SQL.
    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.text.push_str(sql);
        self
    }

    /// Appends a placeholder bound to `value`.
    pub fn bind(&mut self, value: Bind) -> &mut Self {
        self.binds.push(value);
        match self.dialect {
            Dialect::Sqlite => self.text.push('?'),
            Dialect::Postgres => {
                self.text.push('$');
                self.text.push_str(&self.binds.len().to_string());
            }
        }
        self
    }

    /// The SQL text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A sqlx query with every value bound, ready to execute.
    pub fn query(&self) -> Query<'_, Any, AnyArguments<'_>> {
        let mut query = sqlx::query(&self.text);
        for bind in &self.binds {
            query = match bind {
                Bind::Int(v) => query.bind(*v),
                Bind::Real(v) => query.bind(*v),
                Bind::Text(v) => query.bind(v.as_str()),
            };
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_follow_the_dialect() {
        let mut pg = Sql::new(Dialect::Postgres, "SELECT 1 WHERE a = ");
        pg.bind(Bind::Int(1))
            .push(" AND b = ")
            .bind(Bind::Text("x".into()));
        assert_eq!(pg.text(), "SELECT 1 WHERE a = $1 AND b = $2");
        let mut lite = Sql::new(Dialect::Sqlite, "SELECT 1 WHERE a = ");
        lite.bind(Bind::Int(1))
            .push(" AND b = ")
            .bind(Bind::Real(2.0));
        assert_eq!(lite.text(), "SELECT 1 WHERE a = ? AND b = ?");
    }

    #[test]
    fn backend_names_map_to_dialects() {
        assert_eq!(Dialect::from_backend_name("PostgreSQL"), Dialect::Postgres);
        assert_eq!(Dialect::from_backend_name("SQLite"), Dialect::Sqlite);
    }
}
