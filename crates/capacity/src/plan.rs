//! The carrier plan of a scenario, transponder by transponder: each
//! carrier's power (link budget → power share → PEB → power- or
//! bandwidth-limited), each transponder's bandwidth and power used and
//! left, and every violation (carriers outside the transponder, overlapping
//! or closer than the guard band, power overbooked, lease breaches,
//! coverage, links that do not close).
//!
//! # References
//! Maral & Bousquet, 5th ed., §6.5.4 (FDMA power sharing, back-off and
//! intermodulation); Intelsat IESS-410 (lease transmission plans).

use serde::Serialize;
use silkway_link::{Modcod, dvbs2_modcod, dvbs2x_modcod};
use silkway_model::{Carrier, CarrierEnd, Scenario, Transponder};

use crate::budget::{CarrierPower, CarrierSpec, carrier_power};
use crate::error::Error;
use crate::lease::check_leases;
use crate::peb::LimitedBy;
use crate::site::Site;
use crate::violation::{Violation, ViolationKind};

/// Tolerance on frequency edges, MHz (1 Hz).
pub const EDGE_TOLERANCE_MHZ: f64 = 1e-6;

/// One carrier in the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CarrierUse {
    /// Carrier id.
    pub id: String,
    /// Owner organization.
    pub owner: String,
    /// Index in the scenario's carriers.
    #[serde(skip)]
    pub index: usize,
    /// Downlink centre, MHz.
    pub centre_mhz: f64,
    /// Lower edge `centre − Rs(1+α)/2`, MHz.
    pub low_mhz: f64,
    /// Upper edge, MHz.
    pub high_mhz: f64,
    /// Occupied bandwidth `Rs (1 + α)`, MHz.
    pub occupied_bandwidth_mhz: f64,
    /// MODCOD.
    pub modcod: String,
    /// Information rate, Mbit/s (0 when the MODCOD is unknown).
    pub throughput_mbps: f64,
    /// Power-equivalent bandwidth, MHz (`None` when the budget failed).
    pub peb_mhz: Option<f64>,
    /// Share of the transponder power, % (`None` when the budget failed).
    pub power_pct: Option<f64>,
    /// Power- or bandwidth-limited (`None` when the budget failed).
    pub limited_by: Option<LimitedBy>,
    /// The budget's details (`None` when it failed).
    pub budget: Option<CarrierPower>,
}

/// One transponder in the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransponderUse {
    /// Transponder id.
    pub id: String,
    /// Satellite id.
    pub satellite: String,
    /// Band.
    pub band: String,
    /// Usable bandwidth, MHz.
    pub bandwidth_mhz: f64,
    /// Lower band edge (downlink), MHz.
    pub low_mhz: f64,
    /// Upper band edge (downlink), MHz.
    pub high_mhz: f64,
    /// Sum of the carriers' occupied bandwidths, MHz.
    pub bandwidth_used_mhz: f64,
    /// Sum of the carriers' power shares, % of the power at the operating point.
    pub power_used_pct: f64,
    /// Sum of the carriers' PEBs, MHz.
    pub peb_used_mhz: f64,
    /// Sum of `max(occupied, PEB)` over carriers, MHz.
    pub resource_used_mhz: f64,
    /// Bandwidth not occupied, MHz (negative when overbooked).
    pub free_bandwidth_mhz: f64,
    /// Power not used, % (negative when overbooked).
    pub free_power_pct: f64,
    /// Widest free stretch of the band once guard bands are kept on both
    /// sides of existing carriers, MHz: the largest carrier that still fits.
    pub largest_free_block_mhz: f64,
    /// Total EIRP at the operating point at the transmit beam peak,
    /// `EIRP_sat − OBO`, dBW: what the carriers share.
    pub operating_eirp_dbw: f64,
    /// Output back-off held for intermodulation at the multi-carrier
    /// operating point, dB (the total power available is EIRP_sat − OBO).
    pub intermod_allowance_db: f64,
    /// Intermodulation C/I at that point (in every carrier's C/(N+I)), dB.
    pub intermod_ci_db: Option<f64>,
    /// Guard band between carriers, MHz.
    pub guard_band_mhz: f64,
    /// Carriers by increasing frequency.
    pub carriers: Vec<CarrierUse>,
    /// Leases on the transponder active on the plan's date (all without a
    /// date), with what their lessees use.
    pub leases: Vec<LeaseUse>,
}

/// A lease and what its lessee uses of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaseUse {
    /// Lease id.
    pub id: String,
    /// Lessee organization.
    pub lessee: String,
    /// Segment, downlink MHz.
    pub from_mhz: f64,
    /// Segment, downlink MHz.
    pub to_mhz: f64,
    /// Power granted, % of the transponder.
    pub granted_power_pct: f64,
    /// Bandwidth the lessee's carriers occupy inside the segment, MHz.
    pub used_bandwidth_mhz: f64,
    /// Power the lessee's carriers on the transponder take, %.
    pub used_power_pct: f64,
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanReport {
    /// Scenario name.
    pub scenario: String,
    /// Date the leases were checked on (`None`: every lease counts).
    pub date: Option<String>,
    /// Transponders in scenario order.
    pub transponders: Vec<TransponderUse>,
    /// Every problem found.
    pub violations: Vec<Violation>,
}

/// Looks a MODCOD up among DVB-S2 then DVB-S2X names.
pub fn find_modcod(name: &str) -> Option<Modcod> {
    dvbs2_modcod(name.trim()).or_else(|| dvbs2x_modcod(name.trim()))
}

/// A carrier end as a [`Site`] (noise overrides applied).
pub fn end_site(scenario: &Scenario, end: &CarrierEnd, path: &str) -> Result<Site, Error> {
    let mut s = Site::from_station(scenario, &end.station, &end.antenna, path)?;
    if let Some(t) = end.antenna_noise_temp_k {
        s.antenna_noise_temp_k = t;
    }
    if let Some(t) = end.lnb_noise_temp_k {
        s.lnb_noise_temp_k = t;
    }
    Ok(s)
}

fn budget(
    scenario: &Scenario,
    t: &Transponder,
    c: &Carrier,
    path: &str,
    m: Modcod,
) -> Result<CarrierPower, Error> {
    let up = end_site(scenario, &c.uplink, &format!("{path}.uplink"))?;
    let down = end_site(scenario, &c.downlink, &format!("{path}.downlink"))?;
    let spec = CarrierSpec {
        transponder: t,
        centre_mhz: c.centre_mhz,
        symbol_rate_baud: c.symbol_rate_msps * 1e6,
        rolloff: c.rolloff,
        modcod: m,
        implementation_margin_db: c.implementation_margin_db,
        uplink_fade_db: c.uplink.fade_db,
    };
    carrier_power(scenario, &spec, &up, &down, c.downlink.fade_db, path)
}

fn violation(
    kind: ViolationKind,
    path: String,
    t: &str,
    ids: Vec<String>,
    message: String,
) -> Violation {
    Violation {
        kind,
        path,
        transponder: t.to_owned(),
        ids,
        message,
    }
}

fn evaluate_carrier(
    scenario: &Scenario,
    t: &Transponder,
    index: usize,
    c: &Carrier,
    out: &mut Vec<Violation>,
) -> CarrierUse {
    let path = format!("carriers[{index}]");
    let occupied = c.symbol_rate_msps * (1.0 + c.rolloff);
    let modcod = find_modcod(&c.modcod);
    let result = match modcod {
        Some(m) => budget(scenario, t, c, &path, m),
        None => Err(crate::error::field(
            format!("{path}.modcod"),
            format!(
                "unknown MODCOD {:?} (DVB-S2 Table 13 or DVB-S2X Table 20a names, e.g. \"QPSK 3/4\")",
                c.modcod
            ),
        )),
    };
    let budget = match result {
        Ok(b) => Some(b),
        Err(e) => {
            let kind = match e {
                Error::NotCovered { .. } => ViolationKind::NotCovered,
                Error::DoesNotClose { .. } => ViolationKind::DoesNotClose,
                _ => ViolationKind::InvalidCarrier,
            };
            out.push(violation(
                kind,
                path.clone(),
                &t.id,
                vec![c.id.clone()],
                e.to_string(),
            ));
            None
        }
    };
    CarrierUse {
        id: c.id.clone(),
        owner: c.owner.clone(),
        index,
        centre_mhz: c.centre_mhz,
        low_mhz: c.centre_mhz - occupied / 2.0,
        high_mhz: c.centre_mhz + occupied / 2.0,
        occupied_bandwidth_mhz: occupied,
        modcod: c.modcod.clone(),
        throughput_mbps: modcod.map_or(0.0, |m| m.throughput_bps(c.symbol_rate_msps * 1e6) / 1e6),
        peb_mhz: budget.as_ref().map(|b| b.peb_mhz),
        power_pct: budget.as_ref().map(|b| b.power_share * 100.0),
        limited_by: budget.as_ref().map(|b| b.limited_by),
        budget,
    }
}

/// Frequency checks of one transponder's carriers (sorted by low edge).
fn check_frequencies(
    t: &Transponder,
    low: f64,
    high: f64,
    carriers: &[CarrierUse],
    out: &mut Vec<Violation>,
) {
    for c in carriers {
        if c.low_mhz < low - EDGE_TOLERANCE_MHZ || c.high_mhz > high + EDGE_TOLERANCE_MHZ {
            out.push(violation(
                ViolationKind::OutsideTransponder,
                format!("carriers[{}].centre_mhz", c.index),
                &t.id,
                vec![c.id.clone()],
                format!(
                    "carrier {} occupies {:.3}–{:.3} MHz, outside transponder {} ({:.3}–{:.3} MHz)",
                    c.id, c.low_mhz, c.high_mhz, t.id, low, high
                ),
            ));
        }
    }
    for (i, a) in carriers.iter().enumerate() {
        for b in &carriers[i + 1..] {
            let gap = b.low_mhz - a.high_mhz;
            if gap < -EDGE_TOLERANCE_MHZ {
                out.push(violation(
                    ViolationKind::Overlap,
                    format!("carriers[{}].centre_mhz", b.index),
                    &t.id,
                    vec![a.id.clone(), b.id.clone()],
                    format!(
                        "carriers {} ({:.3}–{:.3} MHz) and {} ({:.3}–{:.3} MHz) overlap by {:.3} MHz",
                        a.id, a.low_mhz, a.high_mhz, b.id, b.low_mhz, b.high_mhz, -gap
                    ),
                ));
            }
        }
    }
    for pair in carriers.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = b.low_mhz - a.high_mhz;
        if gap >= -EDGE_TOLERANCE_MHZ && gap < t.guard_band_mhz - EDGE_TOLERANCE_MHZ {
            out.push(violation(
                ViolationKind::GuardBand,
                format!("carriers[{}].centre_mhz", b.index),
                &t.id,
                vec![a.id.clone(), b.id.clone()],
                format!(
                    "carriers {} and {} are {:.3} MHz apart; transponder {} needs a {:.3} MHz guard band",
                    a.id, b.id, gap.max(0.0), t.id, t.guard_band_mhz
                ),
            ));
        }
    }
}

/// Widest free stretch in [low, high] keeping `guard` MHz from every carrier.
pub fn largest_free_block_mhz(low: f64, high: f64, guard: f64, carriers: &[CarrierUse]) -> f64 {
    let mut edges: Vec<(f64, f64)> = carriers
        .iter()
        .map(|c| (c.low_mhz - guard, c.high_mhz + guard))
        .collect();
    edges.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best = 0.0f64;
    let mut cursor = low;
    for (lo, hi) in edges {
        best = best.max(lo.min(high) - cursor);
        cursor = cursor.max(hi);
    }
    best.max(high - cursor).max(0.0)
}

/// Plans every transponder of `scenario`. Leases count when active on
/// `date` (`YYYY-MM-DD`), or all of them when `date` is `None`.
///
/// Never fails: a carrier that cannot be evaluated is listed without PEB
/// and reported among the violations.
pub fn plan(scenario: &Scenario, date: Option<&str>) -> PlanReport {
    let mut violations = Vec::new();
    let mut transponders = Vec::new();
    for (ti, t) in scenario.transponders.iter().enumerate() {
        let low = t.downlink_centre_mhz - t.bandwidth_mhz / 2.0;
        let high = t.downlink_centre_mhz + t.bandwidth_mhz / 2.0;
        let mut carriers: Vec<CarrierUse> = scenario
            .carriers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.transponder == t.id)
            .map(|(i, c)| evaluate_carrier(scenario, t, i, c, &mut violations))
            .collect();
        carriers.sort_by(|a, b| a.low_mhz.total_cmp(&b.low_mhz));
        check_frequencies(t, low, high, &carriers, &mut violations);
        let bw_used: f64 = carriers
            .iter()
            .map(|c| c.occupied_bandwidth_mhz)
            .sum::<f64>()
            + 0.0;
        let share: f64 = carriers.iter().filter_map(|c| c.power_pct).sum::<f64>() / 100.0 + 0.0;
        let peb: f64 = carriers.iter().filter_map(|c| c.peb_mhz).sum::<f64>() + 0.0;
        let resource: f64 = carriers
            .iter()
            .map(|c| c.peb_mhz.unwrap_or(0.0).max(c.occupied_bandwidth_mhz))
            .sum::<f64>()
            + 0.0;
        if share > 1.0 + 1e-9 {
            violations.push(violation(
                ViolationKind::PowerOverbooked,
                format!("transponders[{ti}]"),
                &t.id,
                carriers.iter().map(|c| c.id.clone()).collect(),
                format!(
                    "carriers need {:.1} % of transponder {}'s power at its operating point",
                    share * 100.0,
                    t.id
                ),
            ));
        }
        transponders.push(TransponderUse {
            id: t.id.clone(),
            satellite: t.satellite.clone(),
            band: t.band.clone(),
            bandwidth_mhz: t.bandwidth_mhz,
            low_mhz: low,
            high_mhz: high,
            bandwidth_used_mhz: bw_used,
            power_used_pct: share * 100.0,
            peb_used_mhz: peb,
            resource_used_mhz: resource,
            free_bandwidth_mhz: t.bandwidth_mhz - bw_used,
            free_power_pct: (1.0 - share) * 100.0,
            largest_free_block_mhz: largest_free_block_mhz(low, high, t.guard_band_mhz, &carriers),
            operating_eirp_dbw: t.saturated_eirp_dbw - t.obo_db,
            intermod_allowance_db: t.obo_db,
            intermod_ci_db: t.intermod_ci_db,
            guard_band_mhz: t.guard_band_mhz,
            leases: lease_uses(scenario, t, date, &carriers),
            carriers,
        });
    }
    check_leases(scenario, &transponders, date, &mut violations);
    PlanReport {
        scenario: scenario.name.clone(),
        date: date.map(str::to_owned),
        transponders,
        violations,
    }
}

fn lease_uses(
    scenario: &Scenario,
    t: &Transponder,
    date: Option<&str>,
    carriers: &[CarrierUse],
) -> Vec<LeaseUse> {
    scenario
        .leases
        .iter()
        .filter(|l| l.transponder == t.id && date.is_none_or(|d| l.active_on(d)))
        .map(|l| {
            let own = || carriers.iter().filter(|c| c.owner == l.lessee);
            LeaseUse {
                id: l.id.clone(),
                lessee: l.lessee.clone(),
                from_mhz: l.from_mhz,
                to_mhz: l.to_mhz,
                granted_power_pct: crate::lease::granted_power_share(l, t.bandwidth_mhz) * 100.0,
                used_bandwidth_mhz: own()
                    .map(|c| (c.high_mhz.min(l.to_mhz) - c.low_mhz.max(l.from_mhz)).max(0.0))
                    .sum::<f64>()
                    + 0.0,
                used_power_pct: own().filter_map(|c| c.power_pct).sum::<f64>() + 0.0,
            }
        })
        .collect()
}
