//! Approximate estimation of gaseous attenuation on slant paths,
//! ITU-R P.676-12 Annex 2.
//!
//! # References
//! - ITU-R P.676-12 (2019) Annex 2 §2.1: oxygen equivalent height h_o
//!   (eqs. (31)–(34)) and water-vapour equivalent height h_w
//!   (eqs. (35)–(37)); the specific attenuations are those of Annex 1.
//! - Annex 2 §2.2: slant-path attenuation for 5° ≤ θ ≤ 90°,
//!   A = (A_o + A_w)/sin θ, eq. (29).
//! - Annex 2 §2.3: zenith water-vapour attenuation from the integrated
//!   water-vapour content V_t (P.836), eqs. (39)–(42).

use super::annex1::{gamma_oxygen_unchecked, gamma_water_unchecked};
use super::lines;
use crate::Result;
use crate::error::check_range;

/// Line centres and coefficients of the h_o term t2 (eq. (33)).
const T2: [(f64, f64); 7] = [
    (0.1597, 118.750334),
    (0.1066, 368.498246),
    (0.1325, 424.763020),
    (0.1242, 487.249273),
    (0.0938, 715.392902),
    (0.1448, 773.839490),
    (0.1374, 834.145546),
];
/// Lines of the h_w formula (eq. (36)): f_i, a_i, b_i.
const HW: [(f64, f64, f64); 14] = [
    (22.23508, 1.52, 2.56),
    (183.310087, 7.62, 10.2),
    (325.152888, 1.56, 2.7),
    (380.197353, 4.15, 5.7),
    (439.150807, 0.2, 0.91),
    (448.001085, 1.63, 2.46),
    (474.689092, 0.76, 2.22),
    (488.490108, 0.26, 2.49),
    (556.935985, 7.81, 10.0),
    (620.70087, 1.25, 2.35),
    (752.033113, 16.2, 20.0),
    (916.171582, 1.47, 2.58),
    (970.315022, 1.36, 2.44),
    (987.926764, 1.6, 1.86),
];

/// Equivalent heights (km) of oxygen `h_o` and water vapour `h_w`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EquivalentHeights {
    /// Oxygen equivalent height (km).
    pub h_oxygen_km: f64,
    /// Water-vapour equivalent height (km).
    pub h_water_km: f64,
}

/// Equivalent heights at `freq_ghz` for dry pressure `p_hpa`, water-vapour
/// density `rho_g_m3` and temperature `temperature_k`, eqs. (31)–(37).
pub fn equivalent_heights(
    freq_ghz: f64,
    p_hpa: f64,
    rho_g_m3: f64,
    temperature_k: f64,
) -> Result<EquivalentHeights> {
    check_range(
        "freq_ghz",
        freq_ghz,
        1.0,
        350.0,
        "a frequency in [1, 350] GHz",
    )?;
    check_range("p_hpa", p_hpa, 0.0, 2000.0, "a pressure in hPa")?;
    check_range("rho_g_m3", rho_g_m3, 0.0, 100.0, "a density in g/m³")?;
    check_range(
        "temperature_k",
        temperature_k,
        100.0,
        400.0,
        "a temperature in K",
    )?;
    Ok(heights_unchecked(freq_ghz, p_hpa, rho_g_m3, temperature_k))
}

fn heights_unchecked(f: f64, p: f64, rho: f64, t: f64) -> EquivalentHeights {
    let e = rho * t / 216.7;
    let rp = (p + e) / 1013.25;
    let t1 = 5.1040 / (1.0 + 0.066 * rp.powf(-2.3))
        * (-((f - 59.7) / (2.87 + 12.4 * (-7.9 * rp).exp())).powi(2)).exp();
    let e212 = (2.12 * rp).exp();
    let e22 = 0.025 * (2.2 * rp).exp();
    let t2: f64 = T2
        .iter()
        .map(|&(ci, fi)| ci * e212 / ((f - fi) * (f - fi) + e22))
        .sum();
    let t3 = 0.0114 * f / (1.0 + 0.14 * rp.powf(-2.6)) * (15.02 * f * f - 1353.0 * f + 5.333e4)
        / (f * f * f - 151.3 * f * f + 9629.0 * f - 6803.0);
    let a = 0.7832 + 0.00709 * (t - 273.15);
    let mut h0 = 6.1 * a / (1.0 + 0.17 * rp.powf(-1.1)) * (1.0 + t1 + t2 + t3);
    if f < 70.0 {
        h0 = h0.min(10.7 * rp.powf(0.3));
    }
    let aw = 1.9298 - 0.04166 * (t - 273.15) + 0.0517 * rho;
    let bw = 1.1674 - 0.00622 * (t - 273.15) + 0.0063 * rho;
    let sw = 1.013 / (1.0 + (-8.6 * (rp - 0.57)).exp());
    let hw = aw
        + bw * HW
            .iter()
            .map(|&(fi, ai, bi)| ai * sw / ((f - fi) * (f - fi) + bi * sw))
            .sum::<f64>();
    EquivalentHeights {
        h_oxygen_km: h0,
        h_water_km: hw,
    }
}

/// γ_w at two frequencies for the same atmosphere (line strengths and
/// widths do not depend on frequency, so they are computed once).
fn gamma_water_two(f1: f64, f2: f64, p: f64, rho: f64, t: f64) -> (f64, f64) {
    let theta = 300.0 / t;
    let e = rho * t / 216.7;
    let ln_theta = theta.ln();
    let theta35 = (3.5 * ln_theta).exp();
    let (mut n1, mut n2) = (0.0, 0.0);
    for l in lines::water_vapour() {
        let [b1, b2, b3, b4, b5, b6] = l.b;
        let s = b1 * 1e-1 * e * theta35 * (b2 * (1.0 - theta)).exp();
        let df0 = b3 * 1e-4 * (p * (b4 * ln_theta).exp() + b5 * e * (b6 * ln_theta).exp());
        let fi = l.f0;
        let df = 0.535 * df0 + (0.217 * df0 * df0 + 2.1316e-12 * fi * fi / theta).sqrt();
        let d2 = df * df;
        // F_i of eq. (5) with δ = 0, the two terms over one denominator
        let sh = |f: f64| {
            let a = (fi - f) * (fi - f) + d2;
            let b = (fi + f) * (fi + f) + d2;
            f * df * (a + b) / (fi * a * b)
        };
        n1 += s * sh(f1);
        n2 += s * sh(f2);
    }
    (0.1820 * f1 * n1, 0.1820 * f2 * n2)
}

/// Zenith water-vapour attenuation (dB) at `freq_ghz` (1–350 GHz) from the
/// total columnar content `v_t_kg_m2` at a station `height_km` above sea
/// level, eqs. (39)–(42).
pub fn zenith_water_vapour_attenuation_db(
    freq_ghz: f64,
    v_t_kg_m2: f64,
    height_km: f64,
) -> Result<f64> {
    check_range(
        "freq_ghz",
        freq_ghz,
        1.0,
        350.0,
        "a frequency in [1, 350] GHz",
    )?;
    check_range(
        "v_t_kg_m2",
        v_t_kg_m2,
        1e-6,
        1000.0,
        "a positive water-vapour content in kg/m²",
    )?;
    check_range("height_km", height_km, -1.0, 100.0, "a height in km")?;
    Ok(zenith_water_unchecked(freq_ghz, v_t_kg_m2, height_km))
}

pub(crate) fn zenith_water_unchecked(f: f64, vt: f64, h: f64) -> f64 {
    const F_REF: f64 = 20.6;
    const P_REF: f64 = 845.0;
    let rho_ref = vt / 2.38;
    let t_ref = 14.0 * (0.22 * vt / 2.38).ln() + 3.0 + 273.15;
    let (g_f, g_ref) = gamma_water_two(f, F_REF, P_REF, rho_ref, t_ref);
    let aw = 0.0176 * vt * g_f / g_ref;
    if f < 20.0 {
        aw
    } else {
        let a = 0.2048 * (-((f - 22.43) / 3.097).powi(2)).exp()
            + 0.2326 * (-((f - 183.5) / 4.096).powi(2)).exp()
            + 0.2073 * (-((f - 325.0) / 3.651).powi(2)).exp()
            - 0.1113;
        let b = 8.741e4 * (-0.587 * f).exp() + 312.2 * f.powf(-2.38) + 0.723;
        let h = h.clamp(0.0, 4.0);
        aw * (a * h.powf(b) + 1.0)
    }
}

/// Surface conditions for the slant-path method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Surface {
    /// Surface water-vapour density (g/m³).
    pub rho_g_m3: f64,
    /// Surface (dry) pressure (hPa).
    pub p_hpa: f64,
    /// Surface temperature (K).
    pub temperature_k: f64,
    /// Total columnar water-vapour content (kg/m²) and station height (km),
    /// when known: A_w then comes from §2.3 instead of γ_w h_w.
    pub v_t_kg_m2_and_height_km: Option<(f64, f64)>,
}

/// Slant-path gaseous attenuation (dB) for elevation 5°–90°, eq. (29).
pub fn slant_path_attenuation_db(freq_ghz: f64, elevation_deg: f64, s: Surface) -> Result<f64> {
    check_range(
        "elevation_deg",
        elevation_deg,
        5.0,
        90.0,
        "an elevation in [5, 90] degrees",
    )?;
    let hts = equivalent_heights(freq_ghz, s.p_hpa, s.rho_g_m3, s.temperature_k)?;
    let g_o = gamma_oxygen_unchecked(freq_ghz, s.p_hpa, s.rho_g_m3, s.temperature_k);
    let a_w = match s.v_t_kg_m2_and_height_km {
        Some((vt, h)) => zenith_water_vapour_attenuation_db(freq_ghz, vt, h)?,
        None => {
            gamma_water_unchecked(freq_ghz, s.p_hpa, s.rho_g_m3, s.temperature_k) * hts.h_water_km
        }
    };
    Ok((g_o * hts.h_oxygen_km + a_w) / elevation_deg.to_radians().sin())
}
