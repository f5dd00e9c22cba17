//! Planning an order with the product's other active orders.
//!
//! All active orders of the satellite whose windows come within a day of
//! the new one are planned together by [`silkway_eo::plan::plan`]. Orders
//! already in the plan are weighted [`INCUMBENT_WEIGHT`] times their
//! priority so that the planner keeps their coverage if it can; if any of
//! them would still lose coverage the new order is rejected and nothing
//! changes (first come, first served). Otherwise the new order is
//! scheduled with what it got, and incumbents whose acquisitions moved
//! (same coverage, other strips or times) are updated.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value;
use silkway_eo::aoi::parse_geometry_value;
use silkway_eo::contacts::stations_from_scenario;
use silkway_eo::fleet::EoSatellite;
use silkway_eo::plan::{PlanInput, PlanOptions, plan};
use silkway_eo::tasking::{Acquisition, ParsedRequest, TaskingRequest, TimeWindow};
use silkway_model::Scenario;
use silkway_orbit::UtcTime;

use crate::interval::Interval;
use crate::request::OrderParameters;

/// Weight multiplying the priority of orders already in the plan.
pub const INCUMBENT_WEIGHT: f64 = 1_000.0;
/// Coverage an incumbent may lose to rounding.
const COVERAGE_TOLERANCE: f64 = 1e-9;
/// Search time limit per order.
const TIME_LIMIT: Duration = Duration::from_secs(3);

/// An order as the planner sees it.
#[derive(Debug, Clone)]
pub(crate) struct PlanOrder {
    pub id: String,
    pub geometry: Value,
    pub interval: Interval,
    pub parameters: OrderParameters,
    /// Coverage it holds now (0 for the new order).
    pub coverage_fraction: f64,
}

/// What planning decided.
#[derive(Debug, Clone)]
pub(crate) enum Decision {
    /// The new order fits: per order id (new and incumbents), its coverage
    /// and acquisitions.
    Scheduled(HashMap<String, (f64, Vec<Acquisition>)>),
    /// The new order does not fit; code and reason.
    Rejected(&'static str, String),
}

fn parsed(order: &PlanOrder, sat: &EoSatellite, incumbent: bool) -> Result<ParsedRequest, String> {
    let text = order.geometry.to_string();
    let mut aois = parse_geometry_value(&order.geometry, &text, &order.id, &[], &order.id)
        .map_err(|e| format!("order {}: {e}", order.id))?;
    let aoi = aois
        .pop()
        .ok_or_else(|| format!("order {}: no area", order.id))?;
    let p = &order.parameters;
    Ok(ParsedRequest {
        request: TaskingRequest {
            id: order.id.clone(),
            customer: None,
            aoi: order.geometry.clone(),
            window: TimeWindow {
                start: order.interval.start,
                end: order.interval.end,
            },
            priority: if incumbent {
                p.priority * INCUMBENT_WEIGHT
            } else {
                p.priority
            },
            max_incidence_deg: p.max_incidence_deg,
            min_sun_elevation_deg: p.min_sun_elevation_deg,
            mode: p.mode,
            deliver_by: None,
            satellites: vec![sat.id.clone()],
        },
        aoi,
    })
}

/// Plan `new` with `incumbents` on `sat` (blocking: run off the executor).
///
/// # Errors
/// The scenario has no receiving station, or the planner failed.
pub(crate) fn decide(
    scenario: &Scenario,
    sat: &EoSatellite,
    incumbents: &[PlanOrder],
    new: &PlanOrder,
) -> Result<Decision, String> {
    let stations = stations_from_scenario(scenario, &[]).map_err(|e| e.to_string())?;
    let mut requests = Vec::with_capacity(incumbents.len() + 1);
    for o in incumbents {
        requests.push(parsed(o, sat, true)?);
    }
    requests.push(parsed(new, sat, false)?);
    let start = requests
        .iter()
        .map(|r| r.request.window.start)
        .fold(new.interval.start, min_time);
    let end = requests
        .iter()
        .map(|r| r.request.window.end)
        .fold(new.interval.end, max_time);
    let options = PlanOptions {
        time_limit: TIME_LIMIT,
        ..PlanOptions::default()
    };
    let input = PlanInput {
        requests: &requests,
        satellites: std::slice::from_ref(sat),
        stations: &stations,
        start,
        end,
    };
    let planned = plan(&input, &options, &|_| {}).map_err(|e| e.to_string())?;
    let mut by_order: HashMap<String, (f64, Vec<Acquisition>)> = HashMap::new();
    for outcome in &planned.requests {
        by_order.insert(outcome.id.clone(), (outcome.covered_fraction, Vec::new()));
    }
    for a in planned.acquisitions {
        if let Some(entry) = by_order.get_mut(&a.request) {
            entry.1.push(a);
        }
    }
    for o in incumbents {
        let now = by_order.get(&o.id).map_or(0.0, |e| e.0);
        if now + COVERAGE_TOLERANCE < o.coverage_fraction {
            return Ok(Decision::Rejected(
                "conflict",
                format!(
                    "it would take acquisition time from order {} (coverage {:.3} → {:.3}); \
                     choose another window or satellite",
                    o.id, o.coverage_fraction, now
                ),
            ));
        }
    }
    let candidates = planned
        .requests
        .iter()
        .find(|r| r.id == new.id)
        .map_or(0, |r| r.candidates);
    match by_order.get(&new.id) {
        Some((covered, _)) if *covered > 0.0 => Ok(Decision::Scheduled(by_order)),
        _ if candidates == 0 => Ok(Decision::Rejected(
            "no_opportunity",
            format!(
                "{} has no pass over the area within the sensor's roll, incidence and sun limits in {}",
                sat.id,
                new.interval.to_text()
            ),
        )),
        _ => Ok(Decision::Rejected(
            "no_capacity",
            format!(
                "{} candidate acquisitions exist, but none fits beside the scheduled orders \
                 (agility, memory or downlink)",
                candidates
            ),
        )),
    }
}

fn min_time(a: UtcTime, b: UtcTime) -> UtcTime {
    if b < a { b } else { a }
}

fn max_time(a: UtcTime, b: UtcTime) -> UtcTime {
    if b > a { b } else { a }
}

/// Whether two intervals come within `margin_s` of each other.
pub(crate) fn near(a: Interval, b: Interval, margin_s: f64) -> bool {
    a.start.seconds_since(b.end) <= margin_s && b.start.seconds_since(a.end) <= margin_s
}
