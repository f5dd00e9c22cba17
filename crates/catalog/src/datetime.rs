//! RFC 3339 instants and the STAC `datetime` search parameter.
//!
//! # References
//! - RFC 3339 §5.6 (`date-time`), which is stricter than ISO 8601: four-digit
//!   years, a mandatory offset written `Z` or `±HH:MM`, a `.` before
//!   fractional seconds.
//! - STAC API Item Search, `datetime` parameter: a single instant or a closed
//!   or half-open interval `start/end`, with `..` or an empty string for an
//!   open end.

use std::str::FromStr;

use jiff::Timestamp;

use crate::error::{CatalogError, Result};

/// Microseconds since 1970-01-01T00:00:00Z.
pub type EpochUs = i64;

/// Parses an RFC 3339 `date-time` into microseconds since the Unix epoch.
///
/// Returns `None` when `text` is not exactly an RFC 3339 date-time (a date
/// alone, a missing offset, `+0100`, `,` as decimal sign, month 13, second 61
/// are all rejected). A leap second `:60` is accepted and counted as `:59`.
///
/// # Examples
///
/// ```
/// use silkway_catalog::datetime::parse_rfc3339_us;
/// // RFC 3339 §5.8: the same instant written in two offsets.
/// assert_eq!(
///     parse_rfc3339_us("1996-12-19T16:39:57-08:00"),
///     parse_rfc3339_us("1996-12-20T00:39:57Z"),
/// );
/// assert_eq!(parse_rfc3339_us("1970-01-01T00:00:01.5Z"), Some(1_500_000));
/// assert_eq!(parse_rfc3339_us("1985-04-12"), None);
/// ```
pub fn parse_rfc3339_us(text: &str) -> Option<EpochUs> {
    if !has_rfc3339_shape(text.as_bytes()) {
        return None;
    }
    let mut normalised = text.to_ascii_uppercase().replace(' ', "T");
    // jiff parses ":60" as 59; RFC 3339 allows 60 only as a leap second.
    if normalised.get(17..19) == Some("60") {
        normalised.replace_range(17..19, "59");
    }
    let ts = Timestamp::from_str(&normalised).ok()?;
    Some(ts.as_microsecond())
}

/// Formats microseconds since the epoch as RFC 3339 in UTC with `Z`.
pub fn format_rfc3339(us: EpochUs) -> String {
    match Timestamp::from_microsecond(us) {
        Ok(ts) => ts.to_string(),
        Err(_) => us.to_string(),
    }
}

fn has_rfc3339_shape(b: &[u8]) -> bool {
    let digits = |range: std::ops::Range<usize>| {
        b.get(range.clone())
            .is_some_and(|s| s.len() == range.len() && s.iter().all(u8::is_ascii_digit))
    };
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || !matches!(b[10], b'T' | b't' | b' ')
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    let two = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    if !(1..=12).contains(&two(5)) || !(1..=31).contains(&two(8)) {
        return false;
    }
    if two(11) > 23 || two(14) > 59 || two(17) > 60 {
        return false;
    }
    let mut i = 19;
    if b[i] == b'.' {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match &b[i..] {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit())
                && (*h1 - b'0') * 10 + (*h2 - b'0') <= 23
                && (*m1 - b'0') * 10 + (*m2 - b'0') <= 59
        }
        _ => false,
    }
}

/// A closed time interval, either end possibly open (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Interval {
    /// Inclusive start, µs since the epoch; `None` = open.
    pub start_us: Option<EpochUs>,
    /// Inclusive end, µs since the epoch; `None` = open.
    pub end_us: Option<EpochUs>,
}

impl Interval {
    /// Parses the `datetime` search parameter: an instant, `start/end`,
    /// `../end`, `start/..`, `/end` or `start/`. Both ends open, more than
    /// one `/`, or start after end are errors naming `parameter`.
    ///
    /// # Examples
    ///
    /// ```
    /// use silkway_catalog::datetime::Interval;
    /// let open = Interval::parse("2026-01-01T00:00:00Z/..", "datetime").unwrap();
    /// assert!(open.start_us.is_some() && open.end_us.is_none());
    /// assert!(Interval::parse("../..", "datetime").is_err());
    /// ```
    pub fn parse(text: &str, parameter: &str) -> Result<Interval> {
        let bad = |detail: String| CatalogError::bad(parameter, detail);
        let parse_end = |s: &str| -> Result<Option<EpochUs>> {
            if s.is_empty() || s == ".." {
                Ok(None)
            } else {
                parse_rfc3339_us(s).map(Some).ok_or_else(|| {
                    bad(format!(
                        "expected an RFC 3339 date-time such as 2026-05-01T00:00:00Z, found {s:?}"
                    ))
                })
            }
        };
        let parts: Vec<&str> = text.split('/').collect();
        match parts.as_slice() {
            [one] => {
                let instant = parse_end(one)?.ok_or_else(|| {
                    bad("expected a date-time or an interval, found an open end alone".into())
                })?;
                Ok(Interval {
                    start_us: Some(instant),
                    end_us: Some(instant),
                })
            }
            [start, end] => {
                let start_us = parse_end(start)?;
                let end_us = parse_end(end)?;
                if start_us.is_none() && end_us.is_none() {
                    return Err(bad(format!(
                        "an interval needs at least one closed end, found {text:?}"
                    )));
                }
                if let (Some(s), Some(e)) = (start_us, end_us) {
                    if s > e {
                        return Err(bad(format!("interval start is after its end in {text:?}")));
                    }
                }
                Ok(Interval { start_us, end_us })
            }
            _ => Err(bad(format!(
                "expected `instant` or `start/end`, found {} parts in {text:?}",
                parts.len()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The valid and invalid spellings are those RFC 3339 §5.6 and its
    /// examples (§5.8) allow and forbid.
    #[test]
    fn rfc3339_shapes() {
        for ok in [
            "1985-04-12T23:20:50.52Z",
            "1996-12-19T16:39:57-08:00",
            "1990-12-31T23:59:60Z",
            "1985-04-12t23:20:50.000z",
            "2020-07-23T00:00:00.012345678Z",
        ] {
            assert!(parse_rfc3339_us(ok).is_some(), "{ok}");
        }
        for bad in [
            "1985-04-12",
            "1937-01-01T12:00:27.87+0100",
            "37-01-01T12:00:27.87Z",
            "1985-12-12T23:20:50.52",
            "21985-12-12T23:20:50.52Z",
            "1985-13-12T23:20:50.52Z",
            "1985-12-32T23:20:50.52Z",
            "1985-12-01T25:20:50.52Z",
            "1985-04-12T23:20:50.Z",
            "1985-04-12T23:20:50,52Z",
            "1990-12-31T23:59:61Z",
        ] {
            assert!(parse_rfc3339_us(bad).is_none(), "{bad}");
        }
        // RFC 3339 §5.8: 1996-12-19T16:39:57-08:00 is 1996-12-20T00:39:57Z.
        assert_eq!(
            parse_rfc3339_us("1996-12-19T16:39:57-08:00"),
            parse_rfc3339_us("1996-12-20T00:39:57Z")
        );
        assert_eq!(parse_rfc3339_us("1970-01-01T00:00:01.5Z"), Some(1_500_000));
    }

    #[test]
    fn intervals() {
        let i = Interval::parse("2020-01-01T00:00:00Z/..", "datetime").unwrap();
        assert!(i.start_us.is_some() && i.end_us.is_none());
        let i = Interval::parse("/2020-01-01T00:00:00Z", "datetime").unwrap();
        assert!(i.start_us.is_none() && i.end_us.is_some());
        for bad in [
            "/",
            "../..",
            "a/b/c",
            "2021-01-01T00:00:00Z/2020-01-01T00:00:00Z",
            "..",
        ] {
            assert!(Interval::parse(bad, "datetime").is_err(), "{bad}");
        }
    }
}
