//! ValEx validation of ITU-R P.618-13: rain attenuation, scintillation and
//! total attenuation; and the FACTS.md worked example (Baku → 46°E).

mod common;

use common::{Check, maps, rows};
use silkway_itur::geo::geo_look;
use silkway_itur::p618::inverse::{Exceedance, total_exceedance};
use silkway_itur::p618::rain::{RainOverrides, rain_attenuation, rain_attenuation_probability_pct};
use silkway_itur::p618::scintillation::{ScintillationInput, scintillation_attenuation_db};
use silkway_itur::p618::total::{TotalInput, total_attenuation};
use silkway_itur::p676::annex2;
use silkway_itur::{p453, p525, p835, p836, p840, p1510};

#[test]
fn p618_13_rain_attenuation() {
    let mut a = Check::abs("P.618-13 A_rain (dB)", 0.01);
    let mut ls = Check::rel("P.618-13 Ls", 1e-3);
    let mut r001 = Check::rel("P.618-13 R001", 1e-3);
    let mut prain = Check::rel("P.618-13 P_rain (%)", 1e-3);
    let mut nwet = Check::rel("P.618-13 N_wet", 1e-3);
    for (i, r) in rows("ITURP618-13_A_rain.csv").iter().enumerate() {
        let ov = RainOverrides {
            hs_km: Some(r["hs"]),
            ..Default::default()
        };
        let got = rain_attenuation(
            maps(),
            r["lat"],
            r["lon"],
            r["f"],
            r["el"],
            r["tau"],
            r["p"],
            ov,
        )
        .unwrap();
        a.add(i, got.a_p_db, r["A_rain"]);
        ls.add(i, got.ls_km, r["Ls"]);
        r001.add(i, got.r001_mm_h, r["R001"]);
        let p =
            rain_attenuation_probability_pct(maps(), r["lat"], r["lon"], r["el"], Some(r["hs"]))
                .unwrap();
        prain.add(i, p, r["P_rain"]);
        nwet.add(
            i,
            p453::map_wet_refractivity(maps(), r["lat"], r["lon"], 50.0).unwrap(),
            r["N_wet"],
        );
    }
    for c in [a, ls, r001, prain, nwet] {
        c.finish();
    }
}

#[test]
fn p618_13_scintillation() {
    let mut c = Check::abs("P.618-13 A_scin (dB)", 0.01);
    for (i, r) in rows("ITURP618-13_A_sci.csv").iter().enumerate() {
        let s = ScintillationInput {
            freq_ghz: r["f"],
            elevation_deg: r["el"],
            d_m: r["D"],
            eta: r["eta"],
            p_pct: r["p"],
        };
        c.add(
            i,
            scintillation_attenuation_db(maps(), r["lat"], r["lon"], s).unwrap(),
            r["A_scin"],
        );
    }
    c.finish();
}

#[test]
fn p618_13_total_attenuation() {
    let mut gas = Check::abs("P.618-13 total: A_gas (dB)", 0.01);
    let mut cloud = Check::abs("P.618-13 total: A_clouds (dB)", 0.01);
    let mut rain = Check::abs("P.618-13 total: A_rain (dB)", 0.01);
    let mut sci = Check::abs("P.618-13 total: A_scin (dB)", 0.01);
    let mut tot = Check::abs("P.618-13 total: A_total (dB)", 0.01);
    let mut gas_p = Check::abs("P.618-13 total: A_gas(max(p,0.1)) (dB)", 0.01);
    let mut cloud_p = Check::abs("P.618-13 total: A_clouds(max(p,0.1))", 0.01);
    for (i, r) in rows("ITURP618-13_A_total.csv").iter().enumerate() {
        let input = TotalInput {
            lat_deg: r["lat"],
            lon_deg: r["lon"],
            hs_km: Some(r["hs"]),
            freq_ghz: r["f"],
            elevation_deg: r["el"],
            d_m: r["D"],
            eta: r["eta"],
            tau_deg: r["tau"],
            p_pct: r["p"],
        };
        let t = total_attenuation(maps(), &input).unwrap();
        // §2.5 eqs. (65)-(66): the total uses the 1 % gas and cloud values
        // (columns A_gas_1, A_clouds_1).
        gas.add(i, t.a_gas_db, r["A_gas_1"]);
        cloud.add(i, t.a_cloud_db, r["A_clouds_1"]);
        // The A_gas / A_clouds columns hold the same models at max(p, 0.1) %.
        let pg = r["p"].max(0.1);
        let (lat, lon, hs) = (r["lat"], r["lon"], r["hs"]);
        let s = annex2::Surface {
            rho_g_m3: p836::surface_water_vapour_density_g_m3(maps(), lat, lon, pg, Some(hs))
                .unwrap(),
            p_hpa: p835::standard_pressure_hpa(hs).unwrap(),
            temperature_k: p1510::surface_mean_temperature_k(maps(), lat, lon).unwrap(),
            v_t_kg_m2_and_height_km: Some((
                p836::total_water_vapour_content_kg_m2(maps(), lat, lon, pg, Some(hs)).unwrap(),
                hs,
            )),
        };
        gas_p.add(
            i,
            annex2::slant_path_attenuation_db(r["f"], r["el"], s).unwrap(),
            r["A_gas"],
        );
        cloud_p.add(
            i,
            p840::cloud_attenuation_db(maps(), lat, lon, r["el"], r["f"], pg).unwrap(),
            r["A_clouds"],
        );
        rain.add(i, t.a_rain_db, r["A_rain"]);
        sci.add(i, t.a_scint_db, r["A_scin"]);
        tot.add(i, t.a_total_db, r["A_total"]);
    }
    for c in [gas, cloud, rain, sci, tot, gas_p, cloud_p] {
        c.finish();
    }
}

/// FACTS.md: Baku (40.41N, 49.87E) → GEO 46°E, 12 GHz, 1.2 m: elevation
/// ≈ 43.1°, free-space loss ≈ 205.5 dB, total attenuation ≈ 4.22 / 1.54 /
/// 0.79 dB exceeded 0.01 / 0.1 / 0.5 %.
#[test]
fn baku_to_azerspace_worked_example() {
    let look = geo_look(40.41, 49.87, 46.0).unwrap();
    assert!(
        (look.elevation_deg - 43.1).abs() < 0.05,
        "elevation {}",
        look.elevation_deg
    );
    let fsl = p525::free_space_loss_db(12.0, look.slant_range_km).unwrap();
    assert!((fsl - 205.5).abs() < 0.05, "free-space loss {fsl}");
    for (p, want) in [(0.01, 4.22), (0.1, 1.54), (0.5, 0.79)] {
        let input = TotalInput {
            lat_deg: 40.41,
            lon_deg: 49.87,
            hs_km: None,
            freq_ghz: 12.0,
            elevation_deg: look.elevation_deg,
            d_m: 1.2,
            eta: 0.65,
            tau_deg: 45.0,
            p_pct: p,
        };
        let t = total_attenuation(maps(), &input).unwrap();
        eprintln!("Baku p={p}: {t:?}");
        assert!(
            (t.a_total_db - want).abs() < 0.005,
            "p={p}: total {} vs {want}",
            t.a_total_db
        );
        // the inverse gives p back
        match total_exceedance(maps(), &input, t.a_total_db).unwrap() {
            Exceedance::Pct(q) => assert!((q - p).abs() / p < 1e-4, "inverse {q} vs {p}"),
            other => panic!("inverse out of range: {other:?}"),
        }
    }
}
