//! `silkway capacity ...` end to end: the JSON contract, violations and
//! exit codes, sizing.

use std::process::{Command, Output};

fn silkway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("silkway-capacity-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn plan_json_contract_on_the_builtin_scenario() {
    let out = silkway(&[
        "capacity",
        "plan",
        "--scenario",
        "caspian",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let xps = v["transponders"].as_array().unwrap();
    assert!(xps.len() >= 4);
    for t in xps {
        for key in [
            "id",
            "bandwidth_mhz",
            "bandwidth_used_mhz",
            "power_used_pct",
            "carriers",
        ] {
            assert!(!t[key].is_null(), "{key} missing in {t}");
        }
        for c in t["carriers"].as_array().unwrap() {
            for key in ["id", "owner", "peb_mhz"] {
                assert!(!c[key].is_null(), "{key} missing in {c}");
            }
            assert!(
                c["limited_by"] == "power" || c["limited_by"] == "bandwidth",
                "{c}"
            );
        }
    }
    assert!(xps.iter().any(|t| t["id"] == "kz3-ku-01"));
    assert_eq!(
        v["violations"].as_array().unwrap().len(),
        0,
        "{}",
        v["violations"]
    );
}

const BAD_PLAN: &str = r#"date = "2026-06-01"

[[carriers]]
id = "a"
owner = "azercosmos"
transponder = "az1-ku-02"
centre_mhz = 11520.0
symbol_rate_msps = 10.0
rolloff = 0.2
modcod = "QPSK 3/4"
uplink = { station = "baku-teleport", antenna = "ku-9m" }
downlink = { station = "vsat-tashkent", antenna = "dish" }

[[carriers]]
id = "b"
owner = "supernet"
transponder = "az1-ku-02"
centre_mhz = 11525.0
symbol_rate_msps = 5.0
rolloff = 0.2
modcod = "QPSK 3/4"
uplink = { station = "baku-teleport", antenna = "ku-9m" }
downlink = { station = "supernet-islamabad", antenna = "ku-3.8m" }
"#;

#[test]
fn plan_file_violations_exit_non_zero() {
    // a: 11 514–11 526; b: 11 522–11 528 overlaps a, and lies outside
    // Supernet's lease (11 492–11 510 MHz).
    let path = temp_file("bad-plan.toml", BAD_PLAN);
    let out = silkway(&[
        "capacity",
        "plan",
        "--plan",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(!out.status.success());
    let v = json(&out);
    let kinds: Vec<&str> = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"overlap"), "{kinds:?}");
    assert!(kinds.contains(&"outside_lease"), "{kinds:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("violation"));
    // The table names them too.
    let out = silkway(&["capacity", "plan", "--plan", path.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("[overlap]") && text.contains("[outside_lease]"),
        "{text}"
    );
}

#[test]
fn plan_file_errors_name_the_field() {
    let path = temp_file(
        "typo-plan.toml",
        &BAD_PLAN.replace("centre_mhz = 11520.0", "center_mhz = 11520.0"),
    );
    let out = silkway(&["capacity", "plan", "--plan", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("center_mhz"), "{err}");
    let path = temp_file(
        "ref-plan.toml",
        &BAD_PLAN.replace("owner = \"supernet\"", "owner = \"nobody\""),
    );
    let out = silkway(&["capacity", "plan", "--plan", path.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("carriers[1].owner"), "{err}");
}

#[test]
fn size_ranks_candidates() {
    let req = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../capacity/examples/uz_vsat_kazsat3.toml"
    );
    let out = silkway(&["capacity", "size", "--request", req, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let c = &v["candidates"][0];
    assert_eq!(c["rank"], 1);
    assert_eq!(c["transponder"], "kz3-ku-02");
    assert_eq!(c["fits"], true);
    let out = silkway(&["capacity", "size", "--request", req]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("kz3-ku-02"));
}

#[test]
fn size_without_a_given_fade_uses_p618() {
    // The Uzbek VSAT request with its fixed 2 dB fade removed: the fade at
    // 99.7 % now comes from ITU-R P.618-13 at each terminal site (needs the
    // ITU-R maps, installed by scripts/test.sh).
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../capacity/examples/uz_vsat_kazsat3.toml"
    ))
    .unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("rain_fade_db"))
        .collect::<Vec<_>>()
        .join("\n");
    let req = temp_file("uz_model.toml", &text);
    let out = silkway(&[
        "capacity",
        "size",
        "--request",
        req.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["fade_source"], "model");
    let fade = v["candidates"][0]["downlink_fade_db"]
        .as_f64()
        .expect("fade_db of the worst site");
    // Tashkent-area Ku-band fades at 99.7 % are a fraction of a dB to ~1 dB
    // (dry continental climate): positive, and well below the 2 dB assumed.
    assert!(fade > 0.05 && fade < 2.0, "{fade}");
}
