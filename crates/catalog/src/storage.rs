//! Reading and writing collections and items in the database.

use serde_json::Value;
use sqlx::{AnyPool, Row};

use crate::db::{Bind, Dialect, Sql};
use crate::document::ItemRecord;
use crate::error::{CatalogError, Result};

/// The catalog's tables behind a pool.
#[derive(Debug, Clone)]
pub struct Storage {
    /// The pool (SQLite or PostgreSQL through `Any`).
    pub pool: AnyPool,
    /// Its dialect.
    pub dialect: Dialect,
}

fn now_us() -> i64 {
    jiff::Timestamp::now().as_microsecond()
}

fn decode(what: &str, text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|source| CatalogError::Corrupt {
        what: what.to_string(),
        source,
    })
}

impl Storage {
    /// Wraps a pool, asking it for its dialect.
    pub async fn new(pool: AnyPool) -> Result<Storage> {
        let dialect = Dialect::of(&pool).await?;
        Ok(Storage { pool, dialect })
    }

    fn sql(&self, start: &str) -> Sql {
        Sql::new(self.dialect, start)
    }

    /// All collections, ordered by id.
    pub async fn collections(&self) -> Result<Vec<Value>> {
        let rows = sqlx::query("SELECT id, body FROM stac_collections ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                decode(
                    &r.try_get::<String, _>("id")?,
                    &r.try_get::<String, _>("body")?,
                )
            })
            .collect()
    }

    /// One collection.
    pub async fn collection(&self, id: &str) -> Result<Option<Value>> {
        let mut sql = self.sql("SELECT body FROM stac_collections WHERE id = ");
        sql.bind(Bind::Text(id.into()));
        let row = sql.query().fetch_optional(&self.pool).await?;
        row.map(|r| decode(id, &r.try_get::<String, _>("body")?))
            .transpose()
    }

    /// Inserts a collection; `Conflict` if it exists.
    pub async fn insert_collection(&self, id: &str, body: &Value) -> Result<()> {
        if self.collection(id).await?.is_some() {
            return Err(CatalogError::Conflict(format!(
                "collection {id:?} already exists"
            )));
        }
        self.upsert_collection(id, body).await
    }

    /// Creates or replaces a collection.
    pub async fn upsert_collection(&self, id: &str, body: &Value) -> Result<()> {
        let now = now_us();
        let mut sql =
            self.sql("INSERT INTO stac_collections (id, body, created_us, updated_us) VALUES (");
        sql.bind(Bind::Text(id.into()))
            .push(", ")
            .bind(Bind::Text(body.to_string()))
            .push(", ")
            .bind(Bind::Int(now))
            .push(", ")
            .bind(Bind::Int(now))
            .push(") ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_us = excluded.updated_us");
        sql.query().execute(&self.pool).await?;
        Ok(())
    }

    /// Deletes a collection and its items; `false` when it did not exist.
    pub async fn delete_collection(&self, id: &str) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let mut items = self.sql("DELETE FROM stac_items WHERE collection = ");
        items.bind(Bind::Text(id.into()));
        items.query().execute(&mut *tx).await?;
        let mut coll = self.sql("DELETE FROM stac_collections WHERE id = ");
        coll.bind(Bind::Text(id.into()));
        let done = coll.query().execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// One item.
    pub async fn item(&self, collection: &str, id: &str) -> Result<Option<Value>> {
        let mut sql = self.sql("SELECT body FROM stac_items WHERE collection = ");
        sql.bind(Bind::Text(collection.into()))
            .push(" AND id = ")
            .bind(Bind::Text(id.into()));
        let row = sql.query().fetch_optional(&self.pool).await?;
        row.map(|r| decode(id, &r.try_get::<String, _>("body")?))
            .transpose()
    }

    fn upsert_item_sql(&self, record: &ItemRecord, now: i64) -> Sql {
        let mut sql = self.sql(
            "INSERT INTO stac_items (collection, id, datetime_us, start_us, end_us, minx, miny, maxx, maxy, body, updated_us) VALUES (",
        );
        sql.bind(Bind::Text(record.collection.clone()))
            .push(", ")
            .bind(Bind::Text(record.id.clone()))
            .push(", ")
            .bind(Bind::Int(record.datetime_us))
            .push(", ")
            .bind(Bind::Int(record.start_us))
            .push(", ")
            .bind(Bind::Int(record.end_us));
        match record.index_bbox {
            Some(b) => {
                for v in b {
                    sql.push(", ").bind(Bind::Real(v));
                }
            }
            None => {
                sql.push(", NULL, NULL, NULL, NULL");
            }
        }
        sql.push(", ")
            .bind(Bind::Text(record.body.to_string()))
            .push(", ")
            .bind(Bind::Int(now))
            .push(
                ") ON CONFLICT (collection, id) DO UPDATE SET datetime_us = excluded.datetime_us, \
                 start_us = excluded.start_us, end_us = excluded.end_us, minx = excluded.minx, \
                 miny = excluded.miny, maxx = excluded.maxx, maxy = excluded.maxy, \
                 body = excluded.body, updated_us = excluded.updated_us",
            );
        sql
    }

    /// Creates or replaces items, all in one transaction.
    pub async fn upsert_items(&self, records: &[ItemRecord]) -> Result<()> {
        let now = now_us();
        let mut tx = self.pool.begin().await?;
        for record in records {
            self.upsert_item_sql(record, now)
                .query()
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Inserts items; `Conflict` (and nothing written) if any exists.
    pub async fn insert_items(&self, records: &[ItemRecord]) -> Result<()> {
        let now = now_us();
        let mut tx = self.pool.begin().await?;
        for record in records {
            let mut exists = self.sql("SELECT 1 AS one FROM stac_items WHERE collection = ");
            exists
                .bind(Bind::Text(record.collection.clone()))
                .push(" AND id = ")
                .bind(Bind::Text(record.id.clone()));
            if exists.query().fetch_optional(&mut *tx).await?.is_some() {
                return Err(CatalogError::Conflict(format!(
                    "item {:?} already exists in collection {:?}",
                    record.id, record.collection
                )));
            }
            self.upsert_item_sql(record, now)
                .query()
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Deletes an item; `false` when it did not exist.
    pub async fn delete_item(&self, collection: &str, id: &str) -> Result<bool> {
        let mut sql = self.sql("DELETE FROM stac_items WHERE collection = ");
        sql.bind(Bind::Text(collection.into()))
            .push(" AND id = ")
            .bind(Bind::Text(id.into()));
        Ok(sql.query().execute(&self.pool).await?.rows_affected() > 0)
    }

    /// Number of items in a collection.
    pub async fn count_items(&self, collection: &str) -> Result<i64> {
        let mut sql = self.sql("SELECT COUNT(*) AS n FROM stac_items WHERE collection = ");
        sql.bind(Bind::Text(collection.into()));
        let row = sql.query().fetch_one(&self.pool).await?;
        Ok(row.try_get::<i64, _>("n")?)
    }
}
