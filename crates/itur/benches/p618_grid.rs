//! Criterion benchmarks of the P.618-13 hot path: one point, and the
//! issue-4 100 × 100 grid (serial and rayon-parallel). Needs the maps.

use criterion::{Criterion, criterion_group, criterion_main};
use silkway_itur::Maps;
use silkway_itur::grid::{
    GridLink, linspace, total_attenuation_grid, total_attenuation_grid_serial,
};
use silkway_itur::p618::total::{TotalInput, total_attenuation};

fn benches(c: &mut Criterion) {
    let maps = Maps::global();
    if let Err(e) = maps.require_installed() {
        panic!("{e}");
    }
    let input = TotalInput {
        lat_deg: 40.41,
        lon_deg: 49.87,
        hs_km: None,
        freq_ghz: 12.0,
        elevation_deg: 43.1,
        d_m: 1.2,
        eta: 0.65,
        tau_deg: 45.0,
        p_pct: 0.01,
    };
    c.bench_function("p618_total_single_point", |b| {
        b.iter(|| total_attenuation(maps, std::hint::black_box(&input)).unwrap())
    });
    let link = GridLink {
        sat_lon_deg: 46.0,
        freq_ghz: 12.0,
        p_pct: 0.01,
        d_m: 1.2,
        eta: 0.65,
        tau_deg: 45.0,
    };
    let lats = linspace(36.0, 48.0, 100);
    let lons = linspace(44.0, 60.0, 100);
    let mut g = c.benchmark_group("p618_grid_100x100");
    g.sample_size(10);
    g.bench_function("serial", |b| {
        b.iter(|| total_attenuation_grid_serial(maps, &link, &lats, &lons).unwrap())
    });
    g.bench_function("rayon", |b| {
        b.iter(|| total_attenuation_grid(maps, &link, &lats, &lons).unwrap())
    });
    g.finish();
}

criterion_group!(p618, benches);
criterion_main!(p618);
