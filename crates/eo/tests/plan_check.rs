//! The planner's plans pass the independent checker, and the checker
//! rejects hand-made infeasible plans.

use std::time::Duration;

use silkway_eo::checker::check_plan;
use silkway_eo::contacts::{DownlinkStation, stations_from_scenario};
use silkway_eo::fleet::{EoSatellite, from_scenario};
use silkway_eo::plan::{PlanInput, PlanOptions, plan};
use silkway_eo::tasking::{ParsedRequest, Plan, parse_requests};
use silkway_orbit::UtcTime;

const DAY: &str = include_str!("../testdata/requests/caspian_day.json");

fn setup() -> (Vec<EoSatellite>, Vec<DownlinkStation>) {
    let sc = silkway_model::builtin::load("caspian").unwrap();
    let sats = from_scenario(&sc, &["spot-6".into(), "kazeosat-1".into()]).unwrap();
    let stations =
        stations_from_scenario(&sc, &["azercosmos-gcs".into(), "kz-astana-eo".into()]).unwrap();
    (sats, stations)
}

fn horizon() -> (UtcTime, UtcTime) {
    let s = UtcTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap();
    (s, s.plus_seconds(86_400.0))
}

fn run(
    requests: &[ParsedRequest],
    opts: &PlanOptions,
) -> (Plan, Vec<EoSatellite>, Vec<DownlinkStation>) {
    let (sats, stations) = setup();
    let (start, end) = horizon();
    let input = PlanInput {
        requests,
        satellites: &sats,
        stations: &stations,
        start,
        end,
    };
    let p = plan(&input, opts, &|_| {}).unwrap();
    (p, sats, stations)
}

fn day() -> Vec<ParsedRequest> {
    parse_requests(DAY, "caspian_day.json").unwrap()
}

fn opts(iterations: u64) -> PlanOptions {
    PlanOptions {
        time_limit: Duration::from_secs(60),
        max_iterations: iterations,
        ..Default::default()
    }
}

#[test]
fn realistic_day_is_feasible_and_reproducible() {
    let requests = day();
    assert_eq!(requests.len(), 200);
    let (a, sats, stations) = run(&requests, &opts(400));
    let report = check_plan(&a, &requests, &sats, &stations, false);
    assert!(report.is_valid(), "{:?}", report.violations);
    assert!(
        a.value > 50.0 && a.acquisitions.len() > 20,
        "value {}",
        a.value
    );
    assert!(report.measured_value >= a.value - 0.05 * a.max_value);
    assert!(!a.downlinks.is_empty());
    let (b, _, _) = run(&requests, &opts(400));
    assert_eq!(a.value, b.value);
    assert_eq!(a.acquisitions.len(), b.acquisitions.len());
}

#[test]
fn exact_search_proves_small_instances_and_bounds_the_lns() {
    let requests: Vec<ParsedRequest> = day()
        .into_iter()
        .filter(|r| r.request.id.as_str() < "r030")
        .collect();
    let (exact, sats, stations) = run(
        &requests,
        &PlanOptions {
            exact_max_candidates: 200,
            ..opts(200)
        },
    );
    assert!(exact.solver.method == "exact" || exact.solver.method.starts_with("greedy"));
    assert!(exact.solver.proven_optimal, "{:?}", exact.solver);
    assert!(check_plan(&exact, &requests, &sats, &stations, false).is_valid());
    let (lns, _, _) = run(
        &requests,
        &PlanOptions {
            exact_max_candidates: 0,
            ..opts(200)
        },
    );
    assert_ne!(lns.solver.method, "exact");
    assert!(
        lns.value <= exact.value + 1e-9,
        "lns {} > exact {}",
        lns.value,
        exact.value
    );
    assert!(exact.value > 0.0);
}

fn violations(
    p: &Plan,
    requests: &[ParsedRequest],
    sats: &[EoSatellite],
    st: &[DownlinkStation],
) -> Vec<String> {
    check_plan(p, requests, sats, st, false).violations
}

#[test]
fn checker_rejects_hand_made_infeasible_plans() {
    let requests = day();
    let (good, sats, st) = run(&requests, &opts(100));
    assert!(violations(&good, &requests, &sats, &st).is_empty());
    let has = |v: Vec<String>, what: &str| {
        assert!(
            v.iter().any(|m| m.contains(what)),
            "expected {what:?} in {v:?}"
        );
    };
    // Two acquisitions of one satellite without time to slew.
    let mut p = good.clone();
    let (a0, a1) = (p.acquisitions[0].clone(), p.acquisitions[1].clone());
    assert_eq!(a0.satellite, a1.satellite);
    let shift = a1.start.seconds_since(a0.start) - 0.5;
    for a in &mut p.acquisitions[1..2] {
        a.start = a.start.plus_seconds(-shift);
        a.end = a.end.plus_seconds(-shift);
    }
    has(violations(&p, &requests, &sats, &st), "slew");
    // Roll beyond the limit.
    let mut p = good.clone();
    p.acquisitions[0].roll_deg = 31.0;
    has(violations(&p, &requests, &sats, &st), "roll 31.000° beyond");
    // Data never sent.
    let mut p = good.clone();
    let gone = p.downlinks.remove(0);
    has(
        violations(&p, &requests, &sats, &st),
        &format!("acquisition {}:", gone.acquisition),
    );
    // Sent while the satellite is below the station's mask.
    let mut p = good.clone();
    let d = &mut p.downlinks[0];
    let dur = d.end.seconds_since(d.start);
    d.start = d.start.plus_seconds(-3000.0);
    d.end = d.start.plus_seconds(dur);
    has(violations(&p, &requests, &sats, &st), "below the mask");
    // Sent before it was acquired.
    let mut p = good.clone();
    let acq = p
        .acquisitions
        .iter()
        .find(|a| a.id == p.downlinks[0].acquisition)
        .unwrap()
        .clone();
    p.downlinks[0].start = acq.start;
    has(
        violations(&p, &requests, &sats, &st),
        "before the acquisition ends",
    );
    // Memory too small.
    let mut small = sats.clone();
    for s in &mut small {
        s.imager.memory_gbit = Some(5.0);
    }
    has(
        check_plan(&good, &requests, &small, &st, false).violations,
        "memory",
    );
    // Coverage claimed for an area nobody imaged.
    let mut p = good.clone();
    let idle = p
        .requests
        .iter_mut()
        .find(|r| r.covered_fraction == 0.0)
        .unwrap();
    idle.covered_fraction = 1.0;
    idle.value = idle.priority;
    p.value = p.requests.iter().map(|r| r.value).sum();
    has(
        violations(&p, &requests, &sats, &st),
        "claims 1.000 of the area",
    );
    // Volume that the imaging rate does not give.
    let mut p = good.clone();
    p.acquisitions[0].volume_gbit *= 0.5;
    has(violations(&p, &requests, &sats, &st), "imaging rate gives");
}

#[test]
fn bad_requests_name_file_line_and_field() {
    let bad = DAY.replacen("\"priority\": 1,", "\"priority\": -1,", 1);
    let e = parse_requests(&bad, "day.json")
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("day.json:") && e.contains("priority") && e.contains("greater than 0"),
        "{e}"
    );
    let line = e.split(':').nth(1).unwrap().parse::<usize>().unwrap();
    assert!(
        bad.lines()
            .nth(line - 1)
            .unwrap()
            .contains("\"priority\": -1"),
        "line {line}: {e}"
    );
    let bad = DAY.replacen("\"mode\": \"mono\"", "\"mode\": \"tri\"", 1);
    let e = parse_requests(&bad, "day.json")
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(e.contains("requests[0].mode"), "{e}");
    let bad = DAY.replacen("\"customer\"", "\"custmer\"", 1);
    let e = parse_requests(&bad, "day.json")
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(e.contains("custmer"), "{e}");
    let bad = DAY.replacen(
        "\"end\": \"2026-06-02T00:00:00Z\"",
        "\"end\": \"2026-05-31T00:00:00Z\"",
        1,
    );
    let e = parse_requests(&bad, "day.json")
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("window.end") && e.contains("after the start"),
        "{e}"
    );
    let e = parse_requests("{\"requests\": [}", "x.json")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.json:1:"), "{e}");
}
