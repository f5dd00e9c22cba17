//! `silkway eo access|plan` end to end on the built-in scenario.

use std::process::{Command, Output};

fn silkway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

const AOI: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../eo/testdata/aoi/caspian_sites.geojson"
);
const REQUESTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../eo/testdata/requests/small.json"
);

#[test]
fn access_geojson_has_aois_and_strip_footprints() {
    let o = silkway(&[
        "eo",
        "access",
        "--scenario",
        "caspian",
        "--aoi",
        AOI,
        "--start",
        "2026-06-01T00:00:00Z",
        "--end",
        "2026-06-02T00:00:00Z",
        "--sat",
        "spot-6",
        "--format",
        "geojson",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let feats = v["features"].as_array().unwrap();
    assert_eq!(
        feats
            .iter()
            .filter(|f| f["properties"]["layer"] == "aoi")
            .count(),
        2
    );
    let strips: Vec<_> = feats
        .iter()
        .filter(|f| f["properties"]["layer"] == "strip")
        .collect();
    assert!(strips.len() >= 3, "{}", strips.len());
    let ring = strips[0]["geometry"]["coordinates"][0].as_array().unwrap();
    assert!(ring.len() >= 10 && ring.first() == ring.last());
}

#[test]
fn plan_json_is_feasible_and_serves_every_request() {
    let o = silkway(&[
        "eo",
        "plan",
        "--scenario",
        "caspian",
        "--requests",
        REQUESTS,
        "--start",
        "2026-06-01T00:00:00Z",
        "--end",
        "2026-06-02T00:00:00Z",
        "--sat",
        "spot-6",
        "--sat",
        "kazeosat-1",
        "--station",
        "azercosmos-gcs",
        "--station",
        "kz-astana-eo",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("accepted by the independent checker"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["value"].as_f64().unwrap() > 10.0, "{}", v["value"]);
    let stereo = v["acquisitions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["stereo"].is_string())
        .count();
    assert_eq!(stereo, 2);
}

#[test]
fn bad_inputs_exit_non_zero_naming_the_field() {
    let dir = std::env::temp_dir().join(format!("silkway-eo-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_aoi = dir.join("bad.geojson");
    std::fs::write(
        &bad_aoi,
        std::fs::read_to_string(AOI)
            .unwrap()
            .replace("[51.17, 43.65]", "[251.17, 43.65]"),
    )
    .unwrap();
    let o = silkway(&[
        "eo",
        "access",
        "--aoi",
        bad_aoi.to_str().unwrap(),
        "--start",
        "2026-06-01T00:00:00Z",
        "--end",
        "2026-06-02T00:00:00Z",
    ]);
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("bad.geojson:5: features[1].geometry.coordinates"),
        "{e}"
    );
    let bad_req = dir.join("bad.json");
    std::fs::write(
        &bad_req,
        std::fs::read_to_string(REQUESTS)
            .unwrap()
            .replace("\"priority\": 5", "\"priority\": \"high\""),
    )
    .unwrap();
    let o = silkway(&[
        "eo",
        "plan",
        "--requests",
        bad_req.to_str().unwrap(),
        "--start",
        "2026-06-01T00:00:00Z",
        "--end",
        "2026-06-02T00:00:00Z",
    ]);
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("bad.json:9: requests[1].priority"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn contacts_carry_volume_and_share_station_time() {
    let o = silkway(&[
        "eo",
        "contacts",
        "--start",
        "2026-06-01T00:00:00Z",
        "--end",
        "2026-06-02T00:00:00Z",
        "--sat",
        "spot-6",
        "--sat",
        "kazeosat-1",
        "--station",
        "azercosmos-gcs",
        "--station",
        "kz-astana-eo",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = v.as_array().unwrap();
    assert!(list.len() >= 10, "{}", list.len());
    for c in list {
        let (d, vol) = (
            c["duration_s"].as_f64().unwrap(),
            c["volume_gbit"].as_f64().unwrap(),
        );
        assert!((vol - d * 0.3).abs() < 1e-6, "{c}");
    }
}
