//! Timing of the issue-4 benchmark workload, printed as one JSON line:
//! P.618-13 total attenuation toward GEO 46°E, 12 GHz, p = 0.01 %, 1.2 m,
//! η = 0.65 on the 100 × 100 grid 36–48°N × 44–60°E.
//!
//! `cargo run --release -p silkway-itur --example grid_bench [-- --values FILE]`
//! (`bench/itur/compare.py` runs it next to itur 0.4.0).

use std::time::Instant;

use silkway_itur::Maps;
use silkway_itur::grid::{
    GridLink, linspace, total_attenuation_grid, total_attenuation_grid_serial,
};
use silkway_itur::p618::total::{TotalInput, total_attenuation};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t_start = Instant::now();
    let values_path = std::env::args().skip_while(|a| a != "--values").nth(1);
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
    let maps = Maps::open_default();
    maps.require_installed()?;

    // cold: fresh map handle; the first point loads what it needs from disk
    let input = TotalInput {
        lat_deg: 40.41,
        lon_deg: 49.87,
        hs_km: None,
        freq_ghz: 12.0,
        elevation_deg: silkway_itur::geo::geo_look(40.41, 49.87, 46.0)?.elevation_deg,
        d_m: 1.2,
        eta: 0.65,
        tau_deg: 45.0,
        p_pct: 0.01,
    };
    total_attenuation(&maps, &input)?;
    let cold_point_s = t_start.elapsed().as_secs_f64();
    let t = Instant::now();
    let first = total_attenuation_grid_serial(&maps, &link, &lats, &lons)?;
    let cold_grid_s = t.elapsed().as_secs_f64();
    let cold_total_s = t_start.elapsed().as_secs_f64();

    let mut serial = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let g = total_attenuation_grid_serial(&maps, &link, &lats, &lons)?;
        serial.push(t.elapsed().as_secs_f64());
        assert_eq!(g.len(), 10_000);
    }
    let mut parallel = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let g = total_attenuation_grid(&maps, &link, &lats, &lons)?;
        parallel.push(t.elapsed().as_secs_f64());
        assert_eq!(g.len(), 10_000);
    }
    let n = 2000;
    let t = Instant::now();
    let mut acc = 0.0;
    for _ in 0..n {
        acc += total_attenuation(&maps, &input)?.a_total_db;
    }
    let point_s = t.elapsed().as_secs_f64() / n as f64;
    let baku = acc / n as f64;

    if let Some(p) = values_path {
        // Second column: ITU-Rpy's convention, station heights below sea
        // level (the Caspian depression) clamped to 0, for the comparison.
        let mut s = String::from("lat,lon,elevation_deg,hs_km,a_total_db,a_total_db_hs_clamped\n");
        for g in &first {
            let a = g.attenuation.map_or(f64::NAN, |a| a.a_total_db);
            let hs = silkway_itur::p1511::topographic_height_km(&maps, g.lat_deg, g.lon_deg)?;
            let clamped = total_attenuation(
                &maps,
                &TotalInput {
                    lat_deg: g.lat_deg,
                    lon_deg: g.lon_deg,
                    hs_km: Some(hs.max(1e-9)),
                    elevation_deg: g.elevation_deg,
                    ..input
                },
            )?
            .a_total_db;
            s.push_str(&format!(
                "{},{},{},{hs},{a},{clamped}\n",
                g.lat_deg, g.lon_deg, g.elevation_deg
            ));
        }
        std::fs::write(p, s)?;
    }
    println!(
        "{{\"cold_point_s\": {cold_point_s:.4}, \"cold_total_s\": {cold_total_s:.4}, \"cold_grid_s\": {cold_grid_s:.4}, \"grid_serial_s\": {:.5}, \
         \"grid_parallel_s\": {:.5}, \"threads\": {}, \"point_s\": {point_s:.3e}, \"baku_a_total_db\": {baku:.4}}}",
        median(serial),
        median(parallel),
        rayon::current_num_threads()
    );
    Ok(())
}
