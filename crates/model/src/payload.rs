//! The communications payload of GEO satellites and its commercial use:
//! beams, transponders, carriers (the carrier plan) and leases.
//!
//! Frequencies of carriers and leases are **downlink** frequencies (what a
//! spectrum analyser at the receiving station shows); a transponder's
//! uplink centre gives the translation. Beam contours are levels relative
//! to the beam peak, where the transponder's `saturated_eirp_dbw`,
//! `sfd_dbw_m2` and `gt_dbk` apply.
//!
//! # References
//! Maral & Bousquet, *Satellite Communications Systems*, 5th ed., §9.2
//! (payload: transponders, beams, coverage contours) and §6.5 (multiple
//! carriers per transponder, back-off).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A level contour of a beam: inside `polygon` the beam is at least
/// `level_db` relative to its peak.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BeamContour {
    /// Level relative to the beam peak, dB (≤ 0; 0 is the peak contour).
    pub level_db: f64,
    /// Closed outline as `[[lon, lat], ...]` degrees (at least 3 points;
    /// the last point need not repeat the first).
    pub polygon: Vec<[f64; 2]>,
}

/// A satellite antenna beam with its coverage as level contours (EIRP for
/// transmit, G/T and SFD for receive, all relative to the peak).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Beam {
    /// Unique id within the scenario's beams.
    pub id: String,
    /// Satellite carrying the beam (id in `satellites`).
    pub satellite: String,
    /// Display name (`Central Asia Ku`).
    pub name: String,
    /// Contours, any order; a site gets the highest level whose polygon
    /// contains it, and is outside the coverage when none does.
    pub contours: Vec<BeamContour>,
    /// True when the contours are illustrative (real contours not public).
    #[serde(default)]
    pub illustrative: bool,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A transparent transponder and its multi-carrier operating point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transponder {
    /// Unique id within the scenario's transponders.
    pub id: String,
    /// Satellite (id in `satellites`).
    pub satellite: String,
    /// Band name (`C`, `Ku`, `Ka`...).
    pub band: String,
    /// Downlink centre frequency, MHz.
    pub downlink_centre_mhz: f64,
    /// Uplink centre frequency, MHz.
    pub uplink_centre_mhz: f64,
    /// Usable bandwidth, MHz (> 0).
    pub bandwidth_mhz: f64,
    /// Receive beam (id in `beams`); absent: peak values everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uplink_beam: Option<String>,
    /// Transmit beam (id in `beams`); absent: peak values everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downlink_beam: Option<String>,
    /// Saturated EIRP at the transmit beam peak, dBW.
    pub saturated_eirp_dbw: f64,
    /// Saturation flux density at the receive beam peak, dBW/m².
    pub sfd_dbw_m2: f64,
    /// G/T at the receive beam peak, dB/K.
    pub gt_dbk: f64,
    /// Total input back-off at the multi-carrier operating point, dB (0–40).
    pub ibo_db: f64,
    /// Total output back-off at that point, dB (0–`ibo_db`).
    pub obo_db: f64,
    /// Intermodulation C/I at that operating point, dB (in each carrier's
    /// band), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermod_ci_db: Option<f64>,
    /// Minimum guard band between adjacent carriers, MHz (≥ 0).
    #[serde(default)]
    pub guard_band_mhz: f64,
    /// True when the figures are illustrative.
    #[serde(default)]
    pub illustrative: bool,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One end of a carrier: a station and one of its antennas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CarrierEnd {
    /// Station (id in `stations`).
    pub station: String,
    /// Antenna (id among that station's `antennas`).
    pub antenna: String,
    /// Clear-sky antenna noise temperature, K (receiving end; default 50 K).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antenna_noise_temp_k: Option<f64>,
    /// LNB noise temperature, K (receiving end; default 75 K).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lnb_noise_temp_k: Option<f64>,
    /// Attenuation to plan for on this end's path, dB (≥ 0; default 0):
    /// the rain fade at the carrier's availability target.
    #[serde(default)]
    pub fade_db: f64,
}

/// A carrier of the carrier plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Carrier {
    /// Unique id within the scenario's carriers.
    pub id: String,
    /// Owning organization (id in `organizations`).
    pub owner: String,
    /// Transponder (id in `transponders`).
    pub transponder: String,
    /// Downlink centre frequency, MHz.
    pub centre_mhz: f64,
    /// Symbol rate, Msymbol/s (> 0).
    pub symbol_rate_msps: f64,
    /// Roll-off factor (0–1; DVB-S2 0.35, 0.25, 0.20; S2X down to 0.05).
    pub rolloff: f64,
    /// DVB-S2/S2X MODCOD as named in the standard (`"QPSK 3/4"`).
    pub modcod: String,
    /// Implementation margin over the quasi-error-free threshold, dB (≥ 0).
    #[serde(default)]
    pub implementation_margin_db: f64,
    /// Transmitting station.
    pub uplink: CarrierEnd,
    /// Receiving station.
    pub downlink: CarrierEnd,
    /// Where the figures come from, or "illustrative".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A bandwidth segment of a transponder leased to an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lease {
    /// Unique id within the scenario's leases.
    pub id: String,
    /// Lessee (id in `organizations`).
    pub lessee: String,
    /// Transponder (id in `transponders`).
    pub transponder: String,
    /// Lower edge of the segment, downlink MHz.
    pub from_mhz: f64,
    /// Upper edge of the segment, downlink MHz (> `from_mhz`).
    pub to_mhz: f64,
    /// First day of the lease, `YYYY-MM-DD`.
    pub start: String,
    /// Last day of the lease, `YYYY-MM-DD` (≥ `start`).
    pub end: String,
    /// Share of the transponder's power leased, % (0–100]; absent: the
    /// segment's share of the bandwidth (power in proportion to bandwidth).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_pct: Option<f64>,
    /// Where the figures come from, or "illustrative".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Lease {
    /// Leased bandwidth, MHz.
    pub fn bandwidth_mhz(&self) -> f64 {
        self.to_mhz - self.from_mhz
    }

    /// Whether the lease runs on `date` (`YYYY-MM-DD`, compared as text,
    /// which orders ISO dates correctly).
    pub fn active_on(&self, date: &str) -> bool {
        self.start.as_str() <= date && date <= self.end.as_str()
    }
}

/// True when `text` is a calendar date `YYYY-MM-DD` (month 1–12, day 1–31).
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r.clone()].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2026-01-31"));
        for bad in [
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-00",
            "2026/01/01",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
