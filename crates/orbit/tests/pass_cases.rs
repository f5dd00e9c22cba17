//! Pass finder on hard cases, checked against a brute-force 1 s scan of the
//! same model: GEO always/never visible, a Molniya orbit, a high minimum
//! elevation (45°), passes in progress at the window edges, a horizon mask.

use std::path::PathBuf;

use silkway_orbit::mask::ElevationMask;
use silkway_orbit::passes::{Pass, PassOptions, find_passes};
use silkway_orbit::station::GroundStation;
use silkway_orbit::tle::{TleOptions, parse_tle_lines, parse_tle_text};
use silkway_orbit::{Satellite, UtcTime};

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "missing test data {}: {e} (committed with the crate)",
            path.display()
        )
    })
}

fn satellite(file: &str, name: &str) -> Satellite {
    let report = parse_tle_text(file, &read(&format!("tle/{file}")), Default::default());
    let set = report.sets.into_iter().find(|s| s.name == name).unwrap();
    Satellite::new(set).unwrap()
}

fn t(s: &str) -> UtcTime {
    UtcTime::parse_rfc3339(s).unwrap()
}

/// Visible intervals by sampling every `step_s` seconds: (start, end, flagged start, flagged end).
fn brute(
    sat: &Satellite,
    st: &GroundStation,
    start: UtcTime,
    end: UtcTime,
    min_el: f64,
    step_s: f64,
) -> Vec<(f64, f64)> {
    let span = end.seconds_since(start);
    let up = |x: f64| {
        let aer = st.observer.look(sat, start.plus_seconds(x)).unwrap();
        let thr = st
            .mask
            .as_ref()
            .map_or(min_el, |m| min_el.max(m.elevation_deg(aer.azimuth_deg)));
        aer.elevation_deg >= thr
    };
    let mut out = Vec::new();
    let mut open = up(0.0).then_some(0.0);
    let mut x = 0.0;
    while x < span {
        x = (x + step_s).min(span);
        let u = up(x);
        match (open, u) {
            (None, true) => open = Some(x),
            (Some(a), false) => {
                out.push((a, x));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(a) = open {
        out.push((a, span));
    }
    out
}

fn compare(passes: &[Pass], reference: &[(f64, f64)], start: UtcTime, step_s: f64, what: &str) {
    assert_eq!(
        passes.len(),
        reference.len(),
        "{what}: {passes:#?} vs {reference:?}"
    );
    for (p, (a, b)) in passes.iter().zip(reference) {
        let aos = p.aos.seconds_since(start);
        let los = p.los.seconds_since(start);
        assert!(
            aos <= *a + 1e-6 && aos > a - step_s - 1e-3,
            "{what}: AOS {aos} vs ({}, {a}]",
            a - step_s
        );
        assert!(
            los <= *b + 1e-6 && los > b - step_s - 1e-3,
            "{what}: LOS {los} vs ({}, {b}]",
            b - step_s
        );
        assert!(p.tca.seconds_since(p.aos) >= 0.0 && p.los.seconds_since(p.tca) >= 0.0);
    }
}

#[test]
fn geo_always_and_never_visible() {
    let sat = satellite("geo.tle", "AZERSPACE 1");
    let start = t("2026-05-31T00:00:00Z");
    let end = t("2026-06-02T00:00:00Z");
    let opts = PassOptions {
        min_elevation_deg: 10.0,
        ..Default::default()
    };
    let baku = GroundStation::parse("Baku:40.41,49.87,0").unwrap();
    let p = find_passes(&sat, &baku, start, end, &opts).unwrap();
    assert_eq!(p.len(), 1);
    assert!(p[0].in_progress_at_start && p[0].in_progress_at_end);
    assert_eq!(p[0].aos, start);
    assert_eq!(p[0].los, end);
    assert!((p[0].max_elevation_deg - 43.1).abs() < 0.2);
    let pacific = GroundStation::parse("Honolulu:21.3,-157.9,0").unwrap();
    assert!(
        find_passes(&sat, &pacific, start, end, &opts)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn molniya_matches_brute_force() {
    let l1 = "1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813";
    let l2 = "2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656";
    let opts = TleOptions {
        strict_length: true,
        verify_checksum: false,
    };
    let set = parse_tle_lines("molniya", Some("MOLNIYA 2-14"), l1, l2, opts).unwrap();
    let sat = Satellite::new(set).unwrap();
    let st = GroundStation::parse("Almaty:43.24,76.89,800").unwrap();
    let start = t("2006-06-25T08:00:00Z");
    let end = t("2006-06-27T08:00:00Z");
    let o = PassOptions {
        min_elevation_deg: 10.0,
        ..Default::default()
    };
    let passes = find_passes(&sat, &st, start, end, &o).unwrap();
    compare(
        &passes,
        &brute(&sat, &st, start, end, 10.0, 2.0),
        start,
        2.0,
        "molniya",
    );
    assert!(!passes.is_empty());
}

#[test]
fn high_minimum_elevation_matches_brute_force() {
    let sat = satellite("stations.tle", "ISS (ZARYA)");
    let st = GroundStation::parse("Baku:40.41,49.87,0").unwrap();
    let start = t("2026-05-31T00:00:00Z");
    let end = t("2026-06-02T00:00:00Z");
    for min_el in [45.0, 60.0] {
        let o = PassOptions {
            min_elevation_deg: min_el,
            ..Default::default()
        };
        let passes = find_passes(&sat, &st, start, end, &o).unwrap();
        compare(
            &passes,
            &brute(&sat, &st, start, end, min_el, 1.0),
            start,
            1.0,
            "high elevation",
        );
        assert!(passes.iter().all(|p| p.max_elevation_deg >= min_el));
    }
}

#[test]
fn passes_in_progress_at_window_edges() {
    let sat = satellite("stations.tle", "ISS (ZARYA)");
    let st = GroundStation::parse("Baku:40.41,49.87,0").unwrap();
    let o = PassOptions {
        min_elevation_deg: 10.0,
        ..Default::default()
    };
    // The ISS pass of 2026-05-31 08:44:20 - 08:50:56 over Baku.
    let start = t("2026-05-31T08:46:00Z");
    let end = t("2026-05-31T10:24:00Z");
    let passes = find_passes(&sat, &st, start, end, &o).unwrap();
    assert_eq!(passes.len(), 2, "{passes:#?}");
    assert!(passes[0].in_progress_at_start && !passes[0].in_progress_at_end);
    assert_eq!(passes[0].aos, start);
    assert!(passes[1].in_progress_at_end && !passes[1].in_progress_at_start);
    assert_eq!(passes[1].los, end);
}

#[test]
fn horizon_mask_matches_brute_force() {
    let sat = satellite("resource.tle", "SPOT 6");
    let st = GroundStation::parse("Baku:40.41,49.87,0")
        .unwrap()
        .with_mask(ElevationMask::parse("0/5,90/25,180/5,270/15").unwrap());
    let start = t("2026-05-31T00:00:00Z");
    let end = t("2026-06-01T12:00:00Z");
    let o = PassOptions {
        min_elevation_deg: 5.0,
        ..Default::default()
    };
    let passes = find_passes(&sat, &st, start, end, &o).unwrap();
    compare(
        &passes,
        &brute(&sat, &st, start, end, 5.0, 1.0),
        start,
        1.0,
        "mask",
    );
}

#[test]
fn decayed_satellite_is_an_error_not_garbage() {
    // Vallado's 28872 (MINOTAUR R/B) decays about 50 min after epoch.
    let l1 = "1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534";
    let l2 = "2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708";
    let opts = TleOptions {
        strict_length: true,
        verify_checksum: false,
    };
    let sat = Satellite::new(parse_tle_lines("x", None, l1, l2, opts).unwrap()).unwrap();
    let st = GroundStation::parse("Baku:40.41,49.87,0").unwrap();
    let start = sat.elements.epoch;
    let o = PassOptions::default();
    let err = find_passes(&sat, &st, start, start.plus_seconds(86_400.0), &o).unwrap_err();
    assert!(
        matches!(err, silkway_orbit::OrbitError::Propagation { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("decayed"), "{err}");
}

#[test]
fn screening_never_drops_a_pass() {
    // 20 real LEO element sets, one day, against a 2 s brute-force scan.
    let st = GroundStation::parse("Baku:40.41,49.87,0").unwrap();
    let start = t("2026-05-31T00:00:00Z");
    let end = t("2026-06-01T00:00:00Z");
    let mut checked = 0;
    for file in ["resource.tle", "stations.tle"] {
        let report = parse_tle_text(file, &read(&format!("tle/{file}")), Default::default());
        for set in report
            .sets
            .into_iter()
            .filter(|s| s.mean_motion_rev_per_day > 11.0)
            .take(10)
        {
            let sat = Satellite::new(set).unwrap();
            let o = PassOptions {
                min_elevation_deg: 0.0,
                ..Default::default()
            };
            let passes = find_passes(&sat, &st, start, end, &o).unwrap();
            let name = sat.name().to_owned();
            compare(
                &passes,
                &brute(&sat, &st, start, end, 0.0, 2.0),
                start,
                2.0,
                &name,
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 20);
}
