//! Power-equivalent bandwidth and the power/bandwidth balance of a carrier.
//!
//! A carrier taking a fraction `s` of a transponder's output power at its
//! multi-carrier operating point "uses" `PEB = s × B_transponder` of
//! bandwidth in power terms. It is **power-limited** when its PEB exceeds
//! the bandwidth it occupies, **bandwidth-limited** otherwise; a plan is
//! balanced when the transponder runs out of power and bandwidth together.
//! A carrier's footprint on the transponder is `max(occupied, PEB)`
//! (the "resource" of lease-planning practice).
//!
//! # References
//! Maral & Bousquet, 5th ed., §6.5.4 (power sharing in FDMA) and §5.9;
//! Intelsat IESS-410 (lease transmission plans: power-equivalent bandwidth,
//! carriers charged by the larger of bandwidth and PEB).

use serde::Serialize;

/// Which transponder resource a carrier exhausts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitedBy {
    /// PEB > occupied bandwidth.
    Power,
    /// PEB ≤ occupied bandwidth.
    Bandwidth,
}

/// `PEB = power_share × transponder_bandwidth_mhz`, MHz.
///
/// # Examples
/// ```
/// // A quarter of a 36 MHz transponder's power: 9 MHz.
/// assert_eq!(silkway_capacity::peb::peb_mhz(0.25, 36.0), 9.0);
/// ```
pub fn peb_mhz(power_share: f64, transponder_bandwidth_mhz: f64) -> f64 {
    power_share * transponder_bandwidth_mhz
}

/// Power share of a carrier with downlink EIRP `carrier_eirp_dbw` in a
/// transponder whose total EIRP at the operating point is
/// `operating_eirp_dbw` (both toward the same site): `10^((EIRP_c − EIRP_op)/10)`.
pub fn power_share(carrier_eirp_dbw: f64, operating_eirp_dbw: f64) -> f64 {
    10f64.powf((carrier_eirp_dbw - operating_eirp_dbw) / 10.0)
}

/// Power- or bandwidth-limited.
pub fn limited_by(peb_mhz: f64, occupied_bandwidth_mhz: f64) -> LimitedBy {
    if peb_mhz > occupied_bandwidth_mhz {
        LimitedBy::Power
    } else {
        LimitedBy::Bandwidth
    }
}

/// The carrier's footprint on the transponder, `max(occupied, PEB)`, MHz.
pub fn resource_mhz(peb_mhz: f64, occupied_bandwidth_mhz: f64) -> f64 {
    peb_mhz.max(occupied_bandwidth_mhz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_worked_power_limited_carrier() {
        // 36 MHz transponder, saturated EIRP 52 dBW, OBO 2.5 dB → 49.5 dBW
        // at the operating point. A carrier needing 41.5 dBW takes
        // 10^(−8/10) = 0.158 489 of the power → PEB = 5.7056 MHz.
        // Occupied 4 MBd × 1.2 = 4.8 MHz < 5.7056: power-limited;
        // footprint 5.7056 MHz.
        let s = power_share(41.5, 52.0 - 2.5);
        assert!((s - 0.158_489).abs() < 1e-6);
        let peb = peb_mhz(s, 36.0);
        assert!((peb - 5.705_6).abs() < 1e-4);
        assert_eq!(limited_by(peb, 4.8), LimitedBy::Power);
        assert_eq!(resource_mhz(peb, 4.8), peb);
        // The same carrier at 10 MBd (12 MHz) is bandwidth-limited.
        assert_eq!(limited_by(peb, 12.0), LimitedBy::Bandwidth);
        assert_eq!(resource_mhz(peb, 12.0), 12.0);
    }
}
