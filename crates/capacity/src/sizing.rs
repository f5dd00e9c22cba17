//! Sizing a service: the MHz and power a request needs on each candidate
//! transponder, the MODCOD chosen for its availability target, whether it
//! fits the free capacity, candidates ranked.
//!
//! A forward service is one carrier (hub → terminals) received by every
//! terminal, so the worst terminal site (most power needed) sizes it. A
//! return service (terminals → hub) is sized as one equivalent carrier of
//! the aggregate rate from the worst site: around its operating point the
//! transponder is linear, so any split into MF-TDMA or SCPC carriers of the
//! same total symbol rate takes the same bandwidth and power; one
//! terminal's transmit power is the aggregate's scaled by its share of the
//! rate. For
//! each MODCOD of the set: `Rs = R / η`, occupied `Rs (1 + α)`, the power
//! share meeting the threshold with the planned downlink fade at every
//! site (the fade not exceeded `availability` % of the year: given, or from
//! a [`silkway_link::Fade`] model), hence PEB and the footprint
//! `max(occupied, PEB)`. The MODCOD with the smallest footprint among those
//! that fit the free capacity is chosen (the smallest overall when none
//! fits). Candidates: those that fit first, then by footprint.
//!
//! # References
//! Maral & Bousquet, 5th ed., §5.8 (availability), §6.5.4 (power sharing);
//! ETSI EN 302 307-1 (MODCODs); Intelsat IESS-410 (PEB).

use serde::Serialize;
use silkway_link::{Fade, ModcodSet};
use silkway_model::{Scenario, Transponder};

use crate::budget::{CarrierPower, CarrierSpec, carrier_power, downlink_path, satellite_lon_deg};
use crate::error::{Error, Result, field};
use crate::lease::granted_power_share;
use crate::peb::LimitedBy;
use crate::plan::{PlanReport, TransponderUse, largest_free_block_mhz};
use crate::propagation::Propagation;
use crate::request::{Direction, ServiceRequest};
use crate::site::Site;

/// One candidate transponder for a request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Rank, 1 = best.
    pub rank: usize,
    /// Transponder id.
    pub transponder: String,
    /// Satellite id.
    pub satellite: String,
    /// Hub station used.
    pub hub: Option<String>,
    /// A MODCOD closes the link at every site.
    pub feasible: bool,
    /// It fits the transponder's free bandwidth and power.
    pub fits: bool,
    /// Chosen MODCOD.
    pub modcod: Option<String>,
    /// Symbol rate, Msymbol/s.
    pub symbol_rate_msps: Option<f64>,
    /// Occupied bandwidth, MHz.
    pub bandwidth_mhz: Option<f64>,
    /// Share of the transponder power, %.
    pub power_pct: Option<f64>,
    /// Power-equivalent bandwidth, MHz.
    pub peb_mhz: Option<f64>,
    /// Power- or bandwidth-limited.
    pub limited_by: Option<LimitedBy>,
    /// `max(bandwidth, PEB)`, MHz.
    pub resource_mhz: Option<f64>,
    /// The site needing the most power.
    pub worst_site: Option<String>,
    /// Fade planned at the worst site, dB (its downlink for forward, its
    /// uplink for return).
    pub downlink_fade_db: Option<f64>,
    /// Transponder power free before the service, %.
    pub free_power_pct: f64,
    /// Widest free block before the service, MHz.
    pub largest_free_block_mhz: f64,
    /// Return: transmit power one terminal needs at its peak rate, W
    /// (the aggregate's power scaled by the terminal's share of the rate).
    pub terminal_tx_power_w: Option<f64>,
    /// Why it is infeasible or does not fit.
    pub reason: Option<String>,
    /// When the request names a `customer` that leases capacity on this
    /// transponder: whether the service fits inside its active leases.
    pub lease: Option<LeaseFit>,
}

/// The service against the customer's own leases on a transponder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaseFit {
    /// Lease ids considered (active on the plan's date).
    pub leases: Vec<String>,
    /// Widest free block inside the leased segments, guard bands kept, MHz.
    pub free_block_mhz: f64,
    /// Power granted by the leases and not used by the customer's carriers, %.
    pub free_power_pct: f64,
    /// The service fits inside the leases (needs a MODCOD).
    pub fits: bool,
}

/// The answer to a request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizingReport {
    /// Request name.
    pub request: String,
    /// Information rate sized for, Mbit/s.
    pub throughput_mbps: f64,
    /// Availability target, %.
    pub availability_pct: f64,
    /// `"given"` (rain_fade_db of the request) or `"model"`.
    pub fade_source: &'static str,
    /// Candidates, best first.
    pub candidates: Vec<Candidate>,
}

struct Choice {
    terminal_w: Option<f64>,
    modcod: &'static str,
    rs_baud: f64,
    worst: CarrierPower,
    worst_site: String,
    fade_db: f64,
    fits: bool,
}

fn modcod_set(r: &ServiceRequest) -> ModcodSet {
    r.modcods.unwrap_or(ModcodSet::DvbS2)
}

/// Sizes `request` on every candidate transponder of `scenario`, with free
/// capacity from `plan` (the scenario's current plan). `model`, when
/// given, supplies the downlink fade; otherwise the request's
/// `rain_fade_db` is required.
pub fn size(
    scenario: &Scenario,
    plan: &PlanReport,
    request: &ServiceRequest,
    model: Option<&dyn Fade>,
) -> Result<SizingReport> {
    request.validate()?;
    let propagation = match (model, request.rain_fade_db) {
        (Some(m), _) => Propagation::Model(m),
        (None, Some(a)) => Propagation::Fixed {
            downlink_fade_db: a,
        },
        (None, None) => {
            return Err(field(
                "rain_fade_db",
                "give the rain fade at the availability target, or a propagation model (the CLI uses ITU-R P.618-13 when the ITU-R maps are installed)",
            ));
        }
    };
    for (i, id) in request.candidates.iter().enumerate() {
        if scenario.transponder(id).is_none() {
            return Err(field(
                format!("candidates[{i}]"),
                format!("unknown transponder {id:?}"),
            ));
        }
    }
    let sites = request.terminal_sites()?;
    let rate = request.throughput_bps();
    let mut out = Vec::new();
    for t in &scenario.transponders {
        if !request.candidates.is_empty() && !request.candidates.contains(&t.id) {
            continue;
        }
        let Some(used) = plan.transponders.iter().find(|u| u.id == t.id) else {
            continue;
        };
        let ctx = Ctx {
            scenario,
            request,
            sites: &sites,
            rate_bps: rate,
            prop: &propagation,
            date: plan.date.as_deref(),
        };
        out.push(candidate(&ctx, t, used)?);
    }
    out.sort_by(|a, b| {
        (b.fits, b.feasible).cmp(&(a.fits, a.feasible)).then(
            a.resource_mhz
                .unwrap_or(f64::INFINITY)
                .total_cmp(&b.resource_mhz.unwrap_or(f64::INFINITY)),
        )
    });
    for (i, c) in out.iter_mut().enumerate() {
        c.rank = i + 1;
    }
    Ok(SizingReport {
        request: request.name.clone(),
        throughput_mbps: rate / 1e6,
        availability_pct: request.availability_pct,
        fade_source: match propagation {
            Propagation::Fixed { .. } => "given",
            Propagation::Model(_) => "model",
        },
        candidates: out,
    })
}

/// What every candidate is sized with.
struct Ctx<'a> {
    scenario: &'a Scenario,
    request: &'a ServiceRequest,
    sites: &'a [Site],
    rate_bps: f64,
    prop: &'a Propagation<'a>,
    date: Option<&'a str>,
}

fn candidate(ctx: &Ctx<'_>, t: &Transponder, used: &TransponderUse) -> Result<Candidate> {
    let (scenario, r, sites, rate_bps, prop, date) = (
        ctx.scenario,
        ctx.request,
        ctx.sites,
        ctx.rate_bps,
        ctx.prop,
        ctx.date,
    );
    let mut c = Candidate {
        rank: 0,
        transponder: t.id.clone(),
        satellite: t.satellite.clone(),
        hub: None,
        feasible: false,
        fits: false,
        modcod: None,
        symbol_rate_msps: None,
        bandwidth_mhz: None,
        power_pct: None,
        peb_mhz: None,
        limited_by: None,
        resource_mhz: None,
        worst_site: None,
        downlink_fade_db: None,
        free_power_pct: used.free_power_pct,
        largest_free_block_mhz: used.largest_free_block_mhz,
        terminal_tx_power_w: None,
        reason: None,
        lease: None,
    };
    let Some((h, hub)) = r
        .hubs
        .iter()
        .enumerate()
        .find(|(_, h)| h.satellite == t.satellite)
    else {
        c.reason = Some(format!("no hub given for satellite {}", t.satellite));
        return Ok(c);
    };
    let hub_site = Site::from_station(scenario, &hub.station, &hub.antenna, &format!("hubs[{h}]"))?;
    c.hub = Some(hub.station.clone());
    let sat_lon = satellite_lon_deg(
        scenario,
        &t.satellite,
        &format!("transponder {}.satellite", t.id),
    )?;
    let centre = t.downlink_centre_mhz;
    let forward = r.direction == Direction::Forward;
    // The terminals' fade: on their downlink (forward) or uplink (return).
    let terminal_freq_ghz = if forward {
        centre / 1000.0
    } else {
        t.uplink_centre_mhz / 1000.0
    };
    let mut fades = Vec::with_capacity(sites.len());
    for s in sites {
        let fade = match downlink_path(sat_lon, s, terminal_freq_ghz, "sites") {
            Ok(path) => prop.downlink_fade_db(&path, r.availability_pct, "rain_fade_db")?,
            Err(e) => {
                c.reason = Some(e.to_string());
                return Ok(c);
            }
        };
        fades.push(fade);
    }
    // One terminal's share of the aggregate rate (return power check).
    let terminal_fraction = (r.per_terminal_bps() / rate_bps).min(1.0);
    let mut best: Option<Choice> = None;
    let mut last_reason = None;
    for m in modcod_set(r).modcods() {
        let rs = rate_bps / m.efficiency_bits_per_symbol;
        let mut worst: Option<(CarrierPower, String, f64)> = None;
        let mut terminal_w = 0.0f64;
        let mut failed = false;
        for (s, fade) in sites.iter().zip(&fades) {
            let spec = CarrierSpec {
                transponder: t,
                centre_mhz: centre,
                symbol_rate_baud: rs,
                rolloff: r.rolloff,
                modcod: m,
                implementation_margin_db: r.implementation_margin_db,
                uplink_fade_db: if forward { r.hub_fade_db } else { *fade },
            };
            let result = if forward {
                carrier_power(scenario, &spec, &hub_site, s, *fade, "request")
            } else {
                carrier_power(scenario, &spec, s, &hub_site, r.hub_fade_db, "request")
            };
            match result {
                Ok(p) => {
                    if !forward {
                        // Linear transponder: power scales with the symbol rate.
                        let w = 10f64.powf(p.uplink_power_dbw / 10.0) * terminal_fraction;
                        terminal_w = terminal_w.max(w);
                        if let Some(max) = r.terminal.max_tx_power_w {
                            if w > max {
                                last_reason = Some(format!(
                                    "{}: a terminal at {} needs {w:.2} W (> {max} W)",
                                    m.name, s.name
                                ));
                                failed = true;
                                break;
                            }
                        }
                    }
                    if worst
                        .as_ref()
                        .is_none_or(|w| p.power_share > w.0.power_share)
                    {
                        worst = Some((p, s.name.clone(), *fade));
                    }
                }
                Err(e @ (Error::NotCovered { .. } | Error::Link { .. })) => {
                    c.reason = Some(e.to_string());
                    return Ok(c);
                }
                Err(e) => {
                    last_reason = Some(format!("{}: {e}", m.name));
                    failed = true;
                    break;
                }
            }
        }
        let Some((p, site, fade)) = worst.filter(|_| !failed) else {
            continue;
        };
        let fits = p.occupied_bandwidth_mhz <= used.largest_free_block_mhz + 1e-9
            && p.power_share * 100.0 <= used.free_power_pct + 1e-9;
        let better = match &best {
            None => true,
            Some(b) => (fits, -p.resource_mhz) > (b.fits, -b.worst.resource_mhz),
        };
        if better {
            best = Some(Choice {
                terminal_w: (!forward).then_some(terminal_w),
                modcod: m.name,
                rs_baud: rs,
                worst: p,
                worst_site: site,
                fade_db: fade,
                fits,
            });
        }
    }
    match best {
        None => {
            c.reason = Some(last_reason.unwrap_or_else(|| "no MODCOD closes the link".into()));
        }
        Some(b) => {
            c.feasible = true;
            c.fits = b.fits;
            c.modcod = Some(b.modcod.to_owned());
            c.symbol_rate_msps = Some(b.rs_baud / 1e6);
            c.bandwidth_mhz = Some(b.worst.occupied_bandwidth_mhz);
            c.power_pct = Some(b.worst.power_share * 100.0);
            c.peb_mhz = Some(b.worst.peb_mhz);
            c.limited_by = Some(b.worst.limited_by);
            c.resource_mhz = Some(b.worst.resource_mhz);
            c.worst_site = Some(b.worst_site);
            c.downlink_fade_db = Some(b.fade_db);
            c.terminal_tx_power_w = b.terminal_w;
            c.lease = lease_fit(scenario, t, used, r, &b.worst, date);
            if !b.fits {
                c.reason = Some(format!(
                    "needs {:.2} MHz and {:.1} % power; free: {:.2} MHz block, {:.1} % power",
                    b.worst.occupied_bandwidth_mhz,
                    b.worst.power_share * 100.0,
                    used.largest_free_block_mhz,
                    used.free_power_pct
                ));
            }
        }
    }
    Ok(c)
}

/// The customer's active leases on `t` and how much of them is free.
fn lease_fit(
    scenario: &Scenario,
    t: &Transponder,
    used: &TransponderUse,
    r: &ServiceRequest,
    need: &CarrierPower,
    date: Option<&str>,
) -> Option<LeaseFit> {
    let customer = r.customer.as_deref()?;
    let leases: Vec<&silkway_model::Lease> = scenario
        .leases
        .iter()
        .filter(|l| l.transponder == t.id && l.lessee == customer)
        .filter(|l| date.is_none_or(|d| l.active_on(d)))
        .collect();
    if leases.is_empty() {
        return None;
    }
    let free_block_mhz = leases
        .iter()
        .map(|l| largest_free_block_mhz(l.from_mhz, l.to_mhz, t.guard_band_mhz, &used.carriers))
        .fold(0.0, f64::max);
    let granted: f64 = leases
        .iter()
        .map(|l| granted_power_share(l, t.bandwidth_mhz))
        .sum();
    let own: f64 = used
        .carriers
        .iter()
        .filter(|c| c.owner == customer)
        .filter_map(|c| c.power_pct)
        .sum::<f64>()
        / 100.0;
    let free_power_pct = (granted - own) * 100.0;
    Some(LeaseFit {
        leases: leases.iter().map(|l| l.id.clone()).collect(),
        free_block_mhz,
        free_power_pct,
        fits: need.occupied_bandwidth_mhz <= free_block_mhz + 1e-9
            && need.power_share * 100.0 <= free_power_pct + 1e-9,
    })
}
