//! The ITU-R endpoints against references nobody here wrote (ITU WP 3M's
//! P.452-18 validation examples, P.838-3's published coefficients) and
//! against the README's P.618 example (the inverse must undo it); the map
//! look-ups equal silkway-itur's. These need the ITU-R maps and fail
//! without them.

mod common;

use common::*;
use serde_json::{Value, json};
use silkway_itur::{Maps, p837, p839, p1510, p1511};

const ITU_P452: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../itur/testdata/p452");

fn csv(path: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').map(|c| c.trim().to_owned()).collect())
        .collect()
}

/// ITU WP 3M validation example: profile `cebreros_3995`, every result row
/// (frequencies, percentages, heights, polarizations); Lb within 1e-6 dB.
#[tokio::test]
async fn p452_reproduces_the_itu_validation_example() {
    let profile = csv(&format!(
        "{ITU_P452}/profiles/test_profile_cebreros_3995.csv"
    ));
    let col = |i: usize| -> Vec<Value> {
        profile
            .iter()
            .map(|r| json!(r[i].parse::<f64>().unwrap()))
            .collect()
    };
    let zones: Vec<Value> = profile.iter().map(|r| json!(r[3])).collect();
    let results = csv(&format!("{ITU_P452}/results/test_result_cebreros_3995.csv"));
    assert!(
        results.len() > 10,
        "the results file has {} rows",
        results.len()
    );
    let st = state();
    for row in results.iter().step_by(7) {
        let f = |i: usize| row[i].parse::<f64>().unwrap();
        let body = json!({
            "profile": {"d_km": col(0), "h_m": col(1), "clutter_m": col(2), "zones": zones},
            "f_ghz": f(1), "p_pct": f(2), "htg_m": f(3), "hrg_m": f(4),
            "phit_e": f(5), "phit_n": f(6), "phir_e": f(7), "phir_n": f(8),
            "gt_dbi": f(9), "gr_dbi": f(10), "pol": if f(11) == 1.0 { "h" } else { "v" },
            "dct_km": f(12), "dcr_km": f(13), "press_hpa": f(14), "temp_c": f(15),
            "dn": f(35), "n0": f(36),
        });
        let v = ok(&st, "/itu/p452", body).await;
        let lb = v["lb_db"].as_f64().unwrap();
        assert!(
            (lb - f(37)).abs() < 1e-6,
            "Lb {lb} vs ITU {}: {row:?}",
            f(37)
        );
        assert!((v["lbfsg_db"].as_f64().unwrap() - f(38)).abs() < 1e-6);
        assert!((v["dtot_km"].as_f64().unwrap() - f(17)).abs() < 1e-4);
    }
}

#[tokio::test]
async fn p452_great_circle_and_bad_inputs() {
    let st = state();
    // Baku → Lankaran-like path across land and the Caspian shore.
    let base = json!({
        "great_circle": {"step_km": 1.0},
        "f_ghz": 6.0, "p_pct": 20.0, "htg_m": 30.0, "hrg_m": 30.0,
        "phit_e": 49.87, "phit_n": 40.41, "phir_e": 48.85, "phir_n": 38.75,
        "gt_dbi": 0.0, "gr_dbi": 0.0, "pol": "v", "dn": 45.0, "n0": 325.0,
    });
    let v = ok(&st, "/itu/p452", base.clone()).await;
    assert!(v["profile"].as_str().unwrap().starts_with("great circle"));
    let d = v["dtot_km"].as_f64().unwrap();
    assert!((190.0..215.0).contains(&d), "{v}");
    assert!(v["lb_db"].as_f64().unwrap() >= v["lbfsg_db"].as_f64().unwrap() - 1e-9);

    let mut bad = base.clone();
    bad["pol"] = json!("x");
    assert_problem(&post(&st, "/itu/p452", bad).await, 422, "pol");
    let mut bad = base.clone();
    bad["profile"] =
        json!({"d_km": [0, 1, 2, 3], "h_m": [0, 0, 0, 0], "zones": ["A2", "A2", "Q", "A2"]});
    assert_problem(&post(&st, "/itu/p452", bad).await, 422, "profile");
    let mut bad = base;
    bad.as_object_mut().unwrap().remove("great_circle");
    bad["profile"] =
        json!({"d_km": [0, 1, 2, 3], "h_m": [0, 0, 0, 0], "zones": ["A2", "A2", "Q", "A2"]});
    assert_problem(
        &post(&st, "/itu/p452", bad.clone()).await,
        422,
        "profile.zones[2]",
    );
    bad["profile"]["zones"] = json!(["A2", "A2", "A2", "A2"]);
    assert_problem(&post(&st, "/itu/p452", bad).await, 422, "dct_km");
}

/// P.838-3 Table 5 at 12 GHz: kH = 0.02386, αH = 1.1825, kV = 0.02455,
/// αV = 1.1216.
#[tokio::test]
async fn p838_matches_the_published_coefficients() {
    let st = state();
    let h = ok(
        &st,
        "/itu/p838",
        json!({"freq_ghz": 12.0, "tau_deg": 0.0, "r_mm_h": 30.0}),
    )
    .await;
    assert!((h["k"].as_f64().unwrap() - 0.02386).abs() < 5e-6, "{h}");
    assert!((h["alpha"].as_f64().unwrap() - 1.1825).abs() < 5e-5, "{h}");
    let gamma = 0.02386 * 30f64.powf(1.1825);
    assert!(
        (h["gamma_r_db_km"].as_f64().unwrap() - gamma).abs() / gamma < 1e-3,
        "{h}"
    );
    let v = ok(&st, "/itu/p838", json!({"freq_ghz": 12.0, "tau_deg": 90.0})).await;
    assert!((v["k"].as_f64().unwrap() - 0.02455).abs() < 5e-6, "{v}");
    assert!((v["alpha"].as_f64().unwrap() - 1.1216).abs() < 5e-5, "{v}");
    assert_problem(
        &post(&st, "/itu/p838", json!({"freq_ghz": 12.0, "colour": 1})).await,
        422,
        "colour",
    );
}

#[tokio::test]
async fn p676_oxygen_and_water_vapour() {
    let st = state();
    // Near the 22.235 GHz water line, vapour dominates; at 60 GHz, oxygen.
    let w = ok(&st, "/itu/p676", json!({"freq_ghz": 22.235})).await;
    assert!(w["gamma_w_db_km"].as_f64().unwrap() > w["gamma_o_db_km"].as_f64().unwrap());
    let o = ok(
        &st,
        "/itu/p676",
        json!({"freq_ghz": 60.0, "elevation_deg": 30.0}),
    )
    .await;
    assert!(o["gamma_o_db_km"].as_f64().unwrap() > 10.0, "{o}");
    assert!(o["a_gas_slant_db"].as_f64().unwrap() > 0.0);
    assert_problem(
        &post(
            &st,
            "/itu/p676",
            json!({"freq_ghz": 12.0, "v_t_kg_m2": 20.0}),
        )
        .await,
        422,
        "elevation_deg",
    );
}

/// The inverse undoes the README's Baku example: 4.216 dB is exceeded
/// 0.01 % of the year, 1.543 dB 0.1 %.
#[tokio::test]
async fn p618_exceedance_inverts_the_readme_example() {
    require_maps();
    let st = state();
    let v = ok(
        &st,
        "/itu/p618-exceedance",
        json!({
            "lat_deg": 40.41, "lon_deg": 49.87, "freq_ghz": 12.0, "elevation_deg": 43.13,
            "d_m": 1.2, "eta": 0.65, "tau_deg": 45.0, "a_db": [4.216, 1.543, 0.0],
        }),
    )
    .await;
    let rows = v["rows"].as_array().unwrap();
    let p0 = rows[0]["p_pct"].as_f64().unwrap();
    let p1 = rows[1]["p_pct"].as_f64().unwrap();
    assert!((p0 / 0.01 - 1.0).abs() < 0.01, "{v}");
    assert!((p1 / 0.1 - 1.0).abs() < 0.01, "{v}");
    assert!(
        rows[2]["p_pct"].is_null(),
        "0 dB is exceeded more than 50 % of the time: {v}"
    );
    let r = post(&st, "/itu/p618-exceedance", json!({
        "lat_deg": 40.41, "lon_deg": 49.87, "freq_ghz": 12.0, "elevation_deg": 43.13, "d_m": 1.2, "a_db": [-1.0],
    }))
    .await;
    assert_problem(&r, 422, "a_db[0]");
}

/// Equal to the last bits JSON keeps.
fn same(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{a} vs {b}");
}

#[tokio::test]
async fn map_lookups_equal_the_library() {
    require_maps();
    let maps = Maps::global();
    let st = state();
    let (lat, lon) = (40.41, 49.87);
    let site = json!({"lat_deg": lat, "lon_deg": lon});
    let v = ok(&st, "/itu/p1511", site.clone()).await;
    same(
        v["hs_km"].as_f64().unwrap(),
        p1511::topographic_height_km(maps, lat, lon).unwrap(),
    );
    let v = ok(&st, "/itu/p1510", site.clone()).await;
    same(
        v["t_k"].as_f64().unwrap(),
        p1510::surface_mean_temperature_k(maps, lat, lon).unwrap(),
    );
    let v = ok(&st, "/itu/p839", site.clone()).await;
    same(
        v["hr_km"].as_f64().unwrap(),
        p839::rain_height_km(maps, lat, lon).unwrap(),
    );
    let v = ok(
        &st,
        "/itu/p837",
        json!({"lat_deg": lat, "lon_deg": lon, "p_pct": 0.01}),
    )
    .await;
    same(
        v["r001_mm_h"].as_f64().unwrap(),
        p837::r001_mm_h(maps, lat, lon).unwrap(),
    );
    // R exceeded 0.01 % equals R0.01.
    let r = v["rainfall_rate_mm_h"].as_f64().unwrap();
    assert!(
        (r / v["r001_mm_h"].as_f64().unwrap() - 1.0).abs() < 0.02,
        "{v}"
    );
    let v = ok(&st, "/itu/p840", json!({"lat_deg": lat, "lon_deg": lon, "p_pct": 1.0, "freq_ghz": 30.0, "elevation_deg": 40.0})).await;
    assert!(v["a_cloud_db"].as_f64().unwrap() > 0.0, "{v}");
    let v = ok(
        &st,
        "/itu/p836",
        json!({"lat_deg": lat, "lon_deg": lon, "p_pct": 50.0}),
    )
    .await;
    assert!(v["rho_g_m3"].as_f64().unwrap() > 1.0, "{v}");
    let v = ok(&st, "/itu/p453", site).await;
    assert!(v["n_wet"].as_f64().unwrap() > 10.0, "{v}");
    assert_problem(
        &post(&st, "/itu/p840", json!({"lat_deg": lat, "lon_deg": lon})).await,
        422,
        "p_pct",
    );
    assert_problem(
        &post(
            &st,
            "/itu/p840",
            json!({"lat_deg": lat, "lon_deg": lon, "p_pct": 1.0, "freq_ghz": 30.0}),
        )
        .await,
        422,
        "elevation_deg",
    );
}
