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
    // Both earth stations at δ = 3°, D/λ ≥ 100 and 3° > φr (≈0.9°), App. 8
    // pattern (A = 32, BR APERR_001V01): g = 32 − 25 log 3 = 32 − 11.9280 = 20.0720 dBi.
    close(r.interfering_es_gain_dbi, 20.0720, 1e-3);
    close(r.wanted_es_gain_dbi, 20.0720, 1e-3);
    // App. 8 Annex 1 §2.2.1: ΔTs = p'e g'4(δu) g1 / (k lu):
    // −60 + 20.0720 + 30 + 228.5992 − 199.6065 = 19.0647 dBK = 80.624 K.
    close(r.delta_ts_k, 80.624, 1e-2);
    // ΔTe = p's g'3 g2(δd) / (k ld): −66 + 32 + 20.0720 + 228.5992 − 196.0847 = 18.5865 dBK = 72.218 K.
    close(r.delta_te_k, 72.218, 1e-2);
    // ΔTs/Ts = 80.624/500 = 16.12 %; ΔTe/Te = 72.218/120 = 60.18 %.
    close(r.delta_ts_over_ts_pct, 16.125, 1e-2);
    close(r.delta_te_over_te_pct, 60.182, 1e-2);
    // γ = 10^(−0.6) = 0.251189; T = Te + γ Ts = 120 + 0.251189·500 = 245.594 K;
    // ΔT = ΔTe + γ ΔTs = 72.218 + 0.251189·80.624 = 92.470 K; ΔT/T = 37.65 % > 6 %.
    close(r.t_link_k, 245.594, 1e-2);
    close(r.delta_t_k, 92.470, 1e-2);
    close(r.delta_t_over_t_pct, 37.652, 1e-2);
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

#[test]
fn ten_db_less_power_is_a_tenth_of_the_noise_and_below_6_percent() {
    // ΔTs and ΔTe are linear in p'e and p's: 10 dB less on both gives
    // exactly a tenth of ΔT/T: 3.765 % — under the App. 8 threshold of 6 %.
    let text = format!(
        "{EXAMPLE}\n[geometry]\nuplink_separation_deg = 3.0\ndownlink_separation_deg = 3.0\n\
         uplink_range_km = 38000.0\ndownlink_range_km = 38000.0\n"
    )
    .replace(
        "earth_station_power_density_dbw_hz = -60.0",
        "earth_station_power_density_dbw_hz = -70.0",
    )
    .replace(
        "satellite_power_density_dbw_hz = -66.0",
        "satellite_power_density_dbw_hz = -76.0",
    );
    let r = DttInput::from_toml(&text, "<test>")
        .unwrap()
        .evaluate()
        .unwrap();
    close(r.delta_t_over_t_pct, 3.7652, 1e-3);
    close(r.threshold_pct, 6.0, 0.0);
    assert!(!r.coordination_required);
}
