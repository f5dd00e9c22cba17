//! Monte Carlo: reproducible whatever the thread count, and right on a case
//! with a closed-form answer.

use silkway_spectrum::FreeSpace;
use silkway_spectrum::montecarlo::McConfig;

const EXAMPLE: &str = include_str!("../examples/montecarlo_border.toml");

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn same_seed_same_result_on_1_and_2_threads() {
    let mut cfg = McConfig::from_toml(EXAMPLE, "<example>").unwrap();
    cfg.events = 20_000;
    cfg.batch_size = 2_000;
    let a = in_pool(1, || cfg.run(&FreeSpace)).unwrap();
    let b = in_pool(2, || cfg.run(&FreeSpace)).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.convergence.len(), 10);
    // A different seed gives a different sample.
    cfg.seed = 2;
    let c = in_pool(2, || cfg.run(&FreeSpace)).unwrap();
    assert_ne!(a.mean_i_over_n_db, c.mean_i_over_n_db);
    // ~6 active interferers per event (20 × 0.3).
    assert!((a.mean_active - 6.0).abs() < 0.1, "{}", a.mean_active);
}

#[test]
fn isotropic_single_interferer_matches_the_cap_area_ratio() {
    // One isotropic 0 dBW interferer uniform over a 1000 km cap around an
    // isotropic victim (both at 0 m), 1000 MHz, N = k·290 K·1 MHz = −143.975 dBW,
    // threshold I/N > 0 dB ⟺ free-space loss < 143.975 dB
    // ⟺ 20 log d_km < 143.975 − 32.448 − 60 = 51.527 ⟺ chord d < 10^2.57635 = 377.0 km.
    // P(active) = 0.5; P(inside) = (1 − cos γ*)/(1 − cos γmax), γ = central angle.
    let text = r#"
        threshold_i_over_n_db = 0.0
        events = 100000
        seed = 7
        batch_size = 5000
        [victim]
        lat_deg = 40.0
        lon_deg = 50.0
        pattern = { kind = "isotropic" }
        azimuth_deg = 0.0
        freq_mhz = 1000.0
        bandwidth_khz = 1000.0
        noise_temp_k = 290.0
        [interferers]
        region = { shape = "disc", center_lat_deg = 40.0, center_lon_deg = 50.0, radius_km = 1000.0 }
        count = 1
        activity = 0.5
        eirp_dbw = 0.0
        pattern = { kind = "isotropic" }
        height_m = 0.0
        freq_mhz = 1000.0
        bandwidth_khz = 1000.0
    "#;
    let cfg = McConfig::from_toml(text, "<test>").unwrap();
    let r = cfg.run(&FreeSpace).unwrap();
    let re = silkway_spectrum::geometry::MEAN_EARTH_RADIUS_KM;
    let n_dbw = 10.0 * (1.380_649e-23_f64 * 290.0 * 1e6).log10();
    let lambda_m = 299_792_458.0 / 1e9;
    let d_star_km = lambda_m / (4.0 * std::f64::consts::PI) * 10f64.powf(-n_dbw / 20.0) / 1e3;
    assert!((d_star_km - 377.0).abs() < 0.1, "{d_star_km}");
    let g_star = 2.0 * (d_star_km / (2.0 * re)).asin();
    let g_max = 1000.0 / re;
    let expected = 0.5 * (1.0 - g_star.cos()) / (1.0 - g_max.cos());
    // ≈ 0.5 · 0.14244 = 0.0712.
    assert!((expected - 0.0712).abs() < 1e-4, "{expected}");
    assert!(
        (r.probability - expected).abs() < 4.0 * r.standard_error,
        "{} ± {} vs {expected}",
        r.probability,
        r.standard_error
    );
    // Convergence: the record ends at the final estimate; SE shrinks.
    let last = r.convergence.last().unwrap();
    assert_eq!(last.events, 100_000);
    assert_eq!(last.probability, r.probability);
    assert!(r.convergence[0].standard_error > last.standard_error);
    // Percentiles: I/N > 0 dB for ≈7.1 % of events, so the 90th percentile is
    // below 0 dB and the 95th above; half the events have no interferer (−∞,
    // counted in the lowest bin), so the median is the floor, −79.9 dB.
    let pc = |p: f64| {
        r.percentiles
            .iter()
            .find(|x| x.pct == p)
            .unwrap()
            .i_over_n_db
    };
    assert!(pc(90.0) < 0.0 && pc(95.0) > 0.0, "{:?}", r.percentiles);
    assert!((pc(50.0) + 79.9).abs() < 1e-9, "{:?}", r.percentiles);
}

#[test]
fn invalid_configs_are_errors() {
    let bad = EXAMPLE.replace("activity = 0.3", "activity = 1.3");
    let cfg = McConfig::from_toml(&bad, "x").unwrap();
    assert!(cfg.run(&FreeSpace).is_err());
    let neg = EXAMPLE.replace("diameter_m = 1.2", "diameter_m = -1.2");
    assert!(
        McConfig::from_toml(&neg, "x")
            .unwrap()
            .run(&FreeSpace)
            .is_err()
    );
    let zero = EXAMPLE.replace("events = 200000", "events = 0");
    assert!(
        McConfig::from_toml(&zero, "x")
            .unwrap()
            .run(&FreeSpace)
            .is_err()
    );
}
