//! ValEx validation of the models that need no map: P.676-12 Annex 1/2,
//! P.838-3, P.618-13 XPD.

mod common;

use common::{Check, rows};
use silkway_itur::p618::xpd;
use silkway_itur::p676::{annex1, annex2};
use silkway_itur::p838;

#[test]
fn p676_12_specific_attenuation() {
    let mut g0 = Check::rel("P.676-12 gamma_o", 1e-3);
    let mut gw = Check::rel("P.676-12 gamma_w", 1e-3);
    let mut g = Check::rel("P.676-12 gamma", 1e-3);
    for (i, r) in rows("ITURP676-12_gamma.csv").iter().enumerate() {
        let (f, p, t, rho) = (r["f"], r["P"], r["T"], r["rho"]);
        g0.add(
            i,
            annex1::gamma_oxygen_db_km(f, p, rho, t).unwrap(),
            r["gamma0"],
        );
        gw.add(
            i,
            annex1::gamma_water_db_km(f, p, rho, t).unwrap(),
            r["gammaw"],
        );
        g.add(i, annex1::gamma_db_km(f, p, rho, t).unwrap(), r["gamma"]);
    }
    g0.finish();
    gw.finish();
    g.finish();
}

#[test]
fn p676_12_zenith_water_vapour() {
    let mut c = Check::abs("P.676-12 Aw zenith (dB)", 0.01);
    for (i, r) in rows("ITURP676-12_zenith_attenuation.csv")
        .iter()
        .enumerate()
    {
        let got = annex2::zenith_water_vapour_attenuation_db(r["f"], r["V_t"], r["h"]).unwrap();
        c.add(i, got, r["Aw"]);
    }
    c.finish();
}

#[test]
fn p676_12_slant_path_annex2() {
    let mut c = Check::abs("P.676-12 A_gas slant (dB)", 0.01);
    for (i, r) in rows("ITURP676-12_A_gas.csv").iter().enumerate() {
        let s = annex2::Surface {
            rho_g_m3: r["rho"],
            p_hpa: r["P"],
            temperature_k: r["T"],
            v_t_kg_m2_and_height_km: Some((r["V_t"], r["h"])),
        };
        c.add(
            i,
            annex2::slant_path_attenuation_db(r["f"], r["el"], s).unwrap(),
            r["A_gas"],
        );
    }
    c.finish();
}

#[test]
fn p838_3_rain_specific_attenuation() {
    let mut k = Check::rel("P.838-3 k", 1e-3);
    let mut a = Check::rel("P.838-3 alpha", 1e-3);
    let mut g = Check::rel("P.838-3 gamma_R", 1e-3);
    for (i, r) in rows("ITURP838-3_rain_specific_attenuation.csv")
        .iter()
        .enumerate()
    {
        let c = p838::coefficients(r["f"], r["el"], r["tau"]).unwrap();
        k.add(i, c.k, r["k"]);
        a.add(i, c.alpha, r["alpha"]);
        g.add(
            i,
            p838::specific_attenuation_db_km(r["R"], r["f"], r["el"], r["tau"]).unwrap(),
            r["gamma_r"],
        );
    }
    k.finish();
    a.finish();
    g.finish();
}

#[test]
fn p618_13_xpd() {
    let mut c = Check::abs("P.618-13 XPD (dB)", 0.01);
    for (i, r) in rows("ITURP618-13_A_xpd.csv").iter().enumerate() {
        c.add(
            i,
            xpd::xpd_db(r["Ap"], r["f"], r["el"], r["p"], r["tau"]).unwrap(),
            r["XPD"],
        );
    }
    c.finish();
}

#[test]
fn p676_annex1_ray_tracing_close_to_annex2() {
    // Annex 1 slant path at sea level (standard atmosphere) vs Annex 2 with
    // the same surface state: agree within a few per cent at 14.25 GHz.
    let exact = annex1::slant_path_attenuation_db(14.25, 30.0, 7.5).unwrap();
    let approx = annex2::slant_path_attenuation_db(
        14.25,
        30.0,
        annex2::Surface {
            rho_g_m3: 7.5,
            p_hpa: 1013.25,
            temperature_k: 288.15,
            v_t_kg_m2_and_height_km: None,
        },
    )
    .unwrap();
    assert!(
        (exact - approx).abs() / approx < 0.1,
        "annex1 {exact} vs annex2 {approx}"
    );
}
