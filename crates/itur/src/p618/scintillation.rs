//! Tropospheric scintillation, ITU-R P.618-13 §2.4.1.
//!
//! # References
//! ITU-R P.618-13 §2.4.1 steps 1–9, eqs. (42)–(49): fade depth due to
//! scintillation exceeded p % (0.01 < p ≤ 50; evaluated down to 0.001 as
//! in the ValEx tables) for elevations ≥ 5°, with the median N_wet of
//! P.453-14.

use crate::error::{check_lat_lon, check_range};
use crate::maps::Maps;
use crate::{Result, p453};

/// Antenna and path parameters of the scintillation model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScintillationInput {
    /// Frequency (GHz), 4–55 GHz.
    pub freq_ghz: f64,
    /// Elevation angle (degrees), ≥ 5°.
    pub elevation_deg: f64,
    /// Antenna diameter (m).
    pub d_m: f64,
    /// Antenna efficiency (0–1].
    pub eta: f64,
    /// Percentage of time (%), 0.001–50.
    pub p_pct: f64,
}

/// Scintillation fade depth (dB) exceeded `p_pct` % of the time.
pub fn scintillation_attenuation_db(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    s: ScintillationInput,
) -> Result<f64> {
    check_lat_lon(lat_deg, lon_deg)?;
    check(&s)?;
    let n_wet = p453::map_wet_refractivity(maps, lat_deg, lon_deg, 50.0)?;
    Ok(scintillation_core(n_wet, &s))
}

pub(crate) fn check(s: &ScintillationInput) -> Result<()> {
    check_range(
        "freq_ghz",
        s.freq_ghz,
        1.0,
        100.0,
        "a frequency in [1, 100] GHz",
    )?;
    check_range(
        "elevation_deg",
        s.elevation_deg,
        5.0,
        90.0,
        "an elevation in [5, 90] degrees (P.618-13 §2.4.1)",
    )?;
    check_range("d_m", s.d_m, 1e-3, 1e3, "an antenna diameter in m")?;
    check_range("eta", s.eta, 1e-6, 1.0, "an antenna efficiency in (0, 1]")?;
    check_range("p_pct", s.p_pct, 0.001, 50.0, "a percentage in [0.001, 50]")?;
    Ok(())
}

/// Scintillation from the median wet refractivity `n_wet` (eqs. (43)–(49)).
pub(crate) fn scintillation_core(n_wet: f64, s: &ScintillationInput) -> f64 {
    let sigma_ref = 3.6e-3 + 1e-4 * n_wet; // eq. (43)
    let sin_el = s.elevation_deg.to_radians().sin();
    let h_l = 1000.0;
    let l = 2.0 * h_l / ((sin_el * sin_el + 2.35e-4).sqrt() + sin_el); // eq. (44)
    let d_eff = s.eta.sqrt() * s.d_m; // eq. (45)
    let x = 1.22 * d_eff * d_eff * s.freq_ghz / l;
    let g2 = 3.86 * (x * x + 1.0).powf(11.0 / 12.0) * (11.0 / 6.0 * (1.0 / x).atan()).sin()
        - 7.08 * x.powf(5.0 / 6.0);
    if g2.is_nan() || g2 <= 0.0 || x >= 7.0 {
        return 0.0; // eq. (46): beyond its range the antenna averaging removes scintillation
    }
    let g = g2.sqrt();
    let sigma = sigma_ref * s.freq_ghz.powf(7.0 / 12.0) * g / sin_el.powf(1.2); // eq. (47)
    let lp = s.p_pct.log10();
    let a = -0.061 * lp * lp * lp + 0.072 * lp * lp - 1.71 * lp + 3.0; // eq. (48)
    a * sigma // eq. (49)
}
