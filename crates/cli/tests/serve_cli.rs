//! `silkway serve` and `silkway admin` end to end: bad input is a clear
//! error; a token created on the command line authenticates a write.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

fn silkway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

fn temp_db(name: &str) -> (std::path::PathBuf, String) {
    let dir =
        std::env::temp_dir().join(format!("silkway-serve-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}", dir.join("t.db").display());
    (dir, url)
}

#[test]
fn bad_database_url_and_scenario_are_clear_errors() {
    let o = silkway(&["serve", "--database", "mysql://x", "--bind", "127.0.0.1:0"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("unsupported database URL"));
    let (dir, url) = temp_db("bad-scenario");
    let o = silkway(&[
        "serve",
        "--database",
        &url,
        "--scenario",
        "/nonexistent.toml",
        "--bind",
        "127.0.0.1:0",
    ]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--scenario"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn serve_bootstraps_an_admin_and_admin_create_token_adds_users() {
    let (dir, url) = temp_db("bootstrap");
    let mut child = Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(["serve", "--database", &url, "--bind", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut token = None;
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        if let Some(t) = line.split_whitespace().find(|w| w.starts_with("swt_")) {
            token = Some(t.to_owned());
        }
        if line.contains("serving on") {
            break;
        }
    }
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(token.expect("bootstrap token printed").len(), 68);
    let o = silkway(&[
        "admin",
        "create-token",
        "--database",
        &url,
        "--org",
        "azercosmos",
        "--role",
        "engineer",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .trim()
            .starts_with("swt_")
    );
    let o = silkway(&[
        "admin",
        "create-token",
        "--database",
        &url,
        "--org",
        "nowhere",
        "--role",
        "admin",
    ]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("unknown organization"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn create_token_on_an_empty_database_loads_the_scenario_first() {
    let (dir, url) = temp_db("token-first");
    let o = silkway(&[
        "admin",
        "create-token",
        "--database",
        &url,
        "--org",
        "az-admin",
        "--role",
        "viewer",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("loaded scenario"), "{stderr}");
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .trim()
            .starts_with("swt_")
    );
    // A second token reuses the loaded scenario (no second load).
    let o = silkway(&[
        "admin",
        "create-token",
        "--database",
        &url,
        "--org",
        "az-admin",
        "--role",
        "engineer",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("loaded scenario"));
    let o = silkway(&[
        "admin",
        "create-token",
        "--database",
        &url,
        "--org",
        "az-admin",
        "--role",
        "admin",
        "--scenario",
        "/nonexistent.toml",
    ]);
    // The database is no longer empty: --scenario is not read.
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let _ = std::fs::remove_dir_all(dir);
}
