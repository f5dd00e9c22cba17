//! Readable text renderings of the reports (`--format table`).

use std::fmt::Write as _;

use crate::peb::LimitedBy;
use crate::plan::PlanReport;
use crate::sizing::SizingReport;

fn limited(l: Option<LimitedBy>) -> &'static str {
    match l {
        Some(LimitedBy::Power) => "power",
        Some(LimitedBy::Bandwidth) => "bandwidth",
        None => "-",
    }
}

fn opt(x: Option<f64>, digits: usize) -> String {
    x.map_or("-".into(), |v| format!("{v:.digits$}"))
}

/// The plan as text: one block per transponder, then the violations.
pub fn plan_table(r: &PlanReport) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Carrier plan of scenario {}{}",
        r.scenario,
        r.date
            .as_ref()
            .map(|d| format!(" on {d}"))
            .unwrap_or_default()
    );
    for t in &r.transponders {
        let _ = writeln!(
            s,
            "\n{} ({} {}, {:.1}–{:.1} MHz, {:.1} MHz)  bandwidth used {:.2} MHz ({:.1} %)  power used {:.1} %  PEB {:.2} MHz  free block {:.2} MHz  OBO {:.1} dB",
            t.id,
            t.satellite,
            t.band,
            t.low_mhz,
            t.high_mhz,
            t.bandwidth_mhz,
            t.bandwidth_used_mhz,
            100.0 * t.bandwidth_used_mhz / t.bandwidth_mhz,
            t.power_used_pct,
            t.peb_used_mhz,
            t.largest_free_block_mhz,
            t.intermod_allowance_db
        );
        for l in &t.leases {
            let _ = writeln!(
                s,
                "  lease {} to {}: {:.3}–{:.3} MHz, {:.2} MHz used; power {:.1} % used of {:.1} % granted",
                l.id,
                l.lessee,
                l.from_mhz,
                l.to_mhz,
                l.used_bandwidth_mhz,
                l.used_power_pct,
                l.granted_power_pct
            );
        }
        if t.carriers.is_empty() {
            let _ = writeln!(s, "  (no carriers)");
            continue;
        }
        let _ = writeln!(
            s,
            "  {:<20} {:<12} {:>11} {:>8} {:<12} {:>8} {:>8} {:>8} {:<9}",
            "carrier",
            "owner",
            "centre MHz",
            "BW MHz",
            "MODCOD",
            "Mbit/s",
            "power %",
            "PEB MHz",
            "limited"
        );
        for c in &t.carriers {
            let _ = writeln!(
                s,
                "  {:<20} {:<12} {:>11.3} {:>8.3} {:<12} {:>8.2} {:>8} {:>8} {:<9}",
                c.id,
                c.owner,
                c.centre_mhz,
                c.occupied_bandwidth_mhz,
                c.modcod,
                c.throughput_mbps,
                opt(c.power_pct, 1),
                opt(c.peb_mhz, 3),
                limited(c.limited_by)
            );
        }
    }
    if r.violations.is_empty() {
        let _ = writeln!(s, "\nNo violations.");
    } else {
        let _ = writeln!(s, "\n{} violation(s):", r.violations.len());
        for v in &r.violations {
            let kind = serde_plain(v.kind);
            let _ = writeln!(s, "  [{kind}] {}: {}", v.path, v.message);
        }
    }
    trimmed(&s)
}

/// Drops trailing spaces of padded columns.
fn trimmed(s: &str) -> String {
    s.lines().map(|l| l.trim_end().to_owned() + "\n").collect()
}

fn serde_plain<T: serde::Serialize>(x: T) -> String {
    toml::Value::try_from(&x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The sizing as text: one row per candidate, best first.
pub fn sizing_table(r: &SizingReport) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Service {}: {:.3} Mbit/s at {} % availability (fade {})",
        r.request, r.throughput_mbps, r.availability_pct, r.fade_source
    );
    let _ = writeln!(
        s,
        "{:>4} {:<12} {:<12} {:<5} {:<12} {:>8} {:>8} {:>8} {:>8} {:<9} {:>10} {:>9}",
        "rank",
        "transponder",
        "satellite",
        "fits",
        "MODCOD",
        "MSym/s",
        "BW MHz",
        "power %",
        "PEB MHz",
        "limited",
        "free MHz",
        "free pow%"
    );
    for c in &r.candidates {
        let _ = writeln!(
            s,
            "{:>4} {:<12} {:<12} {:<5} {:<12} {:>8} {:>8} {:>8} {:>8} {:<9} {:>10.2} {:>9.1}",
            c.rank,
            c.transponder,
            c.satellite,
            if c.fits { "yes" } else { "no" },
            c.modcod.as_deref().unwrap_or("-"),
            opt(c.symbol_rate_msps, 3),
            opt(c.bandwidth_mhz, 3),
            opt(c.power_pct, 1),
            opt(c.peb_mhz, 3),
            limited(c.limited_by),
            c.largest_free_block_mhz,
            c.free_power_pct
        );
        if let Some(reason) = &c.reason {
            let _ = writeln!(s, "       {reason}");
        }
        if let Some(l) = &c.lease {
            let _ = writeln!(
                s,
                "       inside the customer's lease ({}): {} (free {:.2} MHz block, {:.1} % power)",
                l.leases.join(", "),
                if l.fits { "fits" } else { "does not fit" },
                l.free_block_mhz,
                l.free_power_pct
            );
        }
    }
    trimmed(&s)
}
