//! Executing an Item Search.
//!
//! The database pre-filters on indexed columns (collection, id, time span,
//! bounding box); each candidate is then checked exactly in Rust (geometry
//! intersection with `geo`, the CQL2 filter). When every sort key is an
//! indexed column the database also orders the rows and pages with a keyset
//! condition, reading candidates in batches until a page is full (keys
//! first, from the indexes, then the bodies of that batch by key);
//! otherwise all candidates are read and sorted in memory.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Bind, Sql};
use crate::error::{CatalogError, Result};
use crate::request::SearchRequest;
use crate::sort::{
    Column, SortField, SortKey, compare_keys, decode_token, encode_token, total_order,
};
use crate::spatial::geometry_from_json;
use crate::storage::Storage;

/// One page of results.
#[derive(Debug, Clone)]
pub struct Page {
    /// Items of the page (stored documents, without server links).
    pub items: Vec<Value>,
    /// Token of the next page, if there is one.
    pub next_token: Option<String>,
}

struct Candidate {
    keys: Vec<Value>,
    body: Value,
}

fn row_keys(order: &[SortField], row: &AnyRow, body: &Value) -> Result<Vec<Value>> {
    order
        .iter()
        .map(|f| {
            Ok(match &f.key {
                SortKey::Column(c) if c.is_text() => {
                    Value::String(row.try_get::<String, _>(c.sql())?)
                }
                SortKey::Column(c) => Value::from(row.try_get::<i64, _>(c.sql())?),
                SortKey::Property(path) => path
                    .split('.')
                    .try_fold(&body["properties"], |v, k| v.get(k))
                    .cloned()
                    .unwrap_or(Value::Null),
            })
        })
        .collect()
}

fn column_bind(column: Column, value: &Value) -> Bind {
    if column.is_text() {
        Bind::Text(value.as_str().unwrap_or_default().to_string())
    } else {
        Bind::Int(value.as_i64().unwrap_or_default())
    }
}

/// Appends `AND (keys after `after` in `order`)` for column keys.
fn push_keyset(sql: &mut Sql, columns: &[(Column, bool)], after: &[Value]) {
    sql.push(" AND (");
    for i in 0..columns.len() {
        if i > 0 {
            sql.push(" OR ");
        }
        sql.push("(");
        for (j, (column, _)) in columns.iter().enumerate().take(i) {
            sql.push(column.sql())
                .push(" = ")
                .bind(column_bind(*column, &after[j]));
            sql.push(" AND ");
        }
        let (column, descending) = columns[i];
        sql.push(column.sql())
            .push(if descending { " < " } else { " > " })
            .bind(column_bind(column, &after[i]));
        sql.push(")");
    }
    sql.push(")");
}

fn push_filters(sql: &mut Sql, request: &SearchRequest) {
    if let Some(collections) = &request.collections {
        push_in(sql, "collection", collections);
    }
    if let Some(ids) = &request.ids {
        push_in(sql, "id", ids);
    }
    if let Some(interval) = &request.datetime {
        if let Some(end) = interval.end_us {
            sql.push(" AND start_us <= ").bind(Bind::Int(end));
        }
        if let Some(start) = interval.start_us {
            sql.push(" AND end_us >= ").bind(Bind::Int(start));
        }
    }
    if let Some(region) = &request.region {
        sql.push(" AND minx IS NOT NULL AND (");
        for (i, b) in region.boxes.iter().enumerate() {
            if i > 0 {
                sql.push(" OR ");
            }
            sql.push("(maxx >= ").bind(Bind::Real(b.west_deg));
            sql.push(" AND minx <= ").bind(Bind::Real(b.east_deg));
            sql.push(" AND maxy >= ").bind(Bind::Real(b.south_deg));
            sql.push(" AND miny <= ").bind(Bind::Real(b.north_deg));
            sql.push(")");
        }
        sql.push(")");
    }
}

fn push_in(sql: &mut Sql, column: &str, values: &[String]) {
    if values.is_empty() {
        sql.push(" AND 1 = 0");
        return;
    }
    sql.push(" AND ").push(column).push(" IN (");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.bind(Bind::Text(v.clone()));
    }
    sql.push(")");
}

/// Whether the stored item passes the exact checks the index cannot make.
fn passes(request: &SearchRequest, body: &Value) -> bool {
    if let Some(region) = &request.region {
        match body.get("geometry").map(geometry_from_json) {
            Some(Ok(g)) if region.intersects(&g) => {}
            _ => return false,
        }
    }
    if let Some(filter) = &request.filter {
        if !filter.matches(body) {
            return false;
        }
    }
    true
}

fn decode_body(row: &AnyRow) -> Result<Value> {
    let text: String = row.try_get("body")?;
    serde_json::from_str(&text).map_err(|source| CatalogError::Corrupt {
        what: row.try_get::<String, _>("id").unwrap_or_default(),
        source,
    })
}

const SELECT: &str =
    "SELECT collection, id, datetime_us, start_us, end_us, body FROM stac_items WHERE 1 = 1";

/// The sort and key columns only: with every filter column in the indexes,
/// the database filters and orders candidates without reading item bodies.
const SELECT_KEYS: &str =
    "SELECT collection, id, datetime_us, start_us, end_us FROM stac_items WHERE 1 = 1";

/// Item keys per body query (two bound values each; well under SQLite's
/// and PostgreSQL's placeholder limits).
const BODIES_PER_QUERY: usize = 500;

/// The bodies of the items `rows` name (rows from [`SELECT_KEYS`]), by
/// (collection, id).
async fn fetch_bodies(
    storage: &Storage,
    rows: &[AnyRow],
) -> Result<HashMap<(String, String), Value>> {
    let mut bodies = HashMap::with_capacity(rows.len());
    for chunk in rows.chunks(BODIES_PER_QUERY) {
        let mut sql = Sql::new(
            storage.dialect,
            "SELECT collection, id, body FROM stac_items WHERE ",
        );
        for (i, row) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(" OR ");
            }
            sql.push("(collection = ")
                .bind(Bind::Text(row.try_get("collection")?))
                .push(" AND id = ")
                .bind(Bind::Text(row.try_get("id")?))
                .push(")");
        }
        for row in sql.query().fetch_all(&storage.pool).await? {
            let body = decode_body(&row)?;
            bodies.insert((row.try_get("collection")?, row.try_get("id")?), body);
        }
    }
    Ok(bodies)
}

/// Runs a search and returns one page.
pub async fn search(storage: &Storage, request: &SearchRequest) -> Result<Page> {
    let order = total_order(request.sortby.clone());
    let after = request
        .token
        .as_deref()
        .map(|t| decode_token(t, &order))
        .transpose()?;
    let columns: Option<Vec<(Column, bool)>> = order
        .iter()
        .map(|f| match f.key {
            SortKey::Column(c) => Some((c, f.descending)),
            SortKey::Property(_) => None,
        })
        .collect();
    let wanted = request.limit + 1;
    let mut found: Vec<Candidate> = Vec::new();

    if let Some(columns) = columns {
        let exact = request.region.is_some() || request.filter.is_some();
        // Exact checks reject some candidates: read twice a page first, then
        // grow the batch fourfold each round (bounded) until the page fills.
        let mut batch = if exact { wanted * 2 } else { wanted };
        let mut cursor = after.clone();
        loop {
            let mut sql = Sql::new(storage.dialect, SELECT_KEYS);
            push_filters(&mut sql, request);
            if let Some(after) = &cursor {
                push_keyset(&mut sql, &columns, after);
            }
            sql.push(" ORDER BY ");
            for (i, (column, descending)) in columns.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.push(column.sql())
                    .push(if *descending { " DESC" } else { " ASC" });
            }
            sql.push(&format!(" LIMIT {batch}"));
            let rows = sql.query().fetch_all(&storage.pool).await?;
            let mut bodies = fetch_bodies(storage, &rows).await?;
            for row in &rows {
                let key: (String, String) = (row.try_get("collection")?, row.try_get("id")?);
                // Deleted between the two queries: skip it like a non-match.
                let Some(body) = bodies.remove(&key) else {
                    continue;
                };
                let keys = row_keys(&order, row, &body)?;
                cursor = Some(keys.clone());
                if passes(request, &body) {
                    found.push(Candidate { keys, body });
                    if found.len() == wanted {
                        break;
                    }
                }
            }
            if found.len() == wanted || rows.len() < batch {
                break;
            }
            batch = (batch * 4).min(4_000);
        }
    } else {
        let mut sql = Sql::new(storage.dialect, SELECT);
        push_filters(&mut sql, request);
        let rows = sql.query().fetch_all(&storage.pool).await?;
        for row in &rows {
            let body = decode_body(row)?;
            if !passes(request, &body) {
                continue;
            }
            let keys = row_keys(&order, row, &body)?;
            if let Some(after) = &after {
                if compare_keys(&order, &keys, after) != Ordering::Greater {
                    continue;
                }
            }
            found.push(Candidate { keys, body });
        }
        found.sort_by(|a, b| compare_keys(&order, &a.keys, &b.keys));
        found.truncate(wanted);
    }

    let next_token = if found.len() > request.limit {
        found.truncate(request.limit);
        found.last().map(|c| encode_token(&c.keys))
    } else {
        None
    };
    Ok(Page {
        items: found.into_iter().map(|c| c.body).collect(),
        next_token,
    })
}
