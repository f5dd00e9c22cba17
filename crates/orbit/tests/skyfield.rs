//! Pass tables and GEO look angles against Skyfield 1.55
//! (testdata/skyfield/*.csv, made by scripts/make_skyfield_tables.py):
//! AOS/LOS within 1 s, maximum elevation within 0.01°; GEO azimuth and
//! elevation within 0.01°, range within 0.1 km.

use std::path::PathBuf;

use silkway_orbit::passes::{PassOptions, find_passes};
use silkway_orbit::station::GroundStation;
use silkway_orbit::tle::parse_tle_text;
use silkway_orbit::{Satellite, UtcTime};

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "missing reference data {}: {e}. It is committed with the crate; regenerate with \
             `pip install skyfield==1.55 sgp4==2.27 && python3 crates/orbit/scripts/make_skyfield_tables.py`",
            path.display()
        )
    })
}

fn satellite(name: &str) -> Satellite {
    for file in ["resource.tle", "stations.tle", "geo.tle"] {
        let report = parse_tle_text(file, &read(&format!("tle/{file}")), Default::default());
        if let Some(set) = report.sets.into_iter().find(|s| s.name == name) {
            return Satellite::new(set).unwrap();
        }
    }
    panic!("{name} not in testdata/tle")
}

fn stations() -> Vec<GroundStation> {
    vec![
        GroundStation::parse("Baku:40.41,49.87,0").unwrap(),
        GroundStation::parse("Almaty:43.24,76.89,800").unwrap(),
    ]
}

fn t(s: &str) -> UtcTime {
    UtcTime::parse_rfc3339(s).unwrap()
}

#[test]
fn passes_match_skyfield() {
    let table = read("skyfield/passes.csv");
    let rows: Vec<Vec<&str>> = table
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert!(
        rows.len() > 100,
        "reference table too short: {}",
        rows.len()
    );
    let start = t("2026-05-31T00:00:00Z");
    let end = t("2026-06-03T00:00:00Z");
    let options = PassOptions {
        min_elevation_deg: 10.0,
        ..Default::default()
    };
    let (mut d_aos, mut d_los, mut d_el, mut matched) = (0.0f64, 0.0f64, 0.0f64, 0);
    for name in [
        "SPOT 6",
        "SPOT 7",
        "KAZEOSAT 1",
        "KAZEOSAT 2",
        "ISS (ZARYA)",
    ] {
        let sat = satellite(name);
        for station in stations() {
            let ours: Vec<_> = find_passes(&sat, &station, start, end, &options)
                .unwrap()
                .into_iter()
                .filter(|p| !p.in_progress_at_start && !p.in_progress_at_end)
                .collect();
            let theirs: Vec<_> = rows
                .iter()
                .filter(|r| r[0] == name && r[2] == station.name)
                .collect();
            assert_eq!(ours.len(), theirs.len(), "{name} over {}", station.name);
            for (p, r) in ours.iter().zip(&theirs) {
                let da = p.aos.seconds_since(t(r[3])).abs();
                let dl = p.los.seconds_since(t(r[5])).abs();
                let de = (p.max_elevation_deg - r[6].parse::<f64>().unwrap()).abs();
                assert!(
                    da < 1.0,
                    "{name} {}: AOS {} vs {} ",
                    station.name,
                    p.aos,
                    r[3]
                );
                assert!(
                    dl < 1.0,
                    "{name} {}: LOS {} vs {} ",
                    station.name,
                    p.los,
                    r[5]
                );
                assert!(
                    de < 0.01,
                    "{name} {}: max el {} vs {}",
                    station.name,
                    p.max_elevation_deg,
                    r[6]
                );
                d_aos = d_aos.max(da);
                d_los = d_los.max(dl);
                d_el = d_el.max(de);
                matched += 1;
            }
        }
    }
    eprintln!(
        "{matched} passes: max |dAOS| {d_aos:.4} s, |dLOS| {d_los:.4} s, |dmax_el| {d_el:.5} deg"
    );
    assert_eq!(matched, rows.len());
}

#[test]
fn geo_look_angles_match_skyfield() {
    let table = read("skyfield/geo_look.csv");
    let stations = stations();
    let (mut d_az, mut d_el, mut d_r, mut n) = (0.0f64, 0.0f64, 0.0f64, 0);
    for line in table.lines().skip(1) {
        let r: Vec<&str> = line.split(',').collect();
        let sat = satellite(r[0]);
        let station = stations.iter().find(|s| s.name == r[2]).unwrap();
        let aer = station.observer.look(&sat, t(r[3])).unwrap();
        let az: f64 = r[4].parse().unwrap();
        let el: f64 = r[5].parse().unwrap();
        let range: f64 = r[6].parse().unwrap();
        let da = ((aer.azimuth_deg - az + 540.0).rem_euclid(360.0) - 180.0).abs();
        assert!(da < 0.01, "{line}: azimuth {}", aer.azimuth_deg);
        assert!(
            (aer.elevation_deg - el).abs() < 0.01,
            "{line}: elevation {}",
            aer.elevation_deg
        );
        assert!(
            (aer.range_km - range).abs() < 0.1,
            "{line}: range {}",
            aer.range_km
        );
        d_az = d_az.max(da);
        d_el = d_el.max((aer.elevation_deg - el).abs());
        d_r = d_r.max((aer.range_km - range).abs());
        n += 1;
    }
    eprintln!(
        "{n} GEO look angles: max |daz| {d_az:.5} deg, |del| {d_el:.5} deg, |drange| {d_r:.4} km"
    );
    assert!(n >= 100);
}
