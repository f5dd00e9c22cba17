//! The API paths of `silkway_webui::api_paths` are the ones the UI's
//! `web/src/api/endpoints.ts` calls.

use std::path::Path;

#[test]
fn endpoints_ts_and_api_paths_agree() {
    let ts_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/src/api/endpoints.ts");
    let ts =
        std::fs::read_to_string(&ts_path).unwrap_or_else(|e| panic!("{}: {e}", ts_path.display()));
    let mut names_in_ts = Vec::new();
    for line in ts.lines() {
        // Entries look like `  whoami: "/api/whoami",`.
        let Some((name, rest)) = line.trim().split_once(": \"") else {
            continue;
        };
        let Some(value) = rest.strip_suffix("\",") else {
            continue;
        };
        names_in_ts.push(name.to_owned());
        let rust = silkway_webui::api_paths::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("endpoints.ts has {name}, api_paths::ALL does not"));
        assert_eq!(rust.1, value, "{name}");
    }
    for (name, _) in silkway_webui::api_paths::ALL {
        assert!(
            names_in_ts.iter().any(|n| n == name),
            "api_paths has {name}, endpoints.ts does not"
        );
    }
}
