//! App. 8 ΔT/T against a case worked by hand.

use silkway_spectrum::dtt::DttInput;

const EXAMPLE: &str = include_str!("../examples/dtt_example.toml");

fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} vs {b}");
}

#[test]
fn hand_worked_case_with_given_geometry() {
    let text = format!(
        "{EXAMPLE}\n[geometry]\nuplink_separation_deg = 3.0\ndownlink_separation_deg = 3.0\n\
         uplink_range_km = 38000.0\ndownlink_range_km = 38000.0\n"
    );
    let r = DttInput::from_toml(&text, "<test>")
        .unwrap()
        .evaluate()
        .unwrap();
    // k = 10 log(1.380649e-23) = −228.5992 dB(W/K/Hz).
    // lu = 20 log(4π · 38e6 m / (0.299792458/6 m)) = 199.6065 dB;
    // ld = 20 log(4π · 38e6 / (0.299792458/4)) = 196.0847 dB.
    close(r.uplink_loss_db, 199.6065, 1e-3);
    close(r.downlink_loss_db, 196.0847, 1e-3);
    // Both earth stations at δ = 3°, D/λ ≥ 100 and 3° > φr (≈0.9°), App. 8 A = 29:
    // g = 29 − 25 log 3 = 29 − 11.9280 = 17.0720 dBi.
    close(r.interfering_es_gain_dbi, 17.0720, 1e-3);
    close(r.wanted_es_gain_dbi, 17.0720, 1e-3);
    // ΔTs = −60 + 17.0720 + 30 + 228.5992 − 199.6065 = 16.0647 dBK = 40.408 K.
    close(r.delta_ts_k, 40.408, 1e-2);
    // ΔTe = −66 + 32 + 17.0720 + 228.5992 − 196.0847 = 15.5865 dBK = 36.195 K.
    close(r.delta_te_k, 36.195, 1e-2);
    // ΔTs/Ts = 40.408/500 = 8.08 %; ΔTe/Te = 36.195/120 = 30.16 %.
    close(r.delta_ts_over_ts_pct, 8.082, 1e-2);
    close(r.delta_te_over_te_pct, 30.162, 1e-2);
    // γ = 10^(−0.6) = 0.251189; T = 120 + 0.251189·500 = 245.594 K;
    // ΔT = 36.195 + 0.251189·40.408 = 46.345 K; ΔT/T = 18.87 % > 6 %.
    close(r.t_link_k, 245.594, 1e-2);
    close(r.delta_t_k, 46.345, 1e-2);
    close(r.delta_t_over_t_pct, 18.871, 1e-2);
    assert!(r.coordination_required);
    close(r.orbital_separation_deg, 3.0, 1e-12);
}

#[test]
fn computed_geometry_is_close_to_the_given_one() {
    let r = DttInput::from_toml(EXAMPLE, "<example>")
        .unwrap()
        .evaluate()
        .unwrap();
    // 3° geocentric seen from ~40N, ~3–4° east of the satellites: topocentric
    // separation a little over 3° (at most 3·42164.2/35786 ≈ 3.53°), ranges
    // between 35 786 km and 41 679 km.
    assert!(
        r.uplink_separation_deg > 3.0 && r.uplink_separation_deg < 3.6,
        "{r:?}"
    );
    assert!(
        r.downlink_separation_deg > 3.0 && r.downlink_separation_deg < 3.6,
        "{r:?}"
    );
    assert!(
        r.uplink_range_km > 35_786.0 && r.uplink_range_km < 41_679.0,
        "{r:?}"
    );
    assert!(r.delta_t_over_t_pct > 6.0);
}

#[test]
fn bad_inputs_are_typed_errors() {
    let bad = EXAMPLE.replace(
        "satellite_noise_temp_k = 500.0",
        "satellite_noise_temp_k = -5.0",
    );
    assert!(DttInput::from_toml(&bad, "x").unwrap().evaluate().is_err());
    let typo = EXAMPLE.replace("uplink_freq_ghz", "uplink_freq_mhz");
    let err = DttInput::from_toml(&typo, "x.toml").unwrap_err();
    assert!(err.to_string().contains("x.toml"), "{err}");
}
