//! Access geometry against an independent Skyfield 1.55 computation
//! (testdata/skyfield/spot6_access.csv, made by bench/eo/skyfield_access.py):
//! broadside and window instants within 2 s, roll and incidence within 0.05°.

use silkway_eo::access::{AccessOptions, access};
use silkway_eo::aoi::{Aoi, AoiShape};
use silkway_eo::fleet;
use silkway_orbit::UtcTime;

const CSV: &str = include_str!("../testdata/skyfield/spot6_access.csv");
const TARGETS: [(&str, f64, f64); 5] = [
    ("baku", 40.41, 49.87),
    ("aktau", 43.65, 51.17),
    ("turkmenbashi", 40.02, 52.96),
    ("tehran", 35.69, 51.39),
    ("atyrau", 47.11, 51.92),
];

#[test]
fn spot6_windows_and_roll_match_skyfield() {
    let scenario = silkway_model::builtin::load("caspian").unwrap();
    let sats = fleet::from_scenario(&scenario, &["spot-6".to_owned()]).unwrap();
    let aois: Vec<Aoi> = TARGETS
        .iter()
        .map(|&(id, lat, lon)| Aoi::new(id.to_owned(), AoiShape::Point([lon, lat])))
        .collect();
    let start = UtcTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap();
    let end = start.plus_seconds(4.0 * 86_400.0);
    let ours = access(&sats, &aois, start, end, &AccessOptions::default()).unwrap();

    let rows: Vec<Vec<&str>> = CSV
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert!(
        rows.len() >= 12,
        "reference table too short: {} rows",
        rows.len()
    );
    let (mut worst_t, mut worst_roll, mut worst_inc) = (0.0f64, 0.0f64, 0.0f64);
    for row in &rows {
        let t = |i: usize| UtcTime::parse_rfc3339(row[i]).unwrap();
        let (tb, w0, w1) = (t(1), t(2), t(3));
        let roll: f64 = row[4].parse().unwrap();
        let inc: f64 = row[5].parse().unwrap();
        let o = ours
            .iter()
            .find(|o| o.aoi == row[0] && o.broadside.seconds_since(tb).abs() < 60.0)
            .unwrap_or_else(|| panic!("no silkway opportunity for {row:?}"));
        for (a, b) in [(o.broadside, tb), (o.window_start, w0), (o.window_end, w1)] {
            worst_t = worst_t.max(a.seconds_since(b).abs());
        }
        worst_roll = worst_roll.max((o.roll_deg - roll).abs());
        worst_inc = worst_inc.max((o.incidence_deg - inc).abs());
    }
    assert!(
        worst_t <= 2.0,
        "window instants differ by up to {worst_t} s"
    );
    assert!(worst_roll <= 0.05, "roll differs by up to {worst_roll}°");
    assert!(worst_inc <= 0.05, "incidence differs by up to {worst_inc}°");
    // And silkway finds nothing Skyfield does not (well inside the limit).
    for o in ours.iter().filter(|o| o.roll_deg.abs() < 29.9) {
        assert!(
            rows.iter().any(|r| r[0] == o.aoi
                && UtcTime::parse_rfc3339(r[1])
                    .unwrap()
                    .seconds_since(o.broadside)
                    .abs()
                    < 60.0),
            "extra opportunity {} {} roll {}",
            o.aoi,
            o.broadside,
            o.roll_deg
        );
    }
    eprintln!("worst: {worst_t:.4} s, roll {worst_roll:.5}°, incidence {worst_inc:.5}°");
}
