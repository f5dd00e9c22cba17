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
