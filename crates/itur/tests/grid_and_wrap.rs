//! The parallel grid API and longitude wrap-around on the real maps.

mod common;

use common::maps;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};

use silkway_itur::grid::{
    GridLink, linspace, total_attenuation_grid, total_attenuation_grid_cancellable,
    total_attenuation_grid_serial,
};
use silkway_itur::{p837, p839, p1511};

/// Ku band toward Azerspace-1 (46°E), 1.2 m, 0.01 % of the year.
fn baku_ku_link() -> GridLink {
    GridLink {
        sat_lon_deg: 46.0,
        freq_ghz: 12.0,
        p_pct: 0.01,
        d_m: 1.2,
        eta: 0.65,
        tau_deg: 45.0,
    }
}

#[test]
fn parallel_grid_equals_serial_and_is_row_major() {
    let link = baku_ku_link();
    let lats = linspace(36.0, 48.0, 7);
    let lons = linspace(44.0, 60.0, 5);
    let par = total_attenuation_grid(maps(), &link, &lats, &lons).unwrap();
    let ser = total_attenuation_grid_serial(maps(), &link, &lats, &lons).unwrap();
    assert_eq!(par, ser);
    assert_eq!(par.len(), 35);
    assert_eq!((par[1].lat_deg, par[1].lon_deg), (36.0, 48.0));
    assert_eq!((par[34].lat_deg, par[34].lon_deg), (48.0, 60.0));
    assert!(
        par.iter()
            .all(|p| p.attenuation.is_some_and(|a| a.a_total_db > 0.0))
    );
    // a satellite on the other side of the Earth: no attenuation computed
    let far = GridLink {
        sat_lon_deg: -134.0,
        ..link
    };
    let g = total_attenuation_grid(maps(), &far, &[40.0], &[50.0]).unwrap();
    assert!(g[0].elevation_deg < 0.0 && g[0].attenuation.is_none());
}

#[test]
fn cancellable_grid_reports_rows_and_stops() {
    let link = baku_ku_link();
    let lats = linspace(36.0, 48.0, 40);
    let lons = linspace(44.0, 60.0, 3);
    let calls = AtomicUsize::new(0);
    let all = total_attenuation_grid_cancellable(maps(), &link, &lats, &lons, &|done, total| {
        assert!(done <= total && total == 40);
        calls.fetch_add(1, Ordering::Relaxed);
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(calls.load(Ordering::Relaxed), 40);
    assert_eq!(
        all,
        total_attenuation_grid(maps(), &link, &lats, &lons).unwrap()
    );
    let calls = AtomicUsize::new(0);
    let stopped = total_attenuation_grid_cancellable(maps(), &link, &lats, &lons, &|_, _| {
        calls.fetch_add(1, Ordering::Relaxed);
        ControlFlow::Break(())
    });
    assert!(matches!(stopped, Err(silkway_itur::Error::Cancelled)));
    // At most one row per worker thread was under way when the first broke.
    assert!(calls.load(Ordering::Relaxed) <= rayon::current_num_threads());
}

#[test]
fn longitude_wraps_across_the_seams() {
    for (a, b) in [
        (359.99, -0.01),
        (180.01, -179.99),
        (10.0, 370.0),
        (-190.0, 170.0),
    ] {
        for lat in [-33.0, 0.5, 51.5] {
            let h = |lon| p1511::topographic_height_km(maps(), lat, lon).unwrap();
            assert!((h(a) - h(b)).abs() < 1e-9, "P.1511 at {lat}, {a} vs {b}");
            let r = |lon| p837::r001_mm_h(maps(), lat, lon).unwrap();
            assert!((r(a) - r(b)).abs() < 1e-9, "P.837 at {lat}, {a} vs {b}");
            let hr = |lon| p839::rain_height_km(maps(), lat, lon).unwrap();
            assert!((hr(a) - hr(b)).abs() < 1e-9, "P.839 at {lat}, {a} vs {b}");
        }
    }
    // poles are finite
    assert!(
        p1511::topographic_height_km(maps(), 90.0, 12.0)
            .unwrap()
            .is_finite()
    );
    assert!(p837::r001_mm_h(maps(), -90.0, 12.0).unwrap().is_finite());
}
