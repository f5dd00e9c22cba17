//! Keyset paging: pages ordered by the tables' insertion sequence; the
//! cursor is the last sequence number seen, so pages stay consistent while
//! rows are added.

/// Largest page a caller may ask for.
pub const MAX_LIMIT: u32 = 500;
/// Page size when none is asked for.
pub const DEFAULT_LIMIT: u32 = 50;

/// Which page to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// Rows per page (1..=[`MAX_LIMIT`]).
    pub limit: u32,
    /// Return rows after this sequence number.
    pub after: Option<i64>,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            after: None,
        }
    }
}

impl PageRequest {
    /// Everything (for building scenarios and exports).
    pub fn all() -> Self {
        Self {
            limit: u32::MAX,
            after: None,
        }
    }

    pub(crate) fn after_seq(&self) -> i64 {
        self.after.unwrap_or(0)
    }

    /// Rows to fetch: one more than the limit, to tell whether a next page exists.
    pub(crate) fn fetch(&self) -> i64 {
        i64::from(self.limit).saturating_add(1)
    }
}

/// One page of rows.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Page<T> {
    /// The rows.
    pub items: Vec<T>,
    /// Cursor of the next page, when there is one.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Cut a fetched `(seq, item)` list to the request's limit.
    pub(crate) fn from_rows(mut rows: Vec<(i64, T)>, req: &PageRequest) -> Self {
        let limit = req.limit as usize;
        let next_cursor = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|(seq, _)| seq.to_string())
        } else {
            None
        };
        Page {
            items: rows.into_iter().map(|(_, t)| t).collect(),
            next_cursor,
        }
    }
}
