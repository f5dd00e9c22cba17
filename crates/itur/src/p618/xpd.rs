//! Hydrometeor-induced cross-polarization, ITU-R P.618-13 §4.1.
//!
//! # References
//! ITU-R P.618-13 §4.1 steps 1–8, eqs. (65)–(73), for 6 ≤ f ≤ 55 GHz and
//! θ ≤ 60° (evaluated up to 90° as in the ValEx tables), and the frequency scaling of §4.3 eq. (74) for 4–6 GHz.

use crate::Result;
use crate::error::check_range;

/// Cross-polarization discrimination XPD (dB) not exceeded `p_pct` % of
/// the time, from the co-polar rain attenuation `a_p_db` exceeded for the
/// same percentage.
pub fn xpd_db(
    a_p_db: f64,
    freq_ghz: f64,
    elevation_deg: f64,
    p_pct: f64,
    tau_deg: f64,
) -> Result<f64> {
    check_range("a_p_db", a_p_db, 1e-9, 1e4, "a positive attenuation in dB")?;
    check_range(
        "freq_ghz",
        freq_ghz,
        4.0,
        55.0,
        "a frequency in [4, 55] GHz",
    )?;
    // §4.1 is stated for θ ≤ 60°; the ITU-R ValEx tables also evaluate it
    // above 60°, so the formula is accepted up to (but not at) 90°.
    check_range(
        "elevation_deg",
        elevation_deg,
        0.0,
        89.9,
        "an elevation in [0, 90) degrees",
    )?;
    check_range("p_pct", p_pct, 0.001, 1.0, "a percentage in [0.001, 1]")?;
    check_range("tau_deg", tau_deg, -360.0, 360.0, "a tilt angle in degrees")?;
    let f_orig = freq_ghz;
    let f = freq_ghz.max(6.0);
    let lf = f.log10();
    // step 1
    let c_f = if f < 9.0 {
        60.0 * lf - 28.3
    } else if f < 36.0 {
        26.0 * lf + 4.1
    } else {
        35.9 * lf - 11.3
    };
    // step 2
    let v = if f < 9.0 {
        30.8 * f.powf(-0.21)
    } else if f < 20.0 {
        12.8 * f.powf(0.19)
    } else if f < 40.0 {
        22.6
    } else {
        13.0 * f.powf(0.15)
    };
    let c_a = v * a_p_db.log10();
    // step 3
    let c_tau = -10.0 * (1.0 - 0.484 * (1.0 + (4.0 * tau_deg).to_radians().cos())).log10();
    // step 4
    let c_theta = -40.0 * elevation_deg.to_radians().cos().log10();
    // step 5
    let sigma: f64 = if p_pct <= 0.001 {
        15.0
    } else if p_pct <= 0.01 {
        10.0
    } else if p_pct <= 0.1 {
        5.0
    } else {
        0.0
    };
    let c_sigma = 0.0053 * sigma * sigma;
    // step 6
    let xpd_rain = c_f - c_a + c_tau + c_theta + c_sigma;
    // step 7
    let c_ice = xpd_rain * (0.3 + 0.1 * p_pct.log10()) / 2.0;
    // step 8
    let mut xpd = xpd_rain - c_ice;
    if f_orig < 6.0 {
        // §4.3 eq. (74), same polarization tilt
        xpd -= 20.0 * (f_orig / f).log10();
    }
    Ok(xpd)
}
