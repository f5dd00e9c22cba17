//! Criterion benchmarks of ITU-R P.452-18: one prediction over the ITU
//! `land_70km` profile (2,002 points), its path analysis alone, the
//! combination for another frequency on a prepared analysis, and a
//! generated 380 km Baku → Aktau great-circle profile (needs the maps).

use criterion::{Criterion, criterion_group, criterion_main};
use silkway_itur::p452::{
    Coastline, Inputs, LonLat, PathAnalysis, Polarization, ProfileOptions, great_circle_profile,
    predict, read_profile_csv,
};

fn benches(c: &mut Criterion) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/p452/profiles/test_profile_land_70km.csv");
    let profile = read_profile_csv(&path).unwrap_or_else(|e| panic!("{e}"));
    let inputs = Inputs {
        freq_ghz: 2.0,
        p_pct: 10.0,
        htg_m: 10.0,
        hrg_m: 10.0,
        tx: LonLat {
            lon_deg: 0.0,
            lat_deg: 40.6,
        },
        rx: LonLat {
            lon_deg: 0.0,
            lat_deg: 39.9705,
        },
        gt_dbi: 10.0,
        gr_dbi: 22.0,
        pol: Polarization::Horizontal,
        dct_km: 500.0,
        dcr_km: 500.0,
        press_hpa: 1013.0,
        temp_c: 15.0,
        dn: 46.140044,
        n0: 331.228199,
    };
    c.bench_function("p452_predict_land_70km", |b| {
        b.iter(|| predict(&profile, std::hint::black_box(&inputs)).unwrap())
    });
    c.bench_function("p452_path_analysis_land_70km", |b| {
        b.iter(|| PathAnalysis::new(&profile, std::hint::black_box(&inputs)).unwrap())
    });
    let analysis = PathAnalysis::new(&profile, &inputs).unwrap();
    let other = Inputs {
        freq_ghz: 6.0,
        ..inputs
    };
    c.bench_function("p452_combination_prepared_path", |b| {
        b.iter(|| analysis.predict(std::hint::black_box(&other)).unwrap())
    });
    let maps = silkway_itur::Maps::global();
    if let Err(e) = maps.require_installed() {
        panic!("{e}");
    }
    let baku = LonLat {
        lon_deg: 49.87,
        lat_deg: 40.41,
    };
    let aktau = LonLat {
        lon_deg: 51.17,
        lat_deg: 43.65,
    };
    c.bench_function("p452_great_circle_profile_baku_aktau", |b| {
        b.iter(|| {
            great_circle_profile(
                maps,
                Coastline::caspian_region(),
                baku,
                aktau,
                &ProfileOptions::default(),
            )
            .unwrap()
        })
    });
}

criterion_group!(group, benches);
criterion_main!(group);
