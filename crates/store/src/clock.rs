//! Timestamps as stored: RFC 3339 UTC text with milliseconds, which sorts
//! chronologically as text in both SQLite and PostgreSQL.

use silkway_orbit::UtcTime;

/// The current time as `2026-11-22T06:00:00.000Z`.
pub fn now_rfc3339() -> String {
    let unix_s = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    UtcTime::from_unix_seconds(unix_s).to_rfc3339_ms()
}
