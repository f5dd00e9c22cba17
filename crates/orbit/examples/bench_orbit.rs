//! Timing driver for bench/orbit/compare.py (peer comparison). Prints one
//! JSON line per measurement on stdout.
//!
//! ```text
//! cargo run --release -p silkway-orbit --example bench_orbit -- propagate SATS.tle START_RFC3339 STEPS
//! cargo run --release -p silkway-orbit --example bench_orbit -- passes SATS.tle START_RFC3339 DAYS MIN_EL LAT LON
//! cargo run --release -p silkway-orbit --example bench_orbit -- snapshot DIR START_RFC3339 DAYS MIN_EL
//! ```

use std::time::Instant;

use rayon::prelude::*;
use silkway_orbit::passes::{PassOptions, find_passes, find_passes_many};
use silkway_orbit::station::GroundStation;
use silkway_orbit::{Satellite, UtcTime, parse_elements};

fn load(path: &str) -> Vec<Satellite> {
    let text = std::fs::read_to_string(path).expect("read element file");
    let report = parse_elements(path, &text);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    report
        .sets
        .into_iter()
        .filter_map(|s| Satellite::new(s).ok())
        .collect()
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
}

fn propagate_all(sats: &[Satellite], start: UtcTime, steps: usize) -> (usize, f64) {
    let t0 = Instant::now();
    let (ok, checksum) = sats
        .par_iter()
        .map_init(
            || (Vec::with_capacity(steps), Vec::with_capacity(steps)),
            |(minutes, out), s| {
                let m0 = s.minutes_since_epoch(start);
                minutes.clear();
                minutes.extend((0..steps).map(|k| m0 + k as f64));
                out.clear();
                s.propagate_minutes_series(minutes, out);
                let mut ok = 0usize;
                let mut acc = 0.0;
                for st in out.iter().flatten() {
                    ok += 1;
                    acc += st.position_km[0];
                }
                (ok, acc)
            },
        )
        .reduce(|| (0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
    std::hint::black_box(checksum);
    (ok, t0.elapsed().as_secs_f64())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let threads_all = std::thread::available_parallelism().map_or(1, |n| n.get());
    match args.first().map(String::as_str) {
        Some("propagate") => {
            let sats = load(&args[1]);
            let start = UtcTime::parse_rfc3339(&args[2]).unwrap();
            let steps: usize = args[3].parse().unwrap();
            for threads in [1, threads_all] {
                let p = pool(threads);
                let mut best = f64::INFINITY;
                let mut ok = 0;
                for _ in 0..5 {
                    let (n, dt) = p.install(|| propagate_all(&sats, start, steps));
                    ok = n;
                    best = best.min(dt);
                }
                let total = sats.len() * steps;
                println!(
                    "{{\"bench\":\"propagate\",\"threads\":{threads},\"satellites\":{},\"steps\":{steps},\"ok\":{ok},\"best_s\":{best:.6},\"mprop_per_s\":{:.3}}}",
                    sats.len(),
                    total as f64 / best / 1e6
                );
            }
        }
        Some("passes") => {
            let sats = load(&args[1]);
            let start = UtcTime::parse_rfc3339(&args[2]).unwrap();
            let days: f64 = args[3].parse().unwrap();
            let min_el: f64 = args[4].parse().unwrap();
            let lat: f64 = args[5].parse().unwrap();
            let lon: f64 = args[6].parse().unwrap();
            let st = GroundStation::new("station", lat, lon, 0.0).unwrap();
            let end = start.plus_seconds(days * 86_400.0);
            let o = PassOptions {
                min_elevation_deg: min_el,
                ..Default::default()
            };
            let mut best = f64::INFINITY;
            let mut count = 0;
            for _ in 0..5 {
                let t0 = Instant::now();
                count = sats
                    .iter()
                    .map(|s| find_passes(s, &st, start, end, &o).map_or(0, |p| p.len()))
                    .sum::<usize>();
                best = best.min(t0.elapsed().as_secs_f64());
            }
            println!(
                "{{\"bench\":\"passes\",\"threads\":1,\"satellites\":{},\"days\":{days},\"passes\":{count},\"best_s\":{best:.6}}}",
                sats.len()
            );
        }
        Some("snapshot") => {
            let dir = &args[1];
            let start = UtcTime::parse_rfc3339(&args[2]).unwrap();
            let days: f64 = args[3].parse().unwrap();
            let min_el: f64 = args[4].parse().unwrap();
            let mut sats = Vec::new();
            let mut entries: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .filter_map(Result::ok)
                .collect();
            entries.sort_by_key(|e| e.path());
            for e in entries {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "tle") {
                    sats.extend(load(p.to_str().unwrap()));
                }
            }
            let stations: Vec<GroundStation> = [
                ("Baku", 40.41, 49.87),
                ("Almaty", 43.24, 76.89),
                ("Astana", 51.17, 71.45),
                ("Aktau", 43.65, 51.17),
                ("Tashkent", 41.30, 69.24),
                ("Tbilisi", 41.72, 44.79),
                ("Tehran", 35.69, 51.39),
                ("Istanbul", 41.01, 28.98),
                ("Frankfurt", 50.11, 8.68),
                ("Islamabad", 33.68, 73.05),
            ]
            .iter()
            .map(|(n, la, lo)| GroundStation::new(n, *la, *lo, 0.0).unwrap())
            .collect();
            let end = start.plus_seconds(days * 86_400.0);
            let o = PassOptions {
                min_elevation_deg: min_el,
                ..Default::default()
            };
            for threads in [1, threads_all] {
                let t0 = Instant::now();
                let results = pool(threads)
                    .install(|| find_passes_many(&sats, &stations, start, end, &o, &|| {}));
                let dt = t0.elapsed().as_secs_f64();
                let passes: usize = results
                    .iter()
                    .map(|r| r.passes.as_ref().map_or(0, Vec::len))
                    .sum();
                let failed = results.iter().filter(|r| r.passes.is_err()).count();
                println!(
                    "{{\"bench\":\"snapshot\",\"threads\":{threads},\"satellites\":{},\"stations\":{},\"days\":{days},\"passes\":{passes},\"failed_pairs\":{failed},\"seconds\":{dt:.3}}}",
                    sats.len(),
                    stations.len()
                );
            }
        }
        _ => eprintln!("usage: bench_orbit propagate|passes|snapshot ..."),
    }
}
