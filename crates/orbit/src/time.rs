//! UTC instants, calendar conversions, RFC 3339, Julian dates and leap seconds.
//!
//! An [`UtcTime`] counts POSIX seconds since 1970-01-01T00:00:00 UTC (days of
//! 86,400 s, leap seconds not counted), held as an `f64` (resolution better
//! than 1 µs until 2100). This is the time scale of TLE/OMM epochs and of
//! SGP4's `tsince` (Vallado et al. 2006, AIAA 2006-6753, §"Time"), so minutes
//! since epoch are plain differences. Where a physical time scale is needed
//! (TT for the Sun's position) the leap-second table [`tai_minus_utc_s`]
//! gives TAI − UTC; UT1 is taken equal to UTC (|UT1 − UTC| < 0.9 s by
//! definition; no Earth orientation data is used).

use std::fmt;

use crate::error::{OrbitError, Result};

/// Julian date of the POSIX epoch 1970-01-01T00:00:00 UTC.
pub const JD_UNIX_EPOCH: f64 = 2_440_587.5;
/// Julian date of J2000.0 (2000-01-01T12:00:00), as per the IAU.
pub const JD_J2000: f64 = 2_451_545.0;
/// TT − TAI in seconds (IAU 1991 definition of TT).
pub const TT_MINUS_TAI_S: f64 = 32.184;

/// An instant in UTC, as POSIX seconds since 1970-01-01T00:00:00 UTC.
/// Serialises as an RFC 3339 string with millisecond precision.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct UtcTime {
    unix_s: f64,
}

/// TAI − UTC leap-second table: (POSIX second at which the value starts, TAI − UTC s).
/// Source: IERS Bulletin C (latest entry 2017-01-01, still valid as of Bulletin C 70).
const LEAP_SECONDS: [(i64, f64); 28] = [
    (63_072_000, 10.0),    // 1972-01-01
    (78_796_800, 11.0),    // 1972-07-01
    (94_694_400, 12.0),    // 1973-01-01
    (126_230_400, 13.0),   // 1974-01-01
    (157_766_400, 14.0),   // 1975-01-01
    (189_302_400, 15.0),   // 1976-01-01
    (220_924_800, 16.0),   // 1977-01-01
    (252_460_800, 17.0),   // 1978-01-01
    (283_996_800, 18.0),   // 1979-01-01
    (315_532_800, 19.0),   // 1980-01-01
    (362_793_600, 20.0),   // 1981-07-01
    (394_329_600, 21.0),   // 1982-07-01
    (425_865_600, 22.0),   // 1983-07-01
    (489_024_000, 23.0),   // 1985-07-01
    (567_993_600, 24.0),   // 1988-01-01
    (631_152_000, 25.0),   // 1990-01-01
    (662_688_000, 26.0),   // 1991-01-01
    (709_948_800, 27.0),   // 1992-07-01
    (741_484_800, 28.0),   // 1993-07-01
    (773_020_800, 29.0),   // 1994-07-01
    (820_454_400, 30.0),   // 1996-01-01
    (867_715_200, 31.0),   // 1997-07-01
    (915_148_800, 32.0),   // 1999-01-01
    (1_136_073_600, 33.0), // 2006-01-01
    (1_230_768_000, 34.0), // 2009-01-01
    (1_341_100_800, 35.0), // 2012-07-01
    (1_435_708_800, 36.0), // 2015-07-01
    (1_483_228_800, 37.0), // 2017-01-01
];

/// TAI − UTC in seconds at a POSIX time (0 before 1972; the 1961–1971
/// rubber-second era is not modelled).
pub fn tai_minus_utc_s(unix_s: f64) -> f64 {
    let mut value = 0.0;
    for &(start, dt) in &LEAP_SECONDS {
        if unix_s >= start as f64 {
            value = dt;
        } else {
            break;
        }
    }
    value
}

/// Days since 1970-01-01 of a proleptic Gregorian date
/// (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Proleptic Gregorian date of a day count since 1970-01-01 (Hinnant, `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        _ => 28,
    }
}

impl UtcTime {
    /// From POSIX seconds since 1970-01-01T00:00:00 UTC.
    pub fn from_unix_seconds(unix_s: f64) -> Self {
        Self { unix_s }
    }

    /// POSIX seconds since 1970-01-01T00:00:00 UTC.
    pub fn unix_seconds(self) -> f64 {
        self.unix_s
    }

    /// From a calendar date and time of day (seconds may carry a fraction).
    ///
    /// # Errors
    /// [`OrbitError::Time`] when a field is out of range.
    pub fn from_calendar(
        year: i64,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: f64,
    ) -> Result<Self> {
        let bad = |message: &str| OrbitError::Time {
            text: format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second}"),
            message: message.to_owned(),
        };
        if !(1..=12).contains(&month) {
            return Err(bad("month must be 1..=12"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(bad("day out of range for the month"));
        }
        if hour > 23 || minute > 59 {
            return Err(bad("hour must be 0..=23 and minute 0..=59"));
        }
        if !(0.0..61.0).contains(&second) {
            return Err(bad("second must be in [0, 61)"));
        }
        let days = days_from_civil(year, month, day);
        let unix_s = days as f64 * 86_400.0
            + f64::from(hour) * 3600.0
            + f64::from(minute) * 60.0
            + second.min(59.999_999);
        Ok(Self { unix_s })
    }

    /// From a TLE-style epoch: full year and fractional day of year (1.0 = 1 January 00:00).
    pub fn from_year_and_day(year: i64, day_of_year: f64) -> Self {
        let days = days_from_civil(year, 1, 1);
        Self {
            unix_s: days as f64 * 86_400.0 + (day_of_year - 1.0) * 86_400.0,
        }
    }

    /// From a Julian date (UTC-based, as in Vallado's `jday`).
    pub fn from_julian_date(jd: f64) -> Self {
        Self {
            unix_s: (jd - JD_UNIX_EPOCH) * 86_400.0,
        }
    }

    /// Julian date (UTC-based).
    pub fn julian_date(self) -> f64 {
        self.unix_s / 86_400.0 + JD_UNIX_EPOCH
    }

    /// Julian date split into whole days (at midnight, `.5`) and fraction for precision.
    pub fn julian_date_split(self) -> (f64, f64) {
        let days = (self.unix_s / 86_400.0).floor();
        (
            days + JD_UNIX_EPOCH,
            (self.unix_s - days * 86_400.0) / 86_400.0,
        )
    }

    /// Julian centuries of TT since J2000 (for the Sun's position, Meeus ch. 25).
    pub fn julian_centuries_tt(self) -> f64 {
        let tt_s = self.unix_s + tai_minus_utc_s(self.unix_s) + TT_MINUS_TAI_S;
        (tt_s / 86_400.0 + JD_UNIX_EPOCH - JD_J2000) / 36_525.0
    }

    /// This instant plus a number of seconds.
    #[must_use]
    pub fn plus_seconds(self, seconds: f64) -> Self {
        Self {
            unix_s: self.unix_s + seconds,
        }
    }

    /// Seconds from `earlier` to `self` (UTC, leap seconds not counted).
    pub fn seconds_since(self, earlier: UtcTime) -> f64 {
        self.unix_s - earlier.unix_s
    }

    /// Parse RFC 3339 (`2026-05-31T12:00:00Z`, `...T12:00:00.250+04:00`; `t`,
    /// `z` and a space separator are accepted; a leap second `:60` is clamped
    /// to the end of its minute).
    ///
    /// # Errors
    /// [`OrbitError::Time`] naming the text and what was expected.
    pub fn parse_rfc3339(text: &str) -> Result<Self> {
        let err = |message: &str| OrbitError::Time {
            text: text.to_owned(),
            message: format!(
                "{message}; expected RFC 3339 such as 2026-05-31T12:00:00Z or 2026-05-31T12:00:00.5+04:00"
            ),
        };
        let s = text.trim();
        if !s.is_ascii() {
            return Err(err("non-ASCII character"));
        }
        let b = s.as_bytes();
        if b.len() < 20 {
            return Err(err("too short"));
        }
        let num = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(range)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(sec)) = (
            num(0..4),
            num(5..7),
            num(8..10),
            num(11..13),
            num(14..16),
            num(17..19),
        ) else {
            return Err(err("bad digits"));
        };
        if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return Err(err("bad date separators"));
        }
        if b[13] != b':' || b[16] != b':' {
            return Err(err("bad time separators"));
        }
        let mut i = 19;
        let mut fraction = 0.0;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(err("empty fraction of a second"));
            }
            fraction = format!("0.{}", &s[start..i])
                .parse::<f64>()
                .map_err(|_| err("bad fraction"))?;
        }
        let offset_s = match &s[i..] {
            "Z" | "z" => 0.0,
            rest if rest.len() == 6
                && (rest.starts_with('+') || rest.starts_with('-'))
                && rest.as_bytes()[3] == b':' =>
            {
                let (Some(oh), Some(om)) = (num(i + 1..i + 3), num(i + 4..i + 6)) else {
                    return Err(err("bad UTC offset"));
                };
                if oh > 23 || om > 59 {
                    return Err(err("bad UTC offset"));
                }
                let sign = if rest.starts_with('-') { -1.0 } else { 1.0 };
                sign * f64::from(oh * 3600 + om * 60)
            }
            _ => return Err(err("missing or bad UTC offset (Z or +HH:MM)")),
        };
        if sec > 60 {
            return Err(err("second out of range"));
        }
        let t = Self::from_calendar(
            i64::from(year),
            month,
            day,
            hour,
            minute,
            f64::from(sec) + fraction,
        )
        .map_err(|e| match e {
            OrbitError::Time { message, .. } => err(&message),
            other => other,
        })?;
        Ok(t.plus_seconds(-offset_s))
    }

    /// Calendar fields `(year, month, day, hour, minute, millisecond-of-minute)`,
    /// rounded to the millisecond.
    fn calendar_ms(self) -> (i64, u32, u32, u32, u32, u32) {
        let total_ms = (self.unix_s * 1000.0).round() as i64;
        let days = total_ms.div_euclid(86_400_000);
        let ms_of_day = total_ms.rem_euclid(86_400_000);
        let (y, m, d) = civil_from_days(days);
        let hour = (ms_of_day / 3_600_000) as u32;
        let minute = ((ms_of_day / 60_000) % 60) as u32;
        let ms = (ms_of_day % 60_000) as u32;
        (y, m, d, hour, minute, ms)
    }

    /// RFC 3339 in UTC with millisecond precision: `2026-05-31T12:00:00.000Z`.
    pub fn to_rfc3339_ms(self) -> String {
        let (y, m, d, h, min, ms) = self.calendar_ms();
        format!(
            "{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{:02}.{:03}Z",
            ms / 1000,
            ms % 1000
        )
    }
}

impl serde::Serialize for UtcTime {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339_ms())
    }
}

impl<'de> serde::Deserialize<'de> for UtcTime {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse_rfc3339(&text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for UtcTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339_ms())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trip() {
        let t = UtcTime::parse_rfc3339("2026-05-31T12:34:56.789Z").unwrap();
        assert_eq!(t.to_rfc3339_ms(), "2026-05-31T12:34:56.789Z");
        let t2 = UtcTime::parse_rfc3339("2026-05-31T16:34:56.789+04:00").unwrap();
        assert!((t.seconds_since(t2)).abs() < 1e-6);
    }

    #[test]
    fn rfc3339_rejects_garbage() {
        for bad in [
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-05-31 12:00",
            "2026-05-31T12:00:00",
            "2026-05-31T12:00:00\u{a0}Z",
        ] {
            assert!(UtcTime::parse_rfc3339(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn julian_date_of_j2000() {
        let t = UtcTime::parse_rfc3339("2000-01-01T12:00:00Z").unwrap();
        assert!((t.julian_date() - JD_J2000).abs() < 1e-9);
    }

    #[test]
    fn civil_round_trip() {
        for days in [-800_000, -1, 0, 1, 10_957, 20_604, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn leap_seconds() {
        assert_eq!(tai_minus_utc_s(0.0), 0.0);
        assert_eq!(tai_minus_utc_s(1_483_228_800.0), 37.0);
        assert_eq!(tai_minus_utc_s(1_483_228_799.0), 36.0);
    }
}
