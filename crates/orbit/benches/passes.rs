//! Pass search hot path: the ISS over Baku for 7 days, minimum elevation
//! 10° (criterion; peer comparison against Skyfield in bench/orbit).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use silkway_orbit::passes::{PassOptions, find_passes};
use silkway_orbit::station::GroundStation;
use silkway_orbit::tle::parse_tle_text;
use silkway_orbit::{Satellite, UtcTime};

const ISS: &str = "ISS (ZARYA)
1 25544U 98067A   26150.51748228  .00011776  00000+0  21767-3 0  9998
2 25544  51.6337  27.5746 0007245 114.7080 245.4664 15.49496548569014
";

fn bench(c: &mut Criterion) {
    let set = parse_tle_text("bench", ISS, Default::default())
        .sets
        .remove(0);
    let sat = Satellite::new(set).unwrap();
    let baku = GroundStation::parse("Baku:40.41,49.87,0").unwrap();
    let start = UtcTime::parse_rfc3339("2026-05-31T00:00:00Z").unwrap();
    let end = start.plus_seconds(7.0 * 86_400.0);
    let options = PassOptions {
        min_elevation_deg: 10.0,
        ..Default::default()
    };
    let mut group = c.benchmark_group("passes");
    group
        .sample_size(20)
        .measurement_time(std::time::Duration::from_secs(2));
    group.bench_function("iss_baku_7d_10deg", |b| {
        b.iter(|| {
            find_passes(black_box(&sat), &baku, start, end, &options)
                .unwrap()
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
