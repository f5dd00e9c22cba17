//! Eclipse intervals: physical sanity on real element sets (no offline
//! external oracle: Skyfield's `is_sunlit` needs a JPL ephemeris file).

use std::path::PathBuf;

use silkway_orbit::eclipse::{Shadow, eclipse_intervals, shadow};
use silkway_orbit::tle::parse_tle_text;
use silkway_orbit::{Satellite, UtcTime};

fn satellite(file: &str, name: &str) -> Satellite {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/tle")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "missing test data {}: {e} (committed with the crate)",
            path.display()
        )
    });
    let set = parse_tle_text(file, &text, Default::default())
        .sets
        .into_iter()
        .find(|s| s.name == name)
        .unwrap();
    Satellite::new(set).unwrap()
}

fn t(s: &str) -> UtcTime {
    UtcTime::parse_rfc3339(s).unwrap()
}

#[test]
fn iss_is_eclipsed_once_per_orbit() {
    let sat = satellite("stations.tle", "ISS (ZARYA)");
    let start = t("2026-05-31T00:00:00Z");
    let end = t("2026-06-01T00:00:00Z");
    let list = eclipse_intervals(&sat, start, end).unwrap();
    let umbra: Vec<_> = list.iter().filter(|i| i.kind == Shadow::Umbra).collect();
    let pen: Vec<_> = list.iter().filter(|i| i.kind == Shadow::Penumbra).collect();
    assert!((15..=17).contains(&umbra.len()), "{}", umbra.len());
    assert_eq!(umbra.len(), pen.len());
    for (u, p) in umbra.iter().zip(&pen) {
        // Penumbra brackets umbra by a few seconds on each side.
        assert!(p.start.seconds_since(u.start) <= 0.0 && u.end.seconds_since(p.end) <= 0.0);
        if !u.in_progress_at_start && !u.in_progress_at_end {
            let d = u.end.seconds_since(u.start);
            assert!((1500.0..2400.0).contains(&d), "umbra of {d} s");
            let edge = u.start.seconds_since(p.start);
            assert!((2.0..30.0).contains(&edge), "penumbra edge {edge} s");
            let mid = u.start.plus_seconds(d / 2.0);
            assert_eq!(shadow(&sat, mid).unwrap(), Shadow::Umbra);
        }
    }
}

#[test]
fn geo_eclipses_only_near_equinox() {
    let sat = satellite("geo.tle", "AZERSPACE 1");
    let june =
        eclipse_intervals(&sat, t("2026-06-01T00:00:00Z"), t("2026-06-03T00:00:00Z")).unwrap();
    assert!(june.is_empty(), "{june:?}");
    // Propagating ~4 months from epoch is fine for this geometric check.
    let sept =
        eclipse_intervals(&sat, t("2026-09-22T00:00:00Z"), t("2026-09-23T00:00:00Z")).unwrap();
    let umbra: Vec<_> = sept.iter().filter(|i| i.kind == Shadow::Umbra).collect();
    assert_eq!(umbra.len(), 1, "{sept:?}");
    let d = umbra[0].end.seconds_since(umbra[0].start);
    assert!(
        (3600.0..4500.0).contains(&d),
        "equinox GEO umbra {d} s (≈ 70 min expected)"
    );
}
