//! Timing of ITU-R P.452-18 for `bench/itur/p452_vs_pycraf.py`.
//!
//! Usage: `p452_bench REPS PROFILE.csv,F_GHZ,P_PCT,HTG,HRG,LON_T,LAT_T,LON_R,LAT_R,GT,GR,POL,DCT,DCR,PRESS,TEMP,DN,N0 ...`
//! For each case: the median time (over REPS runs, one thread) of one
//! complete prediction (path analysis + combination) and its L_b. Then a
//! batch of every case × REPS on the rayon pool (RAYON_NUM_THREADS).
//! One JSON object on stdout.

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use silkway_itur::p452::{Inputs, LonLat, PathProfile, Polarization, predict, read_profile_csv};

fn parse_case(s: &str) -> Result<(PathProfile, Inputs), String> {
    let f: Vec<&str> = s.split(',').collect();
    if f.len() != 18 {
        return Err(format!("case `{s}`: expected 18 comma-separated fields"));
    }
    let n = |i: usize| -> Result<f64, String> {
        f[i].parse::<f64>()
            .map_err(|_| format!("case field {}: not a number: `{}`", i + 1, f[i]))
    };
    let profile = read_profile_csv(Path::new(f[0])).map_err(|e| e.to_string())?;
    let inputs = Inputs {
        freq_ghz: n(1)?,
        p_pct: n(2)?,
        htg_m: n(3)?,
        hrg_m: n(4)?,
        tx: LonLat {
            lon_deg: n(5)?,
            lat_deg: n(6)?,
        },
        rx: LonLat {
            lon_deg: n(7)?,
            lat_deg: n(8)?,
        },
        gt_dbi: n(9)?,
        gr_dbi: n(10)?,
        pol: Polarization::from_code(n(11)? as u8).ok_or("pol must be 1 or 2")?,
        dct_km: n(12)?,
        dcr_km: n(13)?,
        press_hpa: n(14)?,
        temp_c: n(15)?,
        dn: n(16)?,
        n0: n(17)?,
    };
    Ok((profile, inputs))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reps: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(0);
    if reps == 0 || args.len() < 2 {
        eprintln!("usage: p452_bench REPS CASE...");
        std::process::exit(2);
    }
    let cases: Vec<(PathProfile, Inputs)> = match args[1..].iter().map(|s| parse_case(s)).collect()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let mut per_case = Vec::new();
    for (p, inp) in &cases {
        let mut times = Vec::with_capacity(reps);
        let mut lb = 0.0;
        for _ in 0..reps {
            let t = Instant::now();
            let out = match predict(p, inp) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("error: {e}");
                    std::process::exit(1);
                }
            };
            times.push(t.elapsed().as_secs_f64());
            lb = std::hint::black_box(out.lb_db);
        }
        times.sort_by(f64::total_cmp);
        per_case.push(format!(
            "{{\"points\":{},\"median_s\":{:.9},\"lb_db\":{:.6}}}",
            p.len(),
            times[reps / 2],
            lb
        ));
    }
    // Parallel batch: every case `reps` times.
    let jobs: Vec<usize> = (0..cases.len() * reps).map(|k| k % cases.len()).collect();
    let t = Instant::now();
    let sum: f64 = jobs
        .par_iter()
        .map(|&k| {
            predict(&cases[k].0, &cases[k].1)
                .map(|o| o.lb_db)
                .unwrap_or(f64::NAN)
        })
        .sum();
    let batch_s = t.elapsed().as_secs_f64();
    println!(
        "{{\"threads\":{},\"cases\":[{}],\"batch_paths\":{},\"batch_s\":{:.6},\"batch_checksum\":{:.3}}}",
        rayon::current_num_threads(),
        per_case.join(","),
        jobs.len(),
        batch_s,
        sum
    );
}
