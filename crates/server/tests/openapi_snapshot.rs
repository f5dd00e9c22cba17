//! The OpenAPI document is pinned in `crates/server/openapi.json`.
//! After an intended API change, update it with
//! `SILKWAY_UPDATE_SNAPSHOTS=1 cargo test -p silkway-server --test openapi_snapshot`.

#[test]
fn openapi_matches_the_committed_snapshot() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
    let current = serde_json::to_string_pretty(&silkway_server::app::openapi()).unwrap() + "\n";
    if std::env::var_os("SILKWAY_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &current).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}; create it with SILKWAY_UPDATE_SNAPSHOTS=1"));
    assert!(
        committed == current,
        "the OpenAPI document changed; review and update {path} with SILKWAY_UPDATE_SNAPSHOTS=1 \
         cargo test -p silkway-server --test openapi_snapshot"
    );
}
