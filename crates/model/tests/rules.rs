//! Every validation rule, each with a bad file that must fail naming the
//! field (and its line).

use silkway_model::{ModelError, Scenario};

/// A small valid scenario exercising every entity; cases mutate it.
const BASE: &str = r#"name = "mini"

[[organizations]]
id = "op"
name = "Operator"
kind = "operator"
country = "AZ"

[[organizations]]
id = "adm"
name = "Administration"
kind = "administration"
country = "AZ"

[[sensors]]
id = "cam"
name = "Camera"
swath_km = 60.0
roll_max_deg = 30.0
roll_extended_deg = 45.0
pan_resolution_m = 1.5
downlink_freq_ghz = 8.0

[[satellites]]
id = "geo1"
name = "GEO ONE"
norad_id = 39079
orbit = "geo"
geo_longitude_deg = 46.0
operator = "op"
status = "active"

[[satellites]]
id = "leo1"
name = "LEO ONE"
norad_id = 38755
orbit = "leo"
operator = "op"
status = "active"
sensor = "cam"
tle.line1 = "1 38755U 12047A   26150.63584262  .00000787  00000+0  17918-3 0  9992"
tle.line2 = "2 38755  98.2129 218.1490 0001379  97.8518 262.2838 14.58552319730491"

[[stations]]
id = "st"
name = "Station"
kind = "teleport"
operator = "op"
position = { lat_deg = 40.41, lon_deg = 49.87, alt_m = 10.0 }
elevation_mask_deg = 5.0
antennas = [{ id = "dish", diameter_m = 1.2, efficiency = 0.65 }]

[[nodes]]
id = "n1"
name = "One"
kind = "city"
country = "AZ"
lat_deg = 40.4
lon_deg = 49.8

[[nodes]]
id = "n2"
name = "Two"
kind = "city"
country = "KZ"
lat_deg = 43.6
lon_deg = 51.1

[[links]]
id = "l1"
name = "One-Two"
kind = "submarine_fiber"
a = "n1"
b = "n2"
length_km = 341.0
capacity_gbps = 100.0
status = "active"
route = [[49.8, 40.4], [51.1, 43.6]]
srlg = ["landing-1"]
owners = ["op"]

[[links]]
id = "l2"
name = "Sat"
kind = "satellite"
a = "n1"
b = "n2"
status = "active"
satellite = "geo1"

[[assignments]]
id = "as1"
station = "st"
antenna = "dish"
administration = "adm"
service = "FSS"
direction = "transmit"
freq_mhz = 14000.0
bandwidth_khz = 36000.0
eirp_dbw = 50.0
azimuth_deg = 212.0
elevation_deg = 43.0
polarization = "horizontal"

[[demands]]
id = "d1"
source = "n1"
target = "n2"
gbps = 10.0
"#;

#[test]
fn the_base_file_is_valid() {
    Scenario::from_toml(BASE, "base.toml").unwrap();
}

/// Replace the `nth` (0-based) occurrence of `from` with `to`; return the
/// new text and the 1-based line of the replacement.
fn mutate(from: &str, to: &str, nth: usize) -> (String, usize) {
    let (offset, _) = BASE
        .match_indices(from)
        .nth(nth)
        .unwrap_or_else(|| panic!("{from:?} #{nth} not in BASE"));
    let line = BASE[..offset].matches('\n').count() + 1;
    let mut text = BASE.to_owned();
    text.replace_range(offset..offset + from.len(), to);
    (text, line)
}

/// 1-based line of the first occurrence of `text` in BASE.
fn line_of(text: &str) -> usize {
    BASE[..BASE.find(text).unwrap()].matches('\n').count() + 1
}

/// Run a mutated file and check that the named field is reported on `line`
/// (`None`: only the path is checked).
fn expect_problem(text: &str, path: &str, line: Option<usize>) {
    match Scenario::from_toml(text, "bad.toml") {
        Ok(_) => panic!("expected a problem at {path}, the file was accepted"),
        Err(ModelError::Invalid { origin, problems }) => {
            assert_eq!(origin, "bad.toml");
            let hit = problems
                .iter()
                .find(|p| p.path == path)
                .unwrap_or_else(|| panic!("no problem at {path}: {problems:?}"));
            if let Some(line) = line {
                assert_eq!(hit.line, Some(line), "{hit:?}");
            }
            let shown = ModelError::Invalid {
                origin,
                problems: problems.clone(),
            }
            .to_string();
            assert!(
                shown.contains("bad.toml:") && shown.contains(path),
                "{shown}"
            );
        }
        Err(other) => panic!("expected a validation problem at {path}, got {other}"),
    }
}

fn case(from: &str, to: &str, nth: usize, path: &str) {
    let (text, line) = mutate(from, to, nth);
    expect_problem(&text, path, Some(line));
}

#[test]
fn latitude_outside_90() {
    case(
        "lat_deg = 40.41",
        "lat_deg = 90.5",
        0,
        "stations[0].position.lat_deg",
    );
    case("lat_deg = 43.6", "lat_deg = -91.0", 0, "nodes[1].lat_deg");
}

#[test]
fn longitude_outside_180() {
    case(
        "lon_deg = 49.87",
        "lon_deg = 180.01",
        0,
        "stations[0].position.lon_deg",
    );
    case("lon_deg = 51.1", "lon_deg = -200.0", 0, "nodes[1].lon_deg");
    case("[51.1, 43.6]", "[251.1, 43.6]", 0, "links[0].route[1][0]");
    case(
        "geo_longitude_deg = 46.0",
        "geo_longitude_deg = 190.0",
        0,
        "satellites[0].geo_longitude_deg",
    );
}

#[test]
fn negative_lengths_capacities_and_bandwidths() {
    case(
        "length_km = 341.0",
        "length_km = -341.0",
        0,
        "links[0].length_km",
    );
    case(
        "length_km = 341.0",
        "length_km = 0.0",
        0,
        "links[0].length_km",
    );
    case(
        "capacity_gbps = 100.0",
        "capacity_gbps = -1.0",
        0,
        "links[0].capacity_gbps",
    );
    case(
        "bandwidth_khz = 36000.0",
        "bandwidth_khz = -36000.0",
        0,
        "assignments[0].bandwidth_khz",
    );
    case("gbps = 10.0", "gbps = 0.0", 0, "demands[0].gbps");
    case(
        "swath_km = 60.0",
        "swath_km = -60.0",
        0,
        "sensors[0].swath_km",
    );
    case(
        "diameter_m = 1.2",
        "diameter_m = -1.2",
        0,
        "stations[0].antennas[0].diameter_m",
    );
}

#[test]
fn frequency_ranges() {
    case(
        "freq_mhz = 14000.0",
        "freq_mhz = 4000000.0",
        0,
        "assignments[0].freq_mhz",
    );
    case(
        "freq_mhz = 14000.0",
        "freq_mhz = 0.001",
        0,
        "assignments[0].freq_mhz",
    );
    // The rule names the bandwidth, on its own line.
    let (text, _) = mutate("freq_mhz = 14000.0", "freq_mhz = 10.0", 0);
    expect_problem(
        &text,
        "assignments[0].bandwidth_khz",
        Some(line_of("bandwidth_khz = 36000.0")),
    );
    case(
        "downlink_freq_ghz = 8.0",
        "downlink_freq_ghz = 0.0",
        0,
        "sensors[0].downlink_freq_ghz",
    );
}

#[test]
fn non_finite_numbers() {
    case(
        "length_km = 341.0",
        "length_km = nan",
        0,
        "links[0].length_km",
    );
    case(
        "eirp_dbw = 50.0",
        "eirp_dbw = inf",
        0,
        "assignments[0].eirp_dbw",
    );
}

#[test]
fn duplicate_ids() {
    case("id = \"n2\"", "id = \"n1\"", 0, "nodes[1].id");
    case("id = \"adm\"", "id = \"op\"", 0, "organizations[1].id");
    case("id = \"l2\"", "id = \"l1\"", 0, "links[1].id");
}

#[test]
fn malformed_ids() {
    case("id = \"n2\"", "id = \"n 2\"", 0, "nodes[1].id");
    case("id = \"d1\"", "id = \"\"", 0, "demands[0].id");
}

#[test]
fn unknown_references() {
    case("b = \"n2\"", "b = \"n9\"", 0, "links[0].b");
    case(
        "operator = \"op\"",
        "operator = \"nobody\"",
        0,
        "satellites[0].operator",
    );
    case(
        "sensor = \"cam\"",
        "sensor = \"lens\"",
        0,
        "satellites[1].sensor",
    );
    case(
        "station = \"st\"",
        "station = \"nowhere\"",
        0,
        "assignments[0].station",
    );
    case(
        "antenna = \"dish\"",
        "antenna = \"horn\"",
        0,
        "assignments[0].antenna",
    );
    case(
        "satellite = \"geo1\"",
        "satellite = \"geo9\"",
        0,
        "links[1].satellite",
    );
    case(
        "owners = [\"op\"]",
        "owners = [\"ghost\"]",
        0,
        "links[0].owners[0]",
    );
    case("target = \"n2\"", "target = \"n7\"", 0, "demands[0].target");
    case(
        "administration = \"adm\"",
        "administration = \"op\"",
        0,
        "assignments[0].administration",
    );
}

#[test]
fn structural_rules() {
    case("b = \"n2\"", "b = \"n1\"", 0, "links[0].b");
    case("target = \"n2\"", "target = \"n1\"", 0, "demands[0].target");
    case(
        "country = \"AZ\"",
        "country = \"Azerbaijan\"",
        0,
        "organizations[0].country",
    );
    case(
        "norad_id = 39079",
        "norad_id = 0",
        0,
        "satellites[0].norad_id",
    );
    case(
        "efficiency = 0.65",
        "efficiency = 1.5",
        0,
        "stations[0].antennas[0].efficiency",
    );
    case(
        "elevation_mask_deg = 5.0",
        "elevation_mask_deg = 95.0",
        0,
        "stations[0].elevation_mask_deg",
    );
    case(
        "roll_extended_deg = 45.0",
        "roll_extended_deg = 20.0",
        0,
        "sensors[0].roll_extended_deg",
    );
    let (text, _) = mutate("direction = \"transmit\"", "direction = \"receive\"", 0);
    expect_problem(
        &text,
        "assignments[0].eirp_dbw",
        Some(line_of("eirp_dbw = 50.0")),
    );
    case(
        "tle.line2 = \"2 38755",
        "tle.line2 = \"2 38755 ",
        0,
        "satellites[1].tle.line2",
    );
}

#[test]
fn missing_required_combinations_point_at_the_entry() {
    // The field itself is absent: the line is that of the nearest parent.
    let (text, _) = mutate("geo_longitude_deg = 46.0\n", "", 0);
    expect_problem(&text, "satellites[0].geo_longitude_deg", None);
    let (text, _) = mutate("satellite = \"geo1\"\n", "", 0);
    expect_problem(&text, "links[1].satellite", None);
    let (text, _) = mutate(
        "{ id = \"dish\", diameter_m = 1.2, efficiency = 0.65 }",
        "{ id = \"dish\" }",
        0,
    );
    expect_problem(&text, "stations[0].antennas[0]", None);
}

/// Type errors, unknown fields and bad enum values are syntax errors with
/// line, column and field.
fn expect_syntax(from: &str, to: &str, path: &str) {
    let (text, line) = mutate(from, to, 0);
    match Scenario::from_toml(&text, "bad.toml") {
        Err(ModelError::Syntax {
            line: l,
            path: p,
            message,
            ..
        }) => {
            assert_eq!(l, line, "{message}");
            assert_eq!(p.as_deref(), Some(path), "{message}");
        }
        other => panic!("expected a syntax error at {path}, got {other:?}"),
    }
}

#[test]
fn wrong_types_unknown_fields_and_bad_enums() {
    expect_syntax(
        "length_km = 341.0",
        "length_km = \"long\"",
        "links[0].length_km",
    );
    expect_syntax(
        "kind = \"submarine_fiber\"",
        "kind = \"copper\"",
        "links[0].kind",
    );
    expect_syntax(
        "gbps = 10.0",
        "colour = \"red\"\ngbps = 10.0",
        "demands[0].colour",
    );
    expect_syntax(
        "norad_id = 39079",
        "norad_id = -5",
        "satellites[0].norad_id",
    );
}

#[test]
fn malformed_toml_reports_line_and_column() {
    let text = "name = \"x\"\n[[links]\nid = 3\n";
    match Scenario::from_toml(text, "broken.toml") {
        Err(e @ ModelError::Syntax { line: 2, .. }) => {
            assert!(e.to_string().starts_with("broken.toml:2:"), "{e}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = BASE
        .replace("lat_deg = 43.6", "lat_deg = 99.0")
        .replace("gbps = 10.0", "gbps = -3.0");
    match Scenario::from_toml(&text, "bad.toml") {
        Err(ModelError::Invalid { problems, .. }) => assert_eq!(problems.len(), 2, "{problems:?}"),
        other => panic!("{other:?}"),
    }
}
