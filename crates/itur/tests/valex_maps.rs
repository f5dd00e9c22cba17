//! ValEx validation of the map-based models: P.453-14, P.836-6, P.837-7,
//! P.839-4, P.840-8, P.1510-1, P.1511-2. Needs the installed maps.

mod common;

use common::{Check, maps, rows};
use silkway_itur::{p453, p836, p837, p839, p840, p1510, p1511};

#[test]
fn p1510_1_temperature() {
    let mut c = Check::rel("P.1510-1 T", 1e-3);
    for (i, r) in rows("ITURP1510-1_temperature.csv").iter().enumerate() {
        c.add(
            i,
            p1510::surface_mean_temperature_k(maps(), r["lat"], r["lon"]).unwrap(),
            r["T"],
        );
    }
    c.finish();
}

#[test]
fn p1511_2_topographic_height() {
    let mut c = Check::rel("P.1511-2 hs", 1e-3);
    for (i, r) in rows("ITURP1511-2_topographic_altitude.csv")
        .iter()
        .enumerate()
    {
        c.add(
            i,
            p1511::topographic_height_km(maps(), r["lat"], r["lon"]).unwrap(),
            r["hs"],
        );
    }
    c.finish();
}

#[test]
fn p453_14_nwet() {
    let mut c = Check::rel("P.453-14 Nwet", 1e-3);
    for (i, r) in rows("ITURP453-14_Nwet.csv").iter().enumerate() {
        c.add(
            i,
            p453::map_wet_refractivity(maps(), r["lat"], r["lon"], r["p"]).unwrap(),
            r["Nwet"],
        );
    }
    c.finish();
}

#[test]
fn p836_6_rho_and_v() {
    let mut c = Check::rel("P.836-6 rho", 1e-3);
    for (i, r) in rows("ITURP836-6_surface_water_vapour_density_annual.csv")
        .iter()
        .enumerate()
    {
        let got = p836::surface_water_vapour_density_g_m3(
            maps(),
            r["lat"],
            r["lon"],
            r["p"],
            Some(r["alt"]),
        )
        .unwrap();
        c.add(i, got, r["rho"]);
    }
    c.finish();
    let mut c = Check::rel("P.836-6 V", 1e-3);
    for (i, r) in rows("ITURP836-6_total_water_vapour_content_annual.csv")
        .iter()
        .enumerate()
    {
        let got = p836::total_water_vapour_content_kg_m2(
            maps(),
            r["lat"],
            r["lon"],
            r["p"],
            Some(r["alt"]),
        )
        .unwrap();
        c.add(i, got, r["V"]);
    }
    c.finish();
}

#[test]
fn p837_7_rainfall() {
    let mut c = Check::rel("P.837-7 R001 map", 1e-3);
    for (i, r) in rows("ITURP837-7_rainfall_rate_R001.csv").iter().enumerate() {
        c.add(
            i,
            p837::r001_mm_h(maps(), r["lat"], r["lon"]).unwrap(),
            r["Rp"],
        );
    }
    c.finish();
    let mut c = Check::rel("P.837-7 Rp (monthly method)", 1e-3);
    for (i, r) in rows("ITURP837-7_rainfall_rate.csv").iter().enumerate() {
        c.add(
            i,
            p837::rainfall_rate_mm_h(maps(), r["lat"], r["lon"], r["p"]).unwrap(),
            r["Rp"],
        );
    }
    c.finish();
    let mut c = Check::rel("P.837-7 P0", 1e-3);
    for (i, r) in rows("ITURP837-7_rainfall_rate_probability.csv")
        .iter()
        .enumerate()
    {
        c.add(
            i,
            p837::rain_probability_pct(maps(), r["lat"], r["lon"]).unwrap(),
            r["p"],
        );
    }
    c.finish();
}

#[test]
fn p839_4_rain_height() {
    let mut h0 = Check::rel("P.839-4 h0", 1e-3);
    let mut hr = Check::rel("P.839-4 hR", 1e-3);
    for (i, r) in rows("ITURP839-4_rain_height.csv").iter().enumerate() {
        h0.add(
            i,
            p839::isotherm_0c_height_km(maps(), r["lat"], r["lon"]).unwrap(),
            r["h0"],
        );
        hr.add(
            i,
            p839::rain_height_km(maps(), r["lat"], r["lon"]).unwrap(),
            r["hr"],
        );
    }
    h0.finish();
    hr.finish();
}

#[test]
fn p840_8_clouds() {
    let mut c = Check::rel("P.840-8 Lred", 1e-3);
    for (i, r) in rows("ITURP840-8_columnar_content_reduced_liquid.csv")
        .iter()
        .enumerate()
    {
        c.add(
            i,
            p840::reduced_liquid_kg_m2(maps(), r["lat"], r["lon"], r["p"]).unwrap(),
            r["Lred"],
        );
    }
    c.finish();
    let mut c = Check::abs("P.840-8 Ac (dB)", 0.01);
    for (i, r) in rows("ITURP840-8_cloud_attenuation.csv").iter().enumerate() {
        let got = p840::cloud_attenuation_db(maps(), r["lat"], r["lon"], r["el"], r["f"], r["p"])
            .unwrap();
        c.add(i, got, r["Ac"]);
    }
    c.finish();
}
