//! The `datetime` interval of opportunity and order requests (stapi-spec
//! v0.1.0, "datetime": RFC 3339 ends separated by `/`; an open end is `..`
//! or empty; only one end may be open).

use silkway_orbit::UtcTime;

/// Length given to an interval whose end is open, days.
pub const OPEN_END_DAYS: f64 = 7.0;
/// Longest interval accepted, days (bounds the access and planning work).
pub const MAX_DAYS: f64 = 31.0;

/// A closed time interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Start.
    pub start: UtcTime,
    /// End (after the start).
    pub end: UtcTime,
}

impl Interval {
    /// Parse `start/end`. An open start is `now`; an open end is
    /// [`OPEN_END_DAYS`] after the start.
    ///
    /// # Errors
    /// A message saying what is wrong: no `/`, both ends open, an end that
    /// is not RFC 3339, an end before the start, longer than [`MAX_DAYS`].
    pub fn parse(text: &str, now: UtcTime) -> Result<Interval, String> {
        let Some((a, b)) = text.split_once('/') else {
            return Err(format!(
                "expected an interval `start/end` of RFC 3339 times, found {text:?}"
            ));
        };
        let open = |s: &str| s.is_empty() || s == "..";
        let end_of = |s: &str, which: &str| {
            UtcTime::parse_rfc3339(s).map_err(|e| format!("the {which} {s:?} is not RFC 3339: {e}"))
        };
        let (start, end) = match (open(a), open(b)) {
            (true, true) => return Err("only one end of the interval may be open".into()),
            (true, false) => (now, end_of(b, "end")?),
            (false, true) => {
                let start = end_of(a, "start")?;
                (start, start.plus_seconds(OPEN_END_DAYS * 86_400.0))
            }
            (false, false) => (end_of(a, "start")?, end_of(b, "end")?),
        };
        let span_s = end.seconds_since(start);
        if span_s.is_nan() || span_s <= 0.0 {
            return Err(format!(
                "the interval must end after it starts ({} .. {})",
                start.to_rfc3339_ms(),
                end.to_rfc3339_ms()
            ));
        }
        if span_s > MAX_DAYS * 86_400.0 {
            return Err(format!(
                "the interval is {:.1} days long; at most {MAX_DAYS} days are searched",
                span_s / 86_400.0
            ));
        }
        Ok(Interval { start, end })
    }

    /// `start/end` in RFC 3339 (milliseconds, UTC).
    pub fn to_text(self) -> String {
        format!(
            "{}/{}",
            self.start.to_rfc3339_ms(),
            self.end.to_rfc3339_ms()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> UtcTime {
        UtcTime::parse_rfc3339(s).unwrap()
    }

    #[test]
    fn closed_and_single_open_intervals() {
        let now = t("2026-06-01T00:00:00Z");
        let i = Interval::parse("2026-06-02T00:00:00Z/2026-06-03T12:00:00Z", now).unwrap();
        assert_eq!(i.end.seconds_since(i.start), 129_600.0);
        let i = Interval::parse("2026-06-02T00:00:00+04:00/..", now).unwrap();
        assert_eq!(i.start, t("2026-06-01T20:00:00Z"));
        assert_eq!(i.end.seconds_since(i.start), OPEN_END_DAYS * 86_400.0);
        let i = Interval::parse("/2026-06-03T00:00:00Z", now).unwrap();
        assert_eq!(i.start, now);
    }

    #[test]
    fn bad_intervals_say_why() {
        let now = t("2026-06-01T00:00:00Z");
        for (text, needle) in [
            ("2026-06-02T00:00:00Z", "interval"),
            ("../..", "one end"),
            (
                "2026-06-03T00:00:00Z/2026-06-02T00:00:00Z",
                "after it starts",
            ),
            ("2026-06-02/2026-06-03T00:00:00Z", "RFC 3339"),
            ("2026-06-01T00:00:00Z/2026-08-01T00:00:00Z", "days"),
        ] {
            let e = Interval::parse(text, now).unwrap_err();
            assert!(e.contains(needle), "{text}: {e}");
        }
    }
}
