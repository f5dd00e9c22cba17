//! `silkway spectrum interference|border --path-loss p452`: the P.452-18
//! model plugs into the interference engine and the border screening.

use std::process::{Command, Output};

fn silkway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn first_loss(v: &serde_json::Value) -> f64 {
    v[0]["interferers"][0]["path_loss_db"]
        .as_f64()
        .unwrap_or_else(|| panic!("no path_loss_db in {v}"))
}

#[test]
fn interference_with_p452_differs_from_free_space() {
    let status = json(&silkway(&["data", "status", "--format", "json"]));
    assert_eq!(
        status["installed"], true,
        "ITU-R maps are not installed: run `silkway data install itu-maps --from-pypi`"
    );
    let fs = json(&silkway(&["spectrum", "interference", "--format", "json"]));
    let p452 = json(&silkway(&[
        "spectrum",
        "interference",
        "--format",
        "json",
        "--path-loss",
        "p452",
        "--dn",
        "45",
        "--n0",
        "330",
    ]));
    assert!(
        p452[0]["path_loss_model"]
            .as_str()
            .unwrap()
            .contains("P.452-18"),
        "{}",
        p452[0]["path_loss_model"]
    );
    // Over terrain, P.452 at p = 20 % never beats free space by more than
    // the focusing/ducting enhancement of a few dB.
    assert!(first_loss(&p452) > first_loss(&fs) - 6.0);
    assert!((first_loss(&p452) - first_loss(&fs)).abs() > 1e-6);
}

#[test]
fn p452_without_dn_n0_is_a_clear_error() {
    let o = silkway(&["spectrum", "border", "--path-loss", "p452"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--dn") && err.contains("--n0"), "{err}");
    let o = silkway(&["spectrum", "border", "--dn", "45", "--n0", "330"]);
    assert!(
        !o.status.success(),
        "--dn without --path-loss p452 must be refused"
    );
}
