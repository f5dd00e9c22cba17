//! Rain attenuation on slant paths, ITU-R P.618-13 §2.2.1.
//!
//! # References
//! - ITU-R P.618-13 §2.2.1.1 steps 1–10, eqs. (1)–(8): long-term rain
//!   attenuation A_p exceeded p % of an average year, 0.001 ≤ p ≤ 5.
//! - ITU-R P.618-13 §2.2.1.2 eqs. (9)–(11): probability of rain
//!   attenuation on the path.

use crate::error::{check_lat_lon, check_range};
use crate::maps::Maps;
use crate::stats::{bivariate_upper, q_inverse};
use crate::{Result, p837, p838, p839, p1511};

/// Effective Earth radius used by §2.2.1.1 step 2 (km).
const RE_KM: f64 = 8500.0;

/// Inputs of the rain-attenuation method that the maps otherwise supply.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RainOverrides {
    /// Station height above mean sea level (km); default P.1511-2.
    pub hs_km: Option<f64>,
    /// Rain rate exceeded 0.01 % (mm/h); default P.837-7 map.
    pub r001_mm_h: Option<f64>,
    /// Rain height (km); default P.839-4.
    pub rain_height_km: Option<f64>,
}

/// Intermediate and final values of §2.2.1.1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RainAttenuation {
    /// Rain height h_R (km).
    pub rain_height_km: f64,
    /// Slant-path length below the rain height L_s (km).
    pub ls_km: f64,
    /// R0.01 (mm/h).
    pub r001_mm_h: f64,
    /// Specific attenuation γ_R at R0.01 (dB/km).
    pub gamma_r_db_km: f64,
    /// Attenuation exceeded 0.01 % (dB).
    pub a001_db: f64,
    /// Attenuation exceeded p % (dB).
    pub a_p_db: f64,
}

fn check_common(
    lat_deg: f64,
    lon_deg: f64,
    freq_ghz: f64,
    elevation_deg: f64,
    tau_deg: f64,
) -> Result<()> {
    check_lat_lon(lat_deg, lon_deg)?;
    check_range(
        "freq_ghz",
        freq_ghz,
        1.0,
        55.0,
        "a frequency in [1, 55] GHz (P.618-13 rain)",
    )?;
    check_range(
        "elevation_deg",
        elevation_deg,
        1e-6,
        90.0,
        "an elevation in (0, 90] degrees",
    )?;
    check_range(
        "tau_deg",
        tau_deg,
        -360.0,
        360.0,
        "a polarization tilt in degrees",
    )?;
    Ok(())
}

/// Slant-path length (km) below the rain height, eqs. (1)–(2).
pub fn slant_path_length_km(rain_height_km: f64, hs_km: f64, elevation_deg: f64) -> f64 {
    let dh = rain_height_km - hs_km;
    let s = elevation_deg.to_radians().sin();
    if elevation_deg >= 5.0 {
        dh / s
    } else {
        2.0 * dh / ((s * s + 2.0 * dh / RE_KM).sqrt() + s)
    }
}

/// Rain attenuation exceeded `p_pct` % of an average year
/// (0.001 ≤ p ≤ 5), P.618-13 §2.2.1.1.
#[allow(clippy::too_many_arguments)]
pub fn rain_attenuation(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    freq_ghz: f64,
    elevation_deg: f64,
    tau_deg: f64,
    p_pct: f64,
    ov: RainOverrides,
) -> Result<RainAttenuation> {
    check_common(lat_deg, lon_deg, freq_ghz, elevation_deg, tau_deg)?;
    check_range(
        "p_pct",
        p_pct,
        0.001,
        5.0,
        "a percentage in [0.001, 5] (P.618-13 §2.2.1.1)",
    )?;
    // step 1
    let hr = match ov.rain_height_km {
        Some(h) => check_range("rain_height_km", h, -1.0, 20.0, "a height in km")?,
        None => p839::rain_height_km(maps, lat_deg, lon_deg)?,
    };
    let hs = match ov.hs_km {
        Some(h) => check_range("hs_km", h, -1.0, 10.0, "a station height in [-1, 10] km")?,
        None => p1511::topographic_height_km(maps, lat_deg, lon_deg)?,
    };
    let r001 = match ov.r001_mm_h {
        Some(r) => check_range("r001_mm_h", r, 0.0, 1e4, "a rain rate in mm/h")?,
        None => p837::r001_mm_h(maps, lat_deg, lon_deg)?,
    };
    let coef = p838::coefficients(freq_ghz, elevation_deg, tau_deg)?;
    Ok(rain_core(
        lat_deg,
        freq_ghz,
        elevation_deg,
        p_pct,
        hr,
        hs,
        r001,
        coef,
    ))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn rain_core(
    lat_deg: f64,
    f: f64,
    el: f64,
    p: f64,
    hr: f64,
    hs: f64,
    r001: f64,
    coef: p838::RainCoefficients,
) -> RainAttenuation {
    let ls = slant_path_length_km(hr, hs, el);
    let gamma_r = coef.k * r001.powf(coef.alpha);
    let zero = RainAttenuation {
        rain_height_km: hr,
        ls_km: ls.max(0.0),
        r001_mm_h: r001,
        gamma_r_db_km: gamma_r,
        a001_db: 0.0,
        a_p_db: 0.0,
    };
    // step 2: rain height below the station → no rain attenuation
    if hr - hs <= 0.0 || r001 <= 0.0 {
        return zero;
    }
    let (sin_el, cos_el) = el.to_radians().sin_cos();
    // step 3
    let lg = (ls * cos_el).abs();
    // step 6: horizontal reduction factor, eq. (4)
    let r_h = 1.0 / (1.0 + 0.78 * (lg * gamma_r / f).sqrt() - 0.38 * (1.0 - (-2.0 * lg).exp()));
    // step 7: vertical adjustment factor, eqs. (5)-(6)
    let zeta_deg = (hr - hs).atan2(lg * r_h).to_degrees();
    let lr = if zeta_deg > el {
        lg * r_h / cos_el
    } else {
        (hr - hs) / sin_el
    };
    let chi = if lat_deg.abs() < 36.0 {
        36.0 - lat_deg.abs()
    } else {
        0.0
    };
    let v = 1.0
        / (1.0
            + sin_el.sqrt()
                * (31.0 * (1.0 - (-(el / (1.0 + chi))).exp()) * (lr * gamma_r).sqrt() / (f * f)
                    - 0.45));
    // steps 8-9
    let le = lr * v;
    let a001 = gamma_r * le;
    // step 10, eq. (8)
    let beta = if p >= 1.0 || lat_deg.abs() >= 36.0 {
        0.0
    } else if el > 25.0 {
        -0.005 * (lat_deg.abs() - 36.0)
    } else {
        -0.005 * (lat_deg.abs() - 36.0) + 1.8 - 4.25 * sin_el
    };
    let expo = -(0.655 + 0.033 * p.ln() - 0.045 * a001.ln() - beta * (1.0 - p) * sin_el);
    RainAttenuation {
        a001_db: a001,
        a_p_db: a001 * (p / 0.01).powf(expo),
        ..zero
    }
}

/// Probability (%) that rain attenuation is non-zero on the path,
/// P.618-13 §2.2.1.2 eqs. (9)–(11).
pub fn rain_attenuation_probability_pct(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    elevation_deg: f64,
    hs_km: Option<f64>,
) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    check_range(
        "elevation_deg",
        elevation_deg,
        1e-6,
        90.0,
        "an elevation in (0, 90] degrees",
    )?;
    let hs = match hs_km {
        Some(h) => check_range("hs_km", h, -1.0, 10.0, "a station height in km")?,
        None => p1511::topographic_height_km(maps, lat_deg, lon_deg)?,
    };
    let p0 = p837::rain_probability_pct(maps, lat_deg, lon_deg)? / 100.0;
    if p0 <= 0.0 {
        return Ok(0.0);
    }
    let hr = p839::rain_height_km(maps, lat_deg, lon_deg)?;
    let ls = slant_path_length_km(hr, hs, elevation_deg);
    let d = ls * elevation_deg.to_radians().cos();
    let rho = 0.59 * (-d.abs() / 31.0).exp() + 0.41 * (-d.abs() / 800.0).exp();
    let alpha = q_inverse(p0);
    let c_b = bivariate_upper(alpha, alpha, rho);
    let p = 1.0 - (1.0 - p0) * ((c_b - p0 * p0) / (p0 * (1.0 - p0))).powf(p0);
    Ok(100.0 * p)
}
