//! Vallado's SGP4 verification cases (SGP4-VER.TLE / tcppver.out), every
//! time in the file: position within 1e-6 km, velocity within 1e-9 km/s;
//! cases whose output stops early must end in an error.

use std::path::PathBuf;

use silkway_orbit::tle::{TleOptions, parse_tle_lines};
use silkway_orbit::{OpsMode, Satellite};

fn testdata(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "missing reference data {}: {e}. It ships with the repository (copied from the \
             python-sgp4 2.27 package, see testdata/SOURCES.md)",
            path.display()
        )
    })
}

struct Case {
    line1: String,
    line2: String,
    start: f64,
    stop: f64,
    step: f64,
}

fn cases() -> Vec<Case> {
    let text = testdata("sgp4/SGP4-VER.TLE");
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    lines
        .chunks(2)
        .map(|pair| {
            let extra: Vec<f64> = pair[1][69..]
                .split_whitespace()
                .map(|v| v.parse().unwrap())
                .collect();
            Case {
                line1: pair[0].to_owned(),
                line2: pair[1].to_owned(),
                start: extra[0],
                stop: extra[1],
                step: extra[2],
            }
        })
        .collect()
}

/// Expected rows per catalog number: (minutes, [x, y, z, vx, vy, vz]).
/// Rows of one case: (minutes, [x, y, z, vx, vy, vz]).
type Rows = Vec<(f64, [f64; 6])>;

fn expected() -> Vec<(u32, Rows)> {
    let text = testdata("sgp4/tcppver.out");
    let mut out: Vec<(u32, Rows)> = Vec::new();
    for line in text.lines() {
        if line.ends_with("xx") {
            out.push((
                line.split_whitespace().next().unwrap().parse().unwrap(),
                Vec::new(),
            ));
            continue;
        }
        let v: Vec<f64> = line
            .split_whitespace()
            .take(7)
            .map(|x| x.parse().unwrap())
            .collect();
        out.last_mut()
            .unwrap()
            .1
            .push((v[0], [v[1], v[2], v[3], v[4], v[5], v[6]]));
    }
    out
}

/// Vallado's driver (testcpp.cpp) times: 0 first, then from start by step
/// while below stop, the last one clamped to stop.
fn grid(c: &Case) -> Vec<f64> {
    let mut out = vec![0.0];
    let mut t = c.start;
    if t.abs() > 1e-8 {
        t -= c.step;
    }
    while t < c.stop {
        t += c.step;
        if t > c.stop {
            t = c.stop;
        }
        out.push(t);
    }
    out
}

fn run(mode: OpsMode) -> (f64, f64, usize, Vec<u32>) {
    let cases = cases();
    let expected = expected();
    assert_eq!(cases.len(), expected.len(), "case count");
    assert_eq!(cases.len(), 33);
    let options = TleOptions {
        strict_length: false,
        verify_checksum: false,
    };
    let (mut max_dr, mut max_dv, mut compared) = (0.0f64, 0.0f64, 0);
    let mut errored = Vec::new();
    for (c, (norad, rows)) in cases.iter().zip(&expected) {
        let set = parse_tle_lines("SGP4-VER.TLE", None, &c.line1, &c.line2, options)
            .unwrap_or_else(|e| panic!("{norad}: {e}"));
        assert_eq!(set.norad_id, *norad);
        let sat = Satellite::with_mode(set, mode);
        let times = grid(c);
        for (i, t) in times.iter().enumerate() {
            let state = sat
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|s| s.propagate_minutes(*t));
            match rows.get(i) {
                // Vallado's driver prints t = 0 unconditionally, even when
                // sgp4init flagged the elements (33334: error 3); we report
                // the error instead of a state.
                Some(_) if i == 0 && rows.len() == 1 && times.len() > 1 && state.is_err() => {
                    errored.push(*norad);
                    break;
                }
                Some((t_exp, want)) => {
                    assert!((t - t_exp).abs() < 1e-6, "{norad}: time {t} vs {t_exp}");
                    let s = state.unwrap_or_else(|e| panic!("{norad} at {t}: {e}"));
                    for k in 0..3 {
                        let dr = (s.position_km[k] - want[k]).abs();
                        let dv = (s.velocity_km_s[k] - want[k + 3]).abs();
                        max_dr = max_dr.max(dr);
                        max_dv = max_dv.max(dv);
                        assert!(dr < 1e-6, "{norad} t={t} r[{k}] off by {dr} km");
                        assert!(dv < 1e-9, "{norad} t={t} v[{k}] off by {dv} km/s");
                    }
                    compared += 1;
                }
                None => {
                    assert!(
                        state.is_err(),
                        "{norad}: reference output stops before t={t} min, expected an error"
                    );
                    errored.push(*norad);
                    break;
                }
            }
        }
        assert!(rows.len() <= times.len(), "{norad}: more rows than times");
    }
    (max_dr, max_dv, compared, errored)
}

#[test]
fn vallado_verification_improved_mode() {
    let (dr, dv, n, errors) = run(OpsMode::Improved);
    eprintln!(
        "compared {n} states, max |dr| {dr:e} km, max |dv| {dv:e} km/s, error cases {errors:?}"
    );
    assert!(n > 500);
    // The same cases, at the same times, end in errors in python-sgp4 2.27
    // (codes 1, 1, 6, 6, 4, 3, 6 in Vallado's numbering).
    assert_eq!(
        errors,
        vec![22312, 28350, 28872, 29141, 33333, 33334, 20413],
        "cases that must end in an error"
    );
}

#[test]
fn series_propagation_matches_single_calls() {
    let options = TleOptions {
        strict_length: false,
        verify_checksum: false,
    };
    let mut compared = 0;
    for c in cases() {
        let set = parse_tle_lines("SGP4-VER.TLE", None, &c.line1, &c.line2, options).unwrap();
        let Ok(sat) = Satellite::new(set) else {
            continue;
        };
        // Forward, then a non-monotonic order (backwards and across the epoch).
        let mut times = grid(&c);
        let mut back: Vec<f64> = times.iter().rev().map(|t| t * 0.5 - 100.0).collect();
        times.append(&mut back);
        let mut series = Vec::new();
        sat.propagate_minutes_series(&times, &mut series);
        for (t, s) in times.iter().zip(&series) {
            match (s, sat.propagate_minutes(*t)) {
                (Ok(a), Ok(b)) => {
                    for k in 0..3 {
                        assert!((a.position_km[k] - b.position_km[k]).abs() < 1e-6, "{t}");
                    }
                    compared += 1;
                }
                (Err(_), Err(_)) => {}
                (a, b) => panic!("series {a:?} vs single {b:?} at {t}"),
            }
        }
    }
    assert!(compared > 500);
}
