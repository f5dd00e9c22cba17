//! CLI contract of `silkway itu p452`: the JSON field names, one ITU
//! validation row end to end, table output, great-circle mode, and clear
//! errors for bad profile files.

use std::process::{Command, Output};

fn silkway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

fn testdata(rel: &str) -> String {
    format!("{}/../itur/testdata/p452/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// The first row of test_result_land_70km.csv (ITU WP 3M example).
fn land_70km_args(profile: &str, format: &str) -> Vec<String> {
    [
        "itu",
        "p452",
        "--profile",
        profile,
        "--f-ghz",
        "2",
        "--p-pct",
        "10",
        "--htg-m",
        "10",
        "--hrg-m",
        "10",
        "--phit-e",
        "0",
        "--phit-n",
        "40.6",
        "--phir-e",
        "0",
        "--phir-n",
        "39.9705",
        "--gt-dbi",
        "10",
        "--gr-dbi",
        "22",
        "--pol",
        "h",
        "--dct-km",
        "500",
        "--dcr-km",
        "500",
        "--press-hpa",
        "1013",
        "--temp-c",
        "15",
        "--dn",
        "46.140044",
        "--n0",
        "331.228199",
        "--format",
        format,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn reference_row() -> Vec<String> {
    let text = std::fs::read_to_string(testdata("results/test_result_land_70km.csv")).unwrap();
    text.lines()
        .nth(1)
        .unwrap()
        .split(',')
        .map(|s| s.trim().to_string())
        .collect()
}

#[test]
fn json_contract_matches_itu_row() {
    let profile = testdata("profiles/test_profile_land_70km.csv");
    let args = land_70km_args(&profile, "json");
    let out = silkway(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = reference_row();
    let r = |i: usize| row[i].parse::<f64>().unwrap();
    // Columns 37.. of the results file: Lb, Lbfsg, Lb0p, Lb0b, Ldsph, Ld50, Ldp, Lbs, Lba.
    for (k, name) in [
        "lb_db", "lbfsg_db", "lb0p_db", "lb0b_db", "ldsph_db", "ld50_db", "ldp_db", "lbs_db",
        "lba_db",
    ]
    .iter()
    .enumerate()
    {
        let ours = v[*name].as_f64().unwrap_or_else(|| panic!("no {name}"));
        assert!(
            (ours - r(37 + k)).abs() < 0.1,
            "{name}: {ours} vs {}",
            r(37 + k)
        );
    }
    assert_eq!(v["path"], "Trans-Horizon");
    for f in [
        "ae_km",
        "theta_mrad",
        "hte_m",
        "hstd_m",
        "dlt_km",
        "b0_pct",
        "omega",
        "dn",
        "n0",
    ] {
        assert!(v[f].is_number(), "missing {f}");
    }
}

#[test]
fn table_output_lists_lb() {
    let profile = testdata("profiles/test_profile_land_70km.csv");
    let args = land_70km_args(&profile, "table");
    let out = silkway(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l.starts_with("lb_db ")), "{text}");
}

#[test]
fn bad_profile_names_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("silkway-p452-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "d,h,r,zl,zc\n0,0,0,A2,2\n1,abc,0,A2,2\n2,0,0,A2,2\n3,0,0,A2,2\n",
    )
    .unwrap();
    let args = land_70km_args(bad.to_str().unwrap(), "json");
    let out = silkway(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.csv:3") && err.contains("h (m)") && err.contains("abc"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // Missing --dct-km with --profile is a clear error too.
    let profile = testdata("profiles/test_profile_land_70km.csv");
    let mut args = land_70km_args(&profile, "json");
    let i = args.iter().position(|a| a == "--dct-km").unwrap();
    args.drain(i..i + 2);
    let out = silkway(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--dct-km"));
}

#[test]
fn great_circle_mode_over_the_caspian() {
    let status = silkway(&["data", "status", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert!(
        s["installed"].as_bool() == Some(true),
        "ITU-R maps are not installed: run `silkway data install itu-maps --from-pypi`"
    );
    let out = silkway(&[
        "itu",
        "p452",
        "--great-circle",
        "--from-lat",
        "40.41",
        "--from-lon",
        "49.87",
        "--to-lat",
        "43.65",
        "--to-lon",
        "51.17",
        "--f-ghz",
        "2",
        "--p-pct",
        "1",
        "--htg-m",
        "30",
        "--hrg-m",
        "30",
        "--gt-dbi",
        "20",
        "--gr-dbi",
        "20",
        "--pol",
        "v",
        "--dn",
        "45",
        "--n0",
        "330",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["omega"].as_f64().unwrap() > 0.8, "{v}");
    assert!(v["lb_db"].as_f64().unwrap() > v["lbfsg_db"].as_f64().unwrap());
}
