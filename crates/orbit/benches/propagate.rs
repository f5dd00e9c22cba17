//! SGP4 propagation hot path: one LEO and one resonant deep-space element
//! set, 1,440 one-minute steps (criterion; peer comparison in bench/orbit).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use silkway_orbit::Satellite;
use silkway_orbit::tle::parse_tle_text;

const TLES: &str = "ISS (ZARYA)
1 25544U 98067A   26150.51748228  .00011776  00000+0  21767-3 0  9998
2 25544  51.6337  27.5746 0007245 114.7080 245.4664 15.49496548569014
TDRS 3
1 19548U 88091B   26150.42208977 -.00000296  00000+0  00000+0 0  9992
2 19548  12.6156 341.1225 0039238 356.7275  12.9243  1.00281048125214
";

fn bench(c: &mut Criterion) {
    let sats: Vec<Satellite> = parse_tle_text("bench", TLES, Default::default())
        .sets
        .into_iter()
        .map(|s| Satellite::new(s).unwrap())
        .collect();
    let minutes: Vec<f64> = (0..1440).map(f64::from).collect();
    let mut group = c.benchmark_group("propagate_1440_steps");
    group
        .sample_size(20)
        .measurement_time(std::time::Duration::from_secs(2));
    for sat in &sats {
        group.bench_function(sat.name(), |b| {
            let mut out = Vec::with_capacity(1440);
            b.iter(|| {
                out.clear();
                sat.propagate_minutes_series(black_box(&minutes), &mut out);
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
