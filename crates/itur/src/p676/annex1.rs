//! Line-by-line calculation of gaseous attenuation, ITU-R P.676-12
//! Annex 1.
//!
//! # References
//! - ITU-R P.676-12 (2019) Annex 1 §1: specific attenuation
//!   γ = γ_o + γ_w = 0.1820 f (N''_Oxygen + N''_WaterVapour), eqs. (1)–(9),
//!   with the line data of Tables 1 and 2.
//! - ITU-R P.676-12 Annex 1 §2.2: slant-path attenuation by ray tracing
//!   through exponentially spaced layers, eqs. (13)–(19), using the mean
//!   annual global reference atmosphere of P.835-6.

use super::lines;
use crate::error::check_range;
use crate::{Result, p835};

/// Validate the arguments of the specific-attenuation functions.
fn check(freq_ghz: f64, p_hpa: f64, rho_g_m3: f64, temperature_k: f64) -> Result<()> {
    check_range(
        "freq_ghz",
        freq_ghz,
        1.0,
        1000.0,
        "a frequency in [1, 1000] GHz",
    )?;
    check_range(
        "p_hpa",
        p_hpa,
        0.0,
        2000.0,
        "a dry-air pressure in [0, 2000] hPa",
    )?;
    check_range(
        "rho_g_m3",
        rho_g_m3,
        0.0,
        100.0,
        "a water-vapour density in [0, 100] g/m³",
    )?;
    check_range(
        "temperature_k",
        temperature_k,
        100.0,
        400.0,
        "a temperature in [100, 400] K",
    )?;
    Ok(())
}

/// Oxygen (dry-air) specific attenuation γ_o (dB/km) at `freq_ghz`, dry-air
/// pressure `p_hpa`, water-vapour density `rho_g_m3` and temperature
/// `temperature_k`.
///
/// # References
/// ITU-R P.676-12 Annex 1 eqs. (1), (2a), (3), (5), (6a), (7), (8).
pub fn gamma_oxygen_db_km(
    freq_ghz: f64,
    p_hpa: f64,
    rho_g_m3: f64,
    temperature_k: f64,
) -> Result<f64> {
    check(freq_ghz, p_hpa, rho_g_m3, temperature_k)?;
    Ok(gamma_oxygen_unchecked(
        freq_ghz,
        p_hpa,
        rho_g_m3,
        temperature_k,
    ))
}

/// Water-vapour specific attenuation γ_w (dB/km).
///
/// # References
/// ITU-R P.676-12 Annex 1 eqs. (1), (2b), (3), (5), (6b).
pub fn gamma_water_db_km(
    freq_ghz: f64,
    p_hpa: f64,
    rho_g_m3: f64,
    temperature_k: f64,
) -> Result<f64> {
    check(freq_ghz, p_hpa, rho_g_m3, temperature_k)?;
    Ok(gamma_water_unchecked(
        freq_ghz,
        p_hpa,
        rho_g_m3,
        temperature_k,
    ))
}

/// Total specific attenuation γ = γ_o + γ_w (dB/km).
pub fn gamma_db_km(freq_ghz: f64, p_hpa: f64, rho_g_m3: f64, temperature_k: f64) -> Result<f64> {
    check(freq_ghz, p_hpa, rho_g_m3, temperature_k)?;
    Ok(
        gamma_oxygen_unchecked(freq_ghz, p_hpa, rho_g_m3, temperature_k)
            + gamma_water_unchecked(freq_ghz, p_hpa, rho_g_m3, temperature_k),
    )
}

pub(crate) fn gamma_oxygen_unchecked(f: f64, p: f64, rho: f64, t: f64) -> f64 {
    let theta = 300.0 / t;
    let e = rho * t / 216.7;
    let ln_theta = theta.ln();
    let theta3 = theta * theta * theta;
    let theta08 = (0.8 * ln_theta).exp();
    let pe = p + e;
    let mut n = 0.0;
    for l in lines::oxygen() {
        let [a1, a2, a3, a4, a5, a6] = l.a;
        // eq. (3)
        let s = a1 * 1e-7 * p * theta3 * (a2 * (1.0 - theta)).exp();
        // eq. (6a)
        let th = if a4 == 0.0 {
            theta08
        } else {
            ((0.8 - a4) * ln_theta).exp()
        };
        let df0 = a3 * 1e-4 * (p * th + 1.1 * e * theta);
        let df = (df0 * df0 + 2.25e-6).sqrt();
        // eq. (7)
        let delta = (a5 + a6 * theta) * 1e-4 * pe * theta08;
        // eq. (5)
        let fi = l.f0;
        let a = (fi - f) * (fi - f) + df * df;
        let b = (fi + f) * (fi + f) + df * df;
        let shape = f * ((df - delta * (fi - f)) * b + (df - delta * (fi + f)) * a) / (fi * a * b);
        n += s * shape;
    }
    // eq. (8), (9): dry continuum
    let d = 5.6e-4 * pe * theta08;
    let nd = f
        * p
        * theta
        * theta
        * (6.14e-5 / (d * (1.0 + (f / d) * (f / d)))
            + 1.4e-12 * p * theta.powf(1.5) / (1.0 + 1.9e-5 * f.powf(1.5)));
    0.1820 * f * (n + nd)
}

pub(crate) fn gamma_water_unchecked(f: f64, p: f64, rho: f64, t: f64) -> f64 {
    let theta = 300.0 / t;
    let e = rho * t / 216.7;
    let ln_theta = theta.ln();
    let theta35 = (3.5 * ln_theta).exp();
    let mut n = 0.0;
    for l in lines::water_vapour() {
        let [b1, b2, b3, b4, b5, b6] = l.b;
        let s = b1 * 1e-1 * e * theta35 * (b2 * (1.0 - theta)).exp();
        // eq. (6b)
        let df0 = b3 * 1e-4 * (p * (b4 * ln_theta).exp() + b5 * e * (b6 * ln_theta).exp());
        let fi = l.f0;
        let df = 0.535 * df0 + (0.217 * df0 * df0 + 2.1316e-12 * fi * fi / theta).sqrt();
        let a = (fi - f) * (fi - f) + df * df;
        let b = (fi + f) * (fi + f) + df * df;
        let shape = f * df * (a + b) / (fi * a * b);
        n += s * shape;
    }
    0.1820 * f * n
}

/// Slant-path gaseous attenuation (dB) from the ground to space by ray
/// tracing through 922 exponentially spaced layers (P.676-12 Annex 1
/// §2.2), for a station at sea level in the P.835-6 mean annual global
/// reference atmosphere with surface water-vapour density `rho0_g_m3`.
///
/// # References
/// ITU-R P.676-12 Annex 1 eqs. (13)–(19).
pub fn slant_path_attenuation_db(freq_ghz: f64, elevation_deg: f64, rho0_g_m3: f64) -> Result<f64> {
    check(freq_ghz, 1013.25, rho0_g_m3, 288.15)?;
    check_range(
        "elevation_deg",
        elevation_deg,
        0.0,
        90.0,
        "an elevation in [0, 90] degrees",
    )?;
    const N: usize = 922;
    let mut h = Vec::with_capacity(N + 1);
    for i in 0..=N {
        // eq. (15): layer base heights, thickness eq. (14) δ_i = 0.0001 exp(i/100)
        h.push(0.0001 * (((i as f64) / 100.0).exp() - 1.0) / ((0.01f64).exp() - 1.0));
    }
    let mut nref = Vec::with_capacity(N);
    let mut state = Vec::with_capacity(N);
    for &hi in h.iter().take(N) {
        let t = p835::standard_temperature_k(hi.min(100.0))?;
        let p = p835::standard_pressure_hpa(hi.min(100.0))?;
        let rho = rho0_g_m3 * (-hi / 2.0).exp();
        let e = rho * t / 216.7;
        // P.453-14 eq. (1)-(2): n = 1 + N·10⁻⁶
        nref.push(1.0 + (77.6 * p / t + 72.0 * e / t + 3.75e5 * e / (t * t)) * 1e-6);
        state.push((p, rho, t));
    }
    let mut beta = std::f64::consts::FRAC_PI_2 - elevation_deg.to_radians();
    let mut total = 0.0;
    for i in 0..N {
        let delta = 0.0001 * ((i as f64) / 100.0).exp();
        let r = 6371.0 + h[i];
        let cb = beta.cos();
        // eq. (17)
        let a =
            -r * cb + 0.5 * (4.0 * r * r * cb * cb + 8.0 * r * delta + 4.0 * delta * delta).sqrt();
        // eq. (18)
        let arg = ((-a * a - 2.0 * r * delta - delta * delta) / (2.0 * a * r + 2.0 * a * delta))
            .clamp(-1.0, 1.0);
        let alpha = std::f64::consts::PI - arg.acos();
        let (p, rho, t) = state[i];
        total += a
            * (gamma_oxygen_unchecked(freq_ghz, p, rho, t)
                + gamma_water_unchecked(freq_ghz, p, rho, t));
        // eq. (19a): Snell's law into the next layer
        let n_ratio = if i + 1 < N {
            nref[i] / nref[i + 1]
        } else {
            1.0
        };
        beta = (alpha.sin() * n_ratio).clamp(-1.0, 1.0).asin();
    }
    Ok(total)
}
