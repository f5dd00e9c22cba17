//! Lease checks: each lessee's carriers stay inside its leased segments and
//! within the power its leases grant; leases stay inside their transponder
//! and do not overlap one another.
//!
//! A lease grants `power_pct` of the transponder's power, or, when absent,
//! power in proportion to its bandwidth (`leased MHz / transponder MHz`),
//! the usual default of bandwidth leases (Intelsat IESS-410 practice: a
//! lessee may use the larger of its bandwidth and its PEB, never more).
//! Carriers owned by the satellite's operator need no lease.

use silkway_model::{Lease, Scenario};

use crate::plan::{EDGE_TOLERANCE_MHZ, TransponderUse};
use crate::violation::{Violation, ViolationKind};

/// Power share (fraction) a lease grants on a transponder of `bandwidth_mhz`.
pub fn granted_power_share(lease: &Lease, transponder_bandwidth_mhz: f64) -> f64 {
    match lease.power_pct {
        Some(p) => p / 100.0,
        None => lease.bandwidth_mhz() / transponder_bandwidth_mhz,
    }
}

fn push(
    out: &mut Vec<Violation>,
    kind: ViolationKind,
    path: String,
    t: &str,
    ids: Vec<String>,
    message: String,
) {
    out.push(Violation {
        kind,
        path,
        transponder: t.to_owned(),
        ids,
        message,
    });
}

/// Checks leases against the planned transponders.
pub fn check_leases(
    scenario: &Scenario,
    plan: &[TransponderUse],
    date: Option<&str>,
    out: &mut Vec<Violation>,
) {
    let active = |l: &Lease| date.is_none_or(|d| l.active_on(d));
    for (k, l) in scenario.leases.iter().enumerate() {
        let Some(t) = plan.iter().find(|t| t.id == l.transponder) else {
            continue;
        };
        if l.from_mhz < t.low_mhz - EDGE_TOLERANCE_MHZ || l.to_mhz > t.high_mhz + EDGE_TOLERANCE_MHZ
        {
            push(
                out,
                ViolationKind::LeaseOutsideTransponder,
                format!("leases[{k}]"),
                &t.id,
                vec![l.id.clone()],
                format!(
                    "lease {} ({:.3}–{:.3} MHz) extends beyond transponder {} ({:.3}–{:.3} MHz)",
                    l.id, l.from_mhz, l.to_mhz, t.id, t.low_mhz, t.high_mhz
                ),
            );
        }
        for (j, o) in scenario.leases.iter().enumerate().skip(k + 1) {
            let same_time = l.start <= o.end && o.start <= l.end;
            let same_band = l.from_mhz < o.to_mhz - EDGE_TOLERANCE_MHZ
                && o.from_mhz < l.to_mhz - EDGE_TOLERANCE_MHZ;
            if o.transponder == l.transponder && o.lessee != l.lessee && same_time && same_band {
                push(
                    out,
                    ViolationKind::LeaseOverlap,
                    format!("leases[{j}]"),
                    &t.id,
                    vec![l.id.clone(), o.id.clone()],
                    format!(
                        "leases {} ({}) and {} ({}) share spectrum on {} between {} and {}",
                        l.id,
                        l.lessee,
                        o.id,
                        o.lessee,
                        t.id,
                        l.start.as_str().max(o.start.as_str()),
                        l.end.as_str().min(o.end.as_str())
                    ),
                );
            }
        }
    }

    for (ti, t) in plan.iter().enumerate() {
        let operator = scenario
            .satellite(&t.satellite)
            .map(|s| s.operator.as_str())
            .unwrap_or("");
        let mut lessees: Vec<&str> = Vec::new();
        for c in &t.carriers {
            if c.owner == operator {
                continue;
            }
            let leases: Vec<&Lease> = scenario
                .leases
                .iter()
                .filter(|l| l.transponder == t.id && l.lessee == c.owner && active(l))
                .collect();
            if leases.is_empty() {
                push(
                    out,
                    ViolationKind::NoLease,
                    format!("carriers[{}].owner", c.index),
                    &t.id,
                    vec![c.id.clone()],
                    format!(
                        "{} owns carrier {} on {} but holds no lease there{}",
                        c.owner,
                        c.id,
                        t.id,
                        date.map(|d| format!(" on {d}")).unwrap_or_default()
                    ),
                );
                continue;
            }
            let inside = leases.iter().any(|l| {
                c.low_mhz >= l.from_mhz - EDGE_TOLERANCE_MHZ
                    && c.high_mhz <= l.to_mhz + EDGE_TOLERANCE_MHZ
            });
            if !inside {
                let segs: Vec<String> = leases
                    .iter()
                    .map(|l| format!("{} {:.3}–{:.3} MHz", l.id, l.from_mhz, l.to_mhz))
                    .collect();
                push(
                    out,
                    ViolationKind::OutsideLease,
                    format!("carriers[{}].centre_mhz", c.index),
                    &t.id,
                    vec![c.id.clone()],
                    format!(
                        "carrier {} ({:.3}–{:.3} MHz) is outside {}'s leased segments ({})",
                        c.id,
                        c.low_mhz,
                        c.high_mhz,
                        c.owner,
                        segs.join(", ")
                    ),
                );
            }
            if !lessees.contains(&c.owner.as_str()) {
                lessees.push(&c.owner);
            }
        }
        for lessee in lessees {
            let granted: f64 = scenario
                .leases
                .iter()
                .filter(|l| l.transponder == t.id && l.lessee == lessee && active(l))
                .map(|l| granted_power_share(l, t.bandwidth_mhz))
                .sum();
            let own: Vec<_> = t.carriers.iter().filter(|c| c.owner == lessee).collect();
            let used: f64 = own.iter().filter_map(|c| c.power_pct).sum::<f64>() / 100.0;
            if used > granted + 1e-9 {
                push(
                    out,
                    ViolationKind::LeasePowerExceeded,
                    format!("transponders[{ti}]"),
                    &t.id,
                    own.iter().map(|c| c.id.clone()).collect(),
                    format!(
                        "{lessee}'s carriers on {} take {:.1} % of its power; its leases grant {:.1} %",
                        t.id,
                        used * 100.0,
                        granted * 100.0
                    ),
                );
            }
        }
    }
}
