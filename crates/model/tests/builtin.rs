//! The built-in scenarios load, validate and round-trip.

use silkway_model::scenario::ScenarioFormat;
use silkway_model::{LinkRole, SatelliteStatus, Scenario, builtin};

#[test]
fn caspian_loads_and_validates() {
    let s = builtin::load("caspian").expect("caspian scenario must validate");
    assert_eq!(s.name, "caspian");
    for norad in [39079, 43632, 37749, 39728, 38755, 40053, 39731, 40010] {
        assert!(
            s.satellites.iter().any(|x| x.norad_id == norad),
            "NORAD {norad} missing"
        );
    }
    assert_eq!(s.satellite("SPOT 7").unwrap().status, SatelliteStatus::Lost);
    let main = s.links.iter().find(|l| l.id == "tcfo-main").unwrap();
    assert_eq!(
        (main.a.as_str(), main.b.as_str(), main.role),
        ("aktau", "siyazan", Some(LinkRole::Main))
    );
    let reserve = s.links.iter().find(|l| l.id == "tcfo-reserve").unwrap();
    assert_eq!(
        (reserve.a.as_str(), reserve.b.as_str()),
        ("kuryk", "buzovna")
    );
    assert!(
        s.demands
            .iter()
            .any(|d| d.source == "frankfurt" && d.target == "almaty" && d.gbps == 100.0)
    );
}

#[test]
fn caspian_cites_a_source_for_every_entry() {
    let s = builtin::load("caspian").unwrap();
    let mut missing = Vec::new();
    missing.extend(
        s.organizations
            .iter()
            .filter(|x| x.source.is_none())
            .map(|x| x.id.clone()),
    );
    missing.extend(
        s.sensors
            .iter()
            .filter(|x| x.source.is_none())
            .map(|x| x.id.clone()),
    );
    missing.extend(
        s.satellites
            .iter()
            .filter(|x| x.source.is_none())
            .map(|x| x.id.clone()),
    );
    missing.extend(
        s.stations
            .iter()
            .filter(|x| x.source.is_none())
            .map(|x| x.id.clone()),
    );
    missing.extend(
        s.nodes
            .iter()
            .filter(|x| x.source.is_none())
            .map(|x| x.id.clone()),
    );
    missing.extend(
        s.links
            .iter()
            .filter(|x| x.source.is_none())
            .map(|x| x.id.clone()),
    );
    missing.extend(
        s.assignments
            .iter()
            .filter(|x| x.source.is_none())
            .map(|x| x.id.clone()),
    );
    missing.extend(
        s.demands
            .iter()
            .filter(|x| x.note.is_none())
            .map(|x| x.id.clone()),
    );
    assert!(missing.is_empty(), "entries without a source: {missing:?}");
}

#[test]
fn assignments_on_both_sides_of_the_iran_azerbaijan_border() {
    let s = builtin::load("caspian").unwrap();
    for admin in ["az-admin", "ir-admin"] {
        assert!(
            s.assignments
                .iter()
                .filter(|a| a.administration == admin)
                .count()
                >= 2,
            "{admin}"
        );
    }
}

#[test]
fn toml_round_trip_gives_equal_values() {
    let original = builtin::load("caspian").unwrap();
    let text = original.to_toml().unwrap();
    let again = Scenario::from_toml(&text, "exported.toml").expect("exported TOML validates");
    assert_eq!(original, again);
}

#[test]
fn json_round_trip_gives_equal_values() {
    let original = builtin::load("caspian").unwrap();
    let text = original.to_json().unwrap();
    let again = Scenario::parse(&text, ScenarioFormat::Json, "exported.json")
        .expect("exported JSON validates");
    assert_eq!(original, again);
}

#[test]
fn unknown_builtin_names_the_available_ones() {
    let err = builtin::load("atlantis").unwrap_err().to_string();
    assert!(err.contains("atlantis") && err.contains("caspian"), "{err}");
}

#[test]
fn geojson_has_every_station_node_and_link() {
    let s = builtin::load("caspian").unwrap();
    let fc = s.to_geojson();
    let features = fc["features"].as_array().unwrap();
    let count = |layer: &str| {
        features
            .iter()
            .filter(|f| f["properties"]["layer"] == layer)
            .count()
    };
    assert_eq!(count("station"), s.stations.len());
    assert_eq!(count("node"), s.nodes.len());
    assert_eq!(count("link"), s.links.len());
    assert_eq!(count("satellite"), 4, "the four GEO satellites");
    for f in features {
        let coords = &f["geometry"]["coordinates"];
        let first = if f["geometry"]["type"] == "Point" {
            coords.clone()
        } else {
            coords[0].clone()
        };
        let (lon, lat) = (first[0].as_f64().unwrap(), first[1].as_f64().unwrap());
        assert!(
            (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat),
            "{f}"
        );
    }
}

#[test]
fn committed_json_schema_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/scenario.schema.json"
    );
    let committed = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("{path}: {e}; regenerate with `silkway scenario schema > docs/scenario.schema.json`")
    });
    let committed: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(
        committed,
        Scenario::json_schema(),
        "docs/scenario.schema.json is stale; regenerate with `silkway scenario schema > docs/scenario.schema.json`"
    );
}
