//! Characteristics of precipitation for propagation modelling,
//! ITU-R P.837-7.
//!
//! # References
//! - ITU-R P.837-7 (2017) §1: R0.01 map (0.125° grid, bilinear).
//! - ITU-R P.837-7 Annex 1: rainfall rate R_p exceeded p % of an average
//!   year from the monthly mean total rainfall maps MT and the P.1510-1
//!   monthly mean temperatures (steps 1–8), including the annual
//!   probability of rain P0.

use crate::Result;
use crate::error::{check_lat_lon, check_range};
use crate::maps::{MapId, Maps};
use crate::p1510;
use crate::stats::q_normal;

/// Number of days in each month (February 28.25), Annex 1 step 1.
const DAYS: [f64; 12] = [
    31.0, 28.25, 31.0, 30.0, 31.0, 30.0, 31.0, 31.0, 30.0, 31.0, 30.0, 31.0,
];

/// Rainfall rate exceeded 0.01 % of an average year (mm/h), from the
/// P.837-7 R0.01 map.
pub fn r001_mm_h(maps: &Maps, lat_deg: f64, lon_deg: f64) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    Ok(maps.get(MapId::P837R001)?.bilinear(lat_deg, lon_deg))
}

/// Monthly parameters of Annex 1: (N_ii, P0_ii (%), r_ii (mm/h)).
struct Monthly {
    p0_pct: [f64; 12],
    r_mm_h: [f64; 12],
    p0_annual_pct: f64,
}

fn monthly(maps: &Maps, lat_deg: f64, lon_deg: f64) -> Result<Monthly> {
    check_lat_lon(lat_deg, lon_deg)?;
    let mut p0 = [0.0; 12];
    let mut r = [0.0; 12];
    let mut annual = 0.0;
    for m in 0..12u8 {
        let t_k = p1510::surface_month_mean_temperature_k(maps, lat_deg, lon_deg, m + 1)?;
        let mt_mm = maps.get(MapId::P837Mt(m + 1))?.bilinear(lat_deg, lon_deg);
        let n = DAYS[m as usize];
        let t_c = t_k - 273.15;
        // step 4, eq. (1)
        let mut rii = if t_c >= 0.0 {
            0.5874 * (0.0883 * t_c).exp()
        } else {
            0.5874
        };
        // step 5, eq. (2)
        let mut p0ii = 100.0 * mt_mm / (24.0 * n * rii);
        // step 6
        if p0ii > 70.0 {
            p0ii = 70.0;
            rii = 100.0 / 70.0 * mt_mm / (24.0 * n);
        }
        p0[m as usize] = p0ii;
        r[m as usize] = rii;
        annual += n * p0ii;
    }
    Ok(Monthly {
        p0_pct: p0,
        r_mm_h: r,
        // step 7, eq. (3)
        p0_annual_pct: annual / 365.25,
    })
}

/// Annual probability of rain P0 (%), P.837-7 Annex 1 eq. (3).
pub fn rain_probability_pct(maps: &Maps, lat_deg: f64, lon_deg: f64) -> Result<f64> {
    Ok(monthly(maps, lat_deg, lon_deg)?.p0_annual_pct)
}

/// Rainfall rate (mm/h) exceeded `p_pct` % of an average year, P.837-7
/// Annex 1 (monthly method), for 0 < p ≤ 100 (0 when p exceeds the
/// annual probability of rain).
pub fn rainfall_rate_mm_h(maps: &Maps, lat_deg: f64, lon_deg: f64, p_pct: f64) -> Result<f64> {
    check_range("p_pct", p_pct, 1e-6, 100.0, "a percentage in (0, 100]")?;
    let m = monthly(maps, lat_deg, lon_deg)?;
    if p_pct > m.p0_annual_pct {
        return Ok(0.0);
    }
    // step 8: P(R > Rp) = sum N_ii P0_ii Q((ln R + 0.7938 - ln r_ii)/1.26) / 365.25
    let exceed = |r: f64| {
        let lr = r.ln();
        let mut s = 0.0;
        for ((n, p0), r) in DAYS.iter().zip(&m.p0_pct).zip(&m.r_mm_h) {
            if *p0 > 0.0 {
                s += n * p0 * q_normal((lr + 0.7938 - r.ln()) / 1.26);
            }
        }
        s / 365.25
    };
    // bisection on ln R in [1e-10, 1000] mm/h
    let (mut lo, mut hi) = ((1e-10f64).ln(), (1000.0f64).ln());
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if exceed(mid.exp()) > p_pct {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo < 1e-13 {
            break;
        }
    }
    Ok((0.5 * (lo + hi)).exp())
}
