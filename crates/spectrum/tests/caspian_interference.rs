//! The interference engine on the built-in scenario, checked step by step
//! against a hand calculation (free space, F.699-8 patterns).

use silkway_spectrum::FreeSpace;
use silkway_spectrum::interference::{Options, analyze_all, analyze_victim};

fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} vs {b}");
}

#[test]
fn lankaran_receiver_hand_worked() {
    let s = silkway_model::builtin::load("caspian").unwrap();
    let opts = Options {
        wanted: Some("az-astara-lankaran-tx".into()),
        ..Options::default()
    };
    let r = analyze_victim(&s, "az-lankaran-rx", &FreeSpace, &opts).unwrap();
    // N = 10 log(1.380649e-23 · 750 K · 28e6 Hz) = −125.377 dBW.
    close(r.n_dbw, -125.377, 1e-3);
    // Only Iran's Astara–Rasht transmitter overlaps (7449 vs 7442 MHz, 28 MHz each).
    assert_eq!(r.interferers.len(), 1, "{r:#?}");
    let c = &r.interferers[0];
    assert_eq!(c.assignment, "ir-astara-rasht-tx");
    // Astara (IR) 38.40N 48.87E → Lankaran 38.75N 48.85E: haversine 38.957 km,
    // bearing 357.45°; the reverse bearing 177.44°.
    close(c.distance_km, 38.957, 1e-3);
    close(c.bearing_to_victim_deg, 357.448, 1e-3);
    // Elevation over the sphere at equal heights: −(38.957/6371.0088)/2 rad = −0.1752°.
    // Off-axis at the interferer (pointing 153.2°, 0°): 357.45 − 153.2 → 155.75°.
    close(c.tx_off_axis_deg, 155.751, 1e-2);
    // Interferer 1.8 m, η 0.55 at 7449 MHz: D/λ = 1.8/(0.299792458/7.449) = 44.725,
    // Gmax = 10 log(0.55 (π·44.725)²) = 40.358 dBi; D/λ ≤ 100 so beyond 48°
    // F.699: 10 − 10 log 44.725 = −6.505 dBi.
    close(c.tx_gain_dbi, -6.505, 1e-3);
    // EIRP toward the victim: 50 + (−6.505 − 40.358) = 3.137 dBW.
    close(c.eirp_toward_victim_dbw, 3.137, 1e-2);
    // Victim pointing 178.5° (toward Astara AZ), direction to the interferer
    // 177.44°, elevation −0.175°: off-axis 1.0785°. Victim D/λ = 44.683
    // (7442 MHz), Gmax 40.349; G1 = 2 + 15 log 44.683 = 26.752;
    // φm = 20/44.683·√(40.349 − 26.752) = 1.650° > 1.0785°: main lobe,
    // 40.349 − 2.5e-3·(44.683·1.0785)² = 40.349 − 5.806 = 34.544 dBi.
    close(c.rx_off_axis_deg, 1.0785, 1e-3);
    close(c.rx_gain_dbi, 34.544, 1e-3);
    // Free space over the chord (38.957 km) at 7449 MHz:
    // 32.4478 + 20 log 7449 + 20 log 38.957 = 32.4478 + 77.4420 + 31.8117 = 141.7015 dB.
    close(c.path_loss_db, 141.7015, 1e-3);
    // Overlap: [7428, 7456] ∩ [7435, 7463] = 21 MHz of 28 → 0.75 → −1.2494 dB.
    close(c.overlap_fraction, 0.75, 1e-12);
    // I = 3.137 + 34.544 − 141.7015 − 1.2494 = −105.270 dBW; I/N = +20.107 dB:
    // the receiver looks almost straight at the Iranian transmitter.
    close(c.i_dbw, -105.270, 1e-2);
    close(c.i_over_n_db, 20.107, 1e-2);
    close(r.aggregate_i_dbw, c.i_dbw, 1e-9);
    // Wanted: Astara (AZ) → Lankaran, 32.258 km; azimuths 358.5° and 178.5°
    // vs bearings 358.46° and 178.45° and elevation −0.145°: both antennas
    // ≈0.15° off the path, main lobe: 40.349 − 2.5e-3·(44.683·0.1506)² = 40.236.
    // C = 48 + (40.236 − 40.349) + 40.234 − 140.054 = −51.934 dBW.
    close(r.c_dbw.unwrap(), -51.934, 1e-2);
    // C/I = −51.934 + 105.270 = 53.336 dB; C/N = −51.934 + 125.377 = 73.443 dB;
    // C/(N+I) = −51.934 − 10 log(10^−12.5377 + 10^−10.5270) = 53.294 dB.
    close(r.c_over_i_db.unwrap(), 53.336, 2e-2);
    close(r.c_over_n_db.unwrap(), 73.443, 2e-2);
    close(r.c_over_n_plus_i_db.unwrap(), 53.294, 1e-2);
}

#[test]
fn every_receiver_and_errors() {
    let s = silkway_model::builtin::load("caspian").unwrap();
    let all = analyze_all(&s, &FreeSpace, &Options::default()).unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|r| r.aggregate_i_over_n_db.is_finite()));
    // Transmit assignment as victim; unknown id; bad time percentage.
    assert!(analyze_victim(&s, "ir-astara-rasht-tx", &FreeSpace, &Options::default()).is_err());
    assert!(analyze_victim(&s, "nope", &FreeSpace, &Options::default()).is_err());
    let bad = Options {
        p_pct: f64::NAN,
        ..Options::default()
    };
    assert!(analyze_victim(&s, "ir-rasht-rx", &FreeSpace, &bad).is_err());
}
