//! `silkway scenario ...` end to end: exit codes, stdout data, stderr errors.

use std::process::{Command, Output};

fn silkway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("silkway-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn show_builtin_exports_a_file_that_validates() {
    for (format, ext) in [("toml", "toml"), ("json", "json")] {
        let out = silkway(&[
            "scenario",
            "show",
            "--builtin",
            "caspian",
            "--format",
            format,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let path = temp_file(&format!("caspian.{ext}"), &stdout(&out));
        let check = silkway(&["scenario", "validate", path.to_str().unwrap()]);
        assert!(check.status.success(), "{}", stderr(&check));
        assert!(
            stdout(&check).contains("valid scenario \"caspian\""),
            "{}",
            stdout(&check)
        );
    }
}

#[test]
fn show_geojson_is_a_feature_collection() {
    let out = silkway(&[
        "scenario",
        "show",
        "--builtin",
        "caspian",
        "--format",
        "geojson",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let fc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(fc["type"], "FeatureCollection");
    let tcfo = fc["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["id"] == "tcfo-main")
        .expect("TCFO main link on the map");
    assert_eq!(tcfo["geometry"]["type"], "LineString");
}

#[test]
fn invalid_file_names_file_line_and_field_and_exits_non_zero() {
    let text = silkway_model::builtin::text("caspian").unwrap().replacen(
        "length_km = 341.0",
        "length_km = -341.0",
        1,
    );
    let line = text[..text.find("length_km = -341.0").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let path = temp_file("bad.toml", &text);
    let out = silkway(&["scenario", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let expected = format!("{}:{line}: links[0].length_km", path.display());
    assert!(err.contains(&expected), "expected {expected:?} in {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn syntax_error_names_line_and_column() {
    let path = temp_file("broken.toml", "name = \"x\"\n[[links]\n");
    let out = silkway(&["scenario", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{}:2:", path.display())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = silkway(&["scenario", "validate", "/nonexistent/scenario.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/scenario.toml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unsupported_format_is_refused() {
    let out = silkway(&[
        "scenario",
        "show",
        "--builtin",
        "caspian",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--format csv is not supported"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_builtin_lists_the_available_ones() {
    let out = silkway(&["scenario", "show", "--builtin", "atlantis"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("caspian"), "{}", stderr(&out));
}

#[test]
fn schema_is_json_schema() {
    let out = silkway(&["scenario", "schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(schema["title"], "Scenario");
    assert!(
        schema["$schema"]
            .as_str()
            .unwrap()
            .contains("json-schema.org")
    );
}
