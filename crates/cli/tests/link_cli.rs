//! `silkway link budget|map` end to end (needs the ITU-R maps, installed by
//! scripts/test.sh; without them these tests fail with the install hint).

use std::process::{Command, Output};

fn silkway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_silkway"))
        .args(args)
        .output()
        .expect("run silkway")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../link/examples/azerspace1_tashkent.toml"
);
const MAP: [&str; 15] = [
    "link",
    "map",
    "--sat-lon",
    "46",
    "--bbox",
    "44,36,60,48",
    "--grid",
    "7x9",
    "--f-ghz",
    "12",
    "--p-pct",
    "0.01",
    "--d-m",
    "1.2",
    "--format",
];

#[test]
fn budget_json_has_the_acm_summary() {
    let v: serde_json::Value = serde_json::from_str(&ok(&silkway(&[
        "link", "budget", EXAMPLE, "--format", "json",
    ])))
    .unwrap();
    assert_eq!(v["satellite_lon_deg"], 46.0);
    let outage = v["acm"]["outage_minutes_per_year"].as_f64().unwrap();
    assert!(outage > 0.0 && outage < 525.96, "{outage}");
    assert!(v["acm"]["levels"].as_array().unwrap().len() >= 3);
}

#[test]
fn budget_table_is_readable() {
    let text = ok(&silkway(&["link", "budget", EXAMPLE]));
    assert!(
        text.contains("Availability") && text.contains("C/(N+I)"),
        "{text}"
    );
}

#[test]
fn map_csv_has_every_grid_point_with_edges_inclusive() {
    let mut args = MAP.to_vec();
    args.push("csv");
    let text = ok(&silkway(&args));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for col in ["lat", "lon", "elevation_deg", "a_total_db"] {
        assert!(header.contains(&col), "{header:?}");
    }
    let rows: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').map(|x| x.parse().unwrap()).collect())
        .collect();
    assert_eq!(rows.len(), 63);
    let lat_min = rows.iter().map(|r| r[0]).fold(f64::MAX, f64::min);
    let lon_max = rows.iter().map(|r| r[1]).fold(f64::MIN, f64::max);
    assert_eq!((lat_min, lon_max), (36.0, 60.0));
    // Baku-like latitudes toward 46°E: elevations within P.618's domain and
    // attenuations positive and finite.
    assert!(
        rows.iter()
            .all(|r| r[2] > 30.0 && r[8] > 0.0 && r[8] < 30.0)
    );
}

#[test]
fn map_geojson_is_bands_of_total_attenuation() {
    let mut args = MAP.to_vec();
    args.push("geojson");
    let fc: serde_json::Value = serde_json::from_str(&ok(&silkway(&args))).unwrap();
    assert_eq!(fc["type"], "FeatureCollection");
    let features = fc["features"].as_array().unwrap();
    assert!(!features.is_empty());
    for f in features {
        assert_eq!(f["geometry"]["type"], "MultiPolygon");
        assert!(
            f["properties"]["max"].as_f64().unwrap() > f["properties"]["min"].as_f64().unwrap()
        );
    }
}

#[test]
fn bad_arguments_are_clear_errors() {
    let out = silkway(&[
        "link",
        "map",
        "--sat-lon",
        "46",
        "--bbox",
        "60,36,44,48",
        "--grid",
        "3x3",
        "--f-ghz",
        "12",
        "--p-pct",
        "0.01",
        "--d-m",
        "1.2",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bbox"));
    let out = silkway(&["link", "budget", "/nonexistent/link.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/link.toml"));
}

#[test]
fn map_with_a_link_adds_budget_columns() {
    let args = [
        "link",
        "map",
        "--sat-lon",
        "46",
        "--bbox",
        "60,38,72,44",
        "--grid",
        "3x4",
        "--f-ghz",
        "11.45",
        "--p-pct",
        "0.01",
        "--d-m",
        "1.2",
        "--link",
        EXAMPLE,
        "--format",
        "csv",
    ];
    let text = ok(&silkway(&args));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let (cnir, avail, el) = (
        col("cnir_clear_db"),
        col("availability_pct"),
        col("elevation_deg"),
    );
    let rows: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').map(|x| x.parse().unwrap()).collect())
        .collect();
    assert_eq!(rows.len(), 12);
    for r in &rows {
        assert!(r[cnir] > 5.0 && r[cnir] < 20.0, "{r:?}");
        assert!(r[avail] > 99.9 && r[avail] <= 100.0, "{r:?}");
    }
    // Along the first row (38°N, 60→72°E, moving away from 46°E) the
    // elevation falls, and a longer slant range never improves the
    // clear-sky C/(N+I) (same beam, same terminal).
    let first_row: Vec<&Vec<f64>> = rows.iter().take(4).collect();
    for w in first_row.windows(2) {
        assert!(
            w[1][el] < w[0][el],
            "elevation should fall eastward: {:?} {:?}",
            w[0],
            w[1]
        );
        assert!(w[1][cnir] <= w[0][cnir] + 1e-9, "{:?} {:?}", w[0], w[1]);
    }
}
