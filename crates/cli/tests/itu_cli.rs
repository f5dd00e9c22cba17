//! CLI contract of `silkway itu` and `silkway data` (issue 4).

use std::process::Command;

fn silkway(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

fn maps_installed() -> bool {
    let out = silkway(&["data", "status", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("status JSON");
    let ok = v["installed"].as_bool().unwrap_or(false);
    assert!(
        ok,
        "ITU-R maps are not installed: run `silkway data install itu-maps --from-pypi` (scripts/test.sh does it)"
    );
    ok
}

#[test]
fn p618_json_contract() {
    maps_installed();
    let out = silkway(&[
        "itu",
        "p618",
        "--lat",
        "40.41",
        "--lon",
        "49.87",
        "--f-ghz",
        "12",
        "--el-deg",
        "43.1",
        "--d-m",
        "1.2",
        "--eta",
        "0.65",
        "--tau-deg",
        "45",
        "--p-pct",
        "0.01",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in [
        "a_gas_db",
        "a_cloud_db",
        "a_rain_db",
        "a_scint_db",
        "a_total_db",
        "hs_km",
    ] {
        assert!(v[k].is_f64(), "missing {k} in {v}");
    }
    let total = v["a_total_db"].as_f64().unwrap();
    assert!((total - 4.22).abs() < 0.01, "{total}");
    // with an explicit height and a negative longitude
    let out = silkway(&[
        "itu",
        "p618",
        "--lat",
        "51.5",
        "--lon",
        "-0.14",
        "--hs-km",
        "0.031382984",
        "--f-ghz",
        "14.25",
        "--el-deg",
        "31.07699124",
        "--d-m",
        "1",
        "--eta",
        "0.65",
        "--tau-deg",
        "0",
        "--p-pct",
        "1",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // ValEx P.618-13 A_total, London, 14.25 GHz, p = 1 %
    assert!(
        (v["a_total_db"].as_f64().unwrap() - 1.212790721).abs() < 0.01,
        "{v}"
    );
}

#[test]
fn one_command_per_model() {
    maps_installed();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "itu", "p837", "--lat", "3.133", "--lon", "101.7", "--p-pct", "0.01",
            ],
            "r001_mm_h",
        ),
        (
            &[
                "itu",
                "p838",
                "--f-ghz",
                "14.25",
                "--el-deg",
                "31",
                "--tau-deg",
                "0",
                "--r-mm-h",
                "26",
            ],
            "gamma_r_db_km",
        ),
        (
            &["itu", "p839", "--lat", "3.133", "--lon", "101.7"],
            "hr_km",
        ),
        (
            &[
                "itu", "p840", "--lat", "51.5", "--lon", "-0.14", "--p-pct", "1", "--f-ghz",
                "14.25", "--el-deg", "31",
            ],
            "a_cloud_db",
        ),
        (&["itu", "p453", "--lat", "51.5", "--lon", "-0.14"], "n_wet"),
        (
            &["itu", "p676", "--f-ghz", "22.235", "--el-deg", "30"],
            "a_gas_slant_db",
        ),
        (
            &["itu", "p1511", "--lat", "40.41", "--lon", "49.87"],
            "hs_km",
        ),
        (
            &[
                "itu", "p836", "--lat", "40.41", "--lon", "49.87", "--p-pct", "1",
            ],
            "v_t_kg_m2",
        ),
        (&["itu", "p1510", "--lat", "40.41", "--lon", "49.87"], "t_k"),
    ];
    for (args, key) in cases {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        let out = silkway(&a);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v[*key].is_f64(), "{args:?}: no {key} in {v}");
    }
}

#[test]
fn bad_input_is_a_clear_error_not_a_panic() {
    for args in [
        &[
            "itu", "p618", "--lat", "95", "--lon", "0", "--f-ghz", "12", "--el-deg", "40", "--d-m",
            "1", "--p-pct", "1",
        ][..],
        &[
            "itu", "p618", "--lat", "40", "--lon", "0", "--f-ghz", "nan", "--el-deg", "40",
            "--d-m", "1", "--p-pct", "1",
        ],
        &[
            "itu", "p618", "--lat", "40", "--lon", "0", "--f-ghz", "12", "--el-deg", "40", "--d-m",
            "1", "--p-pct", "90",
        ],
        &["itu", "p838", "--f-ghz", "0.1"],
        &[
            "itu", "p840", "--lat", "40", "--lon", "0", "--p-pct", "0.01",
        ],
        &["itu", "p676", "--f-ghz", "12", "--rho-g-m3", "-1"],
    ] {
        let out = silkway(args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("invalid"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn missing_maps_name_the_install_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(["itu", "p839", "--lat", "1", "--lon", "2"])
        .env("SILKWAY_DATA", "/nonexistent/silkway-test-data")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("silkway data install itu-maps"), "{err}");
}

#[test]
fn data_install_from_bad_folder_fails_clearly() {
    let out = silkway(&[
        "data",
        "install",
        "itu-maps",
        "--from",
        "/nonexistent/folder",
        "--dir",
        "/tmp/silkway-test-never",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither"));
}
