//! The cancellable many-pair pass search: same passes as the plain one,
//! progress per pair, and a prompt stop when the callback breaks.

use std::ops::ControlFlow;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use silkway_orbit::passes::{
    PassOptions, find_passes_many, find_passes_many_cancellable, sort_by_aos,
};
use silkway_orbit::scenario::scenario_element_sets;
use silkway_orbit::station::GroundStation;
use silkway_orbit::{OrbitError, Satellite, UtcTime};

fn caspian_satellites() -> Vec<Satellite> {
    let sc = silkway_model::builtin::load("caspian").unwrap();
    let (sets, _) = scenario_element_sets(&sc, "caspian").unwrap();
    sets.into_iter()
        .map(|s| Satellite::new(s.elements).unwrap())
        .collect()
}

#[test]
fn same_passes_and_progress_per_pair() {
    let sats = caspian_satellites();
    let stations = vec![
        GroundStation::new("Baku", 40.41, 49.87, 0.0).unwrap(),
        GroundStation::new("Astana", 51.17, 71.45, 350.0).unwrap(),
    ];
    let t0 = UtcTime::parse_rfc3339("2026-05-31T00:00:00Z").unwrap();
    let t1 = t0.plus_seconds(2.0 * 86_400.0);
    let opts = PassOptions::default();
    let plain = find_passes_many(&sats, &stations, t0, t1, &opts, &|| {});
    let seen = Mutex::new(Vec::new());
    let counted = find_passes_many_cancellable(&sats, &stations, t0, t1, &opts, &|d, n| {
        seen.lock().unwrap().push((d, n));
        ControlFlow::Continue(())
    })
    .unwrap();
    let flat = |r: &[silkway_orbit::passes::PairResult]| {
        let mut all: Vec<_> = r.iter().flat_map(|p| p.passes.clone().unwrap()).collect();
        sort_by_aos(&mut all);
        all
    };
    assert_eq!(flat(&plain), flat(&counted));
    let seen = seen.into_inner().unwrap();
    let total = sats.len() * stations.len();
    assert!(seen.iter().all(|&(_, n)| n == total));
    assert_eq!(seen.iter().map(|&(d, _)| d).max(), Some(total));
}

#[test]
fn breaking_stops_even_inside_a_long_pair() {
    let sats = caspian_satellites();
    let stations = vec![GroundStation::new("Baku", 40.41, 49.87, 0.0).unwrap()];
    let t0 = UtcTime::parse_rfc3339("2026-05-31T00:00:00Z").unwrap();
    // Ten years: the first check inside a pair comes long before its end.
    let t1 = t0.plus_seconds(3650.0 * 86_400.0);
    let calls = AtomicUsize::new(0);
    let r = find_passes_many_cancellable(
        &sats,
        &stations,
        t0,
        t1,
        &PassOptions::default(),
        &|_, _| {
            calls.fetch_add(1, Ordering::Relaxed);
            ControlFlow::Break(())
        },
    );
    assert!(matches!(r, Err(OrbitError::Cancelled)));
    // Each worker thread gives up at its first check, inside its first pair
    // (a ten-year pair would otherwise run on).
    assert!(calls.load(Ordering::Relaxed) <= 2 * rayon::current_num_threads());
}
