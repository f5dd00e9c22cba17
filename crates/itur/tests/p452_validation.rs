//! ITU-R P.452-18 against the ITU-R WP 3M validation examples
//! (testdata/p452, see its README): every row of every results file, with
//! its profile. Fails when a file or row is missing or unparsable.
//!
//! Tolerances: L_b and every loss intermediate within 0.1 dB; geometric
//! intermediates to the precision the reference prints them (1e-6
//! relative, with absolute floors of 1e-5 for angles and heights).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use silkway_itur::p452::{Inputs, LonLat, PathAnalysis, Polarization, read_profile_csv};

fn data_dir() -> PathBuf {
    std::env::var_os("SILKWAY_P452_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/p452"))
}

fn csv_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (P.452 validation data missing)", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    v.sort();
    v
}

/// Worst error of one quantity.
#[derive(Default)]
struct Worst {
    max_abs: f64,
    at: String,
    fails: usize,
}

const LOSS_TOL_DB: f64 = 0.1;

#[test]
fn p452_matches_itu_validation_examples() {
    let dir = data_dir();
    let results = csv_files(&dir.join("results"));
    let profiles = csv_files(&dir.join("profiles"));
    assert!(!results.is_empty(), "no results files in {}", dir.display());
    assert_eq!(
        results.len(),
        profiles.len(),
        "every profile needs a results file and vice versa"
    );
    let mut worst: BTreeMap<&'static str, Worst> = BTreeMap::new();
    let mut rows_checked = 0;
    let mut path_kind_mismatches = Vec::new();
    for pfile in &profiles {
        // The upstream pairing is by file name: test_profile_X ↔ test_result_X
        // (the results' `profile` column is not always the file's name).
        let stem = pfile.file_name().unwrap().to_string_lossy().to_string();
        let suffix = stem
            .strip_prefix("test_profile")
            .unwrap_or_else(|| panic!("{}: expected test_profile*.csv", pfile.display()));
        let rfile = &dir.join("results").join(format!("test_result{suffix}"));
        assert!(
            rfile.is_file(),
            "{}: no results file {}",
            pfile.display(),
            rfile.display()
        );
        let profile = read_profile_csv(pfile).unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(rfile).unwrap();
        let mut lines = text.lines();
        let header: Vec<String> = lines
            .next()
            .unwrap_or_else(|| panic!("{}: empty", rfile.display()))
            .split(',')
            .map(|s| s.trim().to_string())
            .collect();
        let col: HashMap<&str, usize> = header
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i))
            .collect();
        let mut nrows = 0;
        for (k, line) in lines.enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let line_no = k + 2;
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            assert_eq!(
                fields.len(),
                header.len(),
                "{}:{line_no}: {} fields, header has {}",
                rfile.display(),
                fields.len(),
                header.len()
            );
            let get = |name: &str| -> f64 {
                let i = *col
                    .get(name)
                    .unwrap_or_else(|| panic!("{}: no column `{name}`", rfile.display()));
                fields[i].parse().unwrap_or_else(|_| {
                    panic!(
                        "{}:{line_no}: column `{name}`: not a number: `{}`",
                        rfile.display(),
                        fields[i]
                    )
                })
            };
            let inputs = Inputs {
                freq_ghz: get("f (GHz)"),
                p_pct: get("p (%)"),
                htg_m: get("htg (m)"),
                hrg_m: get("hrg (m)"),
                tx: LonLat {
                    lon_deg: get("phit_e (deg)"),
                    lat_deg: get("phit_n (deg)"),
                },
                rx: LonLat {
                    lon_deg: get("phir_e (deg)"),
                    lat_deg: get("phir_n (deg)"),
                },
                gt_dbi: get("Gt (dBi)"),
                gr_dbi: get("Gr (dBi)"),
                pol: Polarization::from_code(get("pol (1-h/2-v)") as u8).expect("pol 1 or 2"),
                dct_km: get("dct (km)"),
                dcr_km: get("dcr (km)"),
                press_hpa: get("press (hPa)"),
                temp_c: get("temp (deg C)"),
                dn: get("DN"),
                n0: get("N0"),
            };
            let analysis = PathAnalysis::new(&profile, &inputs)
                .unwrap_or_else(|e| panic!("{}:{line_no}: {e}", rfile.display()));
            let out = analysis
                .predict(&inputs)
                .unwrap_or_else(|e| panic!("{}:{line_no}: {e}", rfile.display()));
            let g = out.geometry;
            let where_ = format!("{}:{line_no}", rfile.file_name().unwrap().to_string_lossy());
            let mut check = |name: &'static str, ours: f64, reference: f64, tol: f64| {
                let err = (ours - reference).abs();
                let w = worst.entry(name).or_default();
                if err.is_nan() || err > tol {
                    w.fails += 1;
                    eprintln!(
                        "{where_}: {name} = {ours:.8}, reference {reference:.8} (|Δ| {err:.3e} > {tol:.1e})"
                    );
                }
                if err > w.max_abs || err.is_nan() {
                    w.max_abs = err;
                    w.at = where_.clone();
                }
            };
            let geo_tol = |v: f64, floor: f64| (1e-6 * v.abs()).max(floor);
            for (name, ours, reference) in [
                ("Lb", out.lb_db, get("Lb")),
                ("Lbfsg", out.lbfsg_db, get("Lbfsg")),
                ("Lb0p", out.lb0p_db, get("Lb0p")),
                ("Lb0b", out.lb0b_db, get("Lb0b")),
                ("Ldsph", out.ldsph_db, get("Ldsph")),
                ("Ld50", out.ld50_db, get("Ld50")),
                ("Ldp", out.ldp_db, get("Ldp")),
                ("Lbs", out.lbs_db, get("Lbs")),
                ("Lba", out.lba_db, get("Lba")),
            ] {
                check(name, ours, reference, LOSS_TOL_DB);
            }
            for (name, ours, reference) in [
                ("ae", out.ae_km, get("ae")),
                ("dtot", g.dtot_km, get("dtot")),
                ("hts", g.hts_m, get("hts")),
                ("hrs", g.hrs_m, get("hrs")),
                ("theta_t", g.theta_t_mrad, get("theta_t")),
                ("theta_r", g.theta_r_mrad, get("theta_r")),
                ("theta", g.theta_mrad, get("theta")),
                ("hm", g.hm_m, get("hm")),
                ("hte", g.hte_m, get("hte")),
                ("hre", g.hre_m, get("hre")),
                ("hstd", g.hstd_m, get("hstd")),
                ("hsrd", g.hsrd_m, get("hsrd")),
                ("dlt", g.dlt_km, get("dlt")),
                ("dlr", g.dlr_km, get("dlr")),
                ("dtm", out.dtm_km, get("dtm")),
                ("dlm", out.dlm_km, get("dlm")),
                ("b0", out.b0_pct, get("b0")),
                ("omega", out.omega, get("omega")),
            ] {
                check(name, ours, reference, geo_tol(reference, 2e-6));
            }
            let kind = fields[col["path"]];
            if kind != g.kind.label() {
                path_kind_mismatches.push(format!("{where_}: {} vs {kind}", g.kind.label()));
            }
            nrows += 1;
        }
        assert!(nrows > 0, "{}: no data rows", rfile.display());
        rows_checked += nrows;
    }
    eprintln!(
        "P.452-18: {rows_checked} rows in {} files; max |ours − ITU|:",
        results.len()
    );
    let mut failed = 0;
    for (name, w) in &worst {
        eprintln!(
            "  {name:8} {:.3e}  (at {}){}",
            w.max_abs,
            w.at,
            if w.fails > 0 {
                format!("  {} FAILED", w.fails)
            } else {
                String::new()
            }
        );
        failed += w.fails;
    }
    assert!(
        path_kind_mismatches.is_empty(),
        "path kind: {path_kind_mismatches:?}"
    );
    assert_eq!(failed, 0, "{failed} values outside tolerance (see above)");
}

/// A generated Baku → Aktau path crosses the Caspian: zones A1 at both
/// ends, B in between; needs the P.1511 map (installed by scripts/test.sh).
#[test]
fn generated_caspian_crossing_has_sea_zone() {
    use silkway_itur::p452::{Coastline, ProfileOptions, Zone, great_circle_profile};
    let maps = silkway_itur::Maps::global();
    assert!(
        maps.is_installed(),
        "ITU-R maps not installed in {}: run `{}`",
        maps.dir().display(),
        silkway_itur::INSTALL_HINT
    );
    let baku = LonLat {
        lon_deg: 49.87,
        lat_deg: 40.41,
    };
    let aktau = LonLat {
        lon_deg: 51.17,
        lat_deg: 43.65,
    };
    let g = great_circle_profile(
        maps,
        Coastline::caspian_region(),
        baku,
        aktau,
        &ProfileOptions::default(),
    )
    .unwrap();
    let z = g.profile.zones();
    let sea = z.iter().filter(|&&z| z == Zone::Sea).count() as f64 / z.len() as f64;
    assert!(sea > 0.8, "sea fraction {sea}");
    assert_eq!(z[0], Zone::CoastalLand);
    assert!(
        g.dct_km < 10.0 && g.dcr_km < 10.0,
        "{} {}",
        g.dct_km,
        g.dcr_km
    );
    let inputs = Inputs {
        freq_ghz: 2.0,
        p_pct: 1.0,
        htg_m: 30.0,
        hrg_m: 30.0,
        tx: baku,
        rx: aktau,
        gt_dbi: 20.0,
        gr_dbi: 20.0,
        pol: Polarization::Vertical,
        dct_km: g.dct_km,
        dcr_km: g.dcr_km,
        press_hpa: 1013.25,
        temp_c: 15.0,
        dn: 45.0,
        n0: 330.0,
    };
    let out = silkway_itur::p452::predict(&g.profile, &inputs).unwrap();
    assert!(out.omega > 0.8, "{}", out.omega);
    // A 380 km trans-horizon sea path at 1 %: well above free space.
    assert!(
        out.lb_db > out.lbfsg_db + 5.0 && out.lb_db < 260.0,
        "{}",
        out.lb_db
    );
}
