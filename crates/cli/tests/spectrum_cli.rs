//! `silkway spectrum ...` end to end.

use std::process::{Command, Output};

fn silkway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

const SPECTRUM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spectrum/examples/");

#[test]
fn interference_on_the_builtin_scenario() {
    let v = json(&silkway(&[
        "spectrum",
        "interference",
        "--scenario",
        "caspian",
        "--victim",
        "az-lankaran-rx",
        "--wanted",
        "az-astara-lankaran-tx",
        "--format",
        "json",
    ]));
    let r = &v[0];
    assert_eq!(r["interferers"][0]["assignment"], "ir-astara-rasht-tx");
    let i_n = r["aggregate_i_over_n_db"].as_f64().unwrap();
    assert!((i_n - 20.107).abs() < 0.01, "{i_n}"); // hand-worked in crates/spectrum/tests/caspian_interference.rs
    assert!((r["c_over_i_db"].as_f64().unwrap() - 53.336).abs() < 0.02);
    // Table output names the interferer.
    let t = silkway(&["spectrum", "interference", "--format", "table"]);
    assert!(t.status.success());
    assert!(String::from_utf8_lossy(&t.stdout).contains("ir-astara-rasht-tx"));
}

#[test]
fn unknown_victim_fails_with_a_message() {
    let o = silkway(&["spectrum", "interference", "--victim", "nope"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no assignment nope"));
}

#[test]
fn dtt_from_the_example_file() {
    let file = format!("{SPECTRUM}dtt_example.toml");
    let v = json(&silkway(&["spectrum", "dtt", &file, "--format", "json"]));
    assert_eq!(v["coordination_required"], true);
    assert!(v["delta_t_over_t_pct"].as_f64().unwrap() > 6.0);
}

#[test]
fn montecarlo_is_reproducible_across_thread_counts() {
    let file = format!("{SPECTRUM}montecarlo_border.toml");
    let run = |threads: &str| {
        let mut v = json(&silkway(&[
            "spectrum",
            "montecarlo",
            &file,
            "--events",
            "4000",
            "--batch-size",
            "500",
            "--threads",
            threads,
            "--format",
            "json",
        ]));
        assert!(v["events_per_s"].as_f64().unwrap() > 0.0);
        for k in ["elapsed_s", "events_per_s", "threads"] {
            v.as_object_mut().unwrap().remove(k);
        }
        v
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn pattern_table() {
    let v = json(&silkway(&[
        "spectrum",
        "pattern",
        "--kind",
        "f699",
        "--gain-dbi",
        "53.721",
        "--freq-ghz",
        "10",
        "--angles",
        "10,48",
        "--format",
        "json",
    ]));
    // 20 log(D/λ) = 53.721 − 7.7 → D/λ ≈ 200: 32 − 25 log 10 = 7 dBi; −10 dBi at 48°.
    assert!((v["gains"][0]["gain_dbi"].as_f64().unwrap() - 7.0).abs() < 1e-6);
    assert!((v["gains"][1]["gain_dbi"].as_f64().unwrap() + 10.0).abs() < 1e-6);
}

#[test]
fn border_screen_names_the_other_administration() {
    let v = json(&silkway(&["spectrum", "border", "--format", "json"]));
    assert_eq!(v["border"][0], "AZ");
    let reports = v["reports"].as_array().unwrap();
    let az = reports
        .iter()
        .find(|r| r["assignment"] == "az-astara-lankaran-tx")
        .unwrap();
    assert_eq!(az["coordinate_with"][0], "ir-admin");
    // A fixed trigger far above the fields: nobody to coordinate with.
    let hi = json(&silkway(&[
        "spectrum",
        "border",
        "--trigger-dbuv-m",
        "200",
        "--format",
        "json",
    ]));
    assert!(
        hi["reports"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["coordinate_with"].as_array().unwrap().is_empty())
    );
}

#[test]
fn border_names_the_trigger_rule_and_its_source() {
    let v = json(&silkway(&["spectrum", "border", "--format", "json"]));
    let az = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["assignment"] == "az-astara-lankaran-tx")
        .unwrap()
        .clone();
    assert_eq!(az["trigger_rule"], "fs-7-8ghz");
    assert!(az["trigger_source"].as_str().unwrap().contains("F.758"));
    // A rules file with a typo fails naming the file.
    let dir = std::env::temp_dir().join(format!("silkway-triggers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad_triggers.toml");
    std::fs::write(
        &bad,
        "[[rule]]\nid = \"x\"\nband = [1.0, 2.0]\nsource = \"s\"\n",
    )
    .unwrap();
    let o = silkway(&["spectrum", "border", "--triggers", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad_triggers.toml"), "{err}");
    // A field-strength rule for 7.1–8.5 GHz far above the fields: nobody to coordinate with.
    let hi = dir.join("hi_triggers.toml");
    std::fs::write(
        &hi,
        "[[rule]]\nid = \"bilateral-7ghz\"\nband_mhz = [7125.0, 8500.0]\n\
         field_strength_dbuv_m = 150.0\nsource = \"test agreement\"\n",
    )
    .unwrap();
    let v = json(&silkway(&[
        "spectrum",
        "border",
        "--triggers",
        hi.to_str().unwrap(),
        "--format",
        "json",
    ]));
    for r in v["reports"].as_array().unwrap() {
        assert!(r["coordinate_with"].as_array().unwrap().is_empty(), "{r}");
        if r["freq_mhz"].as_f64().unwrap() > 7000.0 {
            assert_eq!(r["trigger_rule"], "bilateral-7ghz");
            assert_eq!(r["trigger_dbuv_m"], 150.0);
        } else {
            // No rule for 6 GHz in this file: no trigger.
            assert!(r["trigger_dbuv_m"].is_null(), "{r}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn coordination_distance_json_and_geojson() {
    let v = json(&silkway(&[
        "spectrum",
        "coordination-distance",
        "--azimuth-step-deg",
        "45",
        "--format",
        "json",
    ]));
    assert_eq!(v["station"]["id"], "az-baku-uplink-6g");
    let az = v["azimuths"].as_array().unwrap();
    assert_eq!(az.len(), 8);
    let dmin = v["min_distance_km"].as_f64().unwrap();
    // dmin at Baku, 6.175 GHz: 100 + (12.3259 − 6.175)/2 = 103.08 km.
    assert!((dmin - 103.0755).abs() < 1e-3, "{dmin}");
    for a in az {
        assert!(a["distance_km"].as_f64().unwrap() >= dmin);
    }
    let ir = v["countries_reached"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["alpha2"] == "IR")
        .expect("the contour reaches Iran");
    assert_eq!(ir["administrations"][0], "ir-admin");
    let g = json(&silkway(&[
        "spectrum",
        "coordination-distance",
        "--azimuth-step-deg",
        "45",
        "--format",
        "geojson",
    ]));
    assert_eq!(g["type"], "FeatureCollection");
    let ring = g["features"][0]["geometry"]["coordinates"][0]
        .as_array()
        .unwrap();
    assert_eq!(ring.len(), 9);
    assert_eq!(ring[0], ring[8]);
    // A station by hand needs all its fields; a frequency without parameters fails.
    let o = silkway(&[
        "spectrum",
        "coordination-distance",
        "--lat",
        "40",
        "--lon",
        "49",
    ]);
    assert!(!o.status.success());
    let o = silkway(&[
        "spectrum",
        "coordination-distance",
        "--lat",
        "40",
        "--lon",
        "49",
        "--freq-mhz",
        "3800",
        "--gain-dbi",
        "48",
        "--pointing-az-deg",
        "200",
        "--pointing-el-deg",
        "40",
        "--role",
        "receive",
        "--azimuth-step-deg",
        "90",
        "--format",
        "json",
    ]);
    let v = json(&o);
    assert_eq!(v["params_id"], "fss-down-c-vs-fs");
    assert_eq!(v["azimuths"].as_array().unwrap().len(), 4);
    // Pointing from the satellite's longitude: Baku toward 46E is az ≈ 185.9°, el ≈ 43.1°.
    let v = json(&silkway(&[
        "spectrum",
        "coordination-distance",
        "--lat",
        "40.41",
        "--lon",
        "49.87",
        "--freq-mhz",
        "11200",
        "--gain-dbi",
        "46",
        "--sat-lon-deg",
        "46",
        "--role",
        "receive",
        "--azimuth-step-deg",
        "90",
        "--format",
        "json",
    ]));
    let az = v["station"]["pointing_azimuth_deg"].as_f64().unwrap();
    let el = v["station"]["pointing_elevation_deg"].as_f64().unwrap();
    assert!(
        (az - 185.9).abs() < 0.5 && (el - 43.1).abs() < 0.3,
        "{az} {el}"
    );
    assert_eq!(v["params_id"], "fss-down-ku-vs-fs");
}
