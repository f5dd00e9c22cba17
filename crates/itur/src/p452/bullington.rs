//! The Bullington part of the diffraction calculation, ITU-R P.452-18
//! Annex 1 §4.2.1.
//!
//! # References
//! ITU-R P.452-18 §4.2.1: eq. (13) knife-edge loss J(ν); eqs. (14)–(17)
//! line-of-sight case (highest slope of the intermediate points seen from
//! the transmitter S_tim vs. the slope of the direct line S_tr, highest
//! diffraction parameter ν_max); eqs. (18)–(21) trans-horizon case
//! (Bullington point); eq. (22) the Bullington loss L_bull with the
//! empirical correction for the path length.

/// Knife-edge diffraction loss J(ν) (dB) for ν > −0.78, else 0 (eq. (13)).
pub fn knife_edge_db(nu: f64) -> f64 {
    if nu > -0.78 {
        6.9 + 20.0 * (((nu - 0.1) * (nu - 0.1) + 1.0).sqrt() + nu - 0.1).log10()
    } else {
        0.0
    }
}

/// Slope S_tim (m/km) of the line from the transmitter to the
/// intermediate point that subtends the highest slope, eq. (14), for
/// surface heights `g_m` at distances `d_km`, transmitter height `hts_m`
/// and effective Earth curvature `ce` = 1/a (1/km).
pub fn max_slope_from_tx(d_km: &[f64], g_m: &[f64], hts_m: f64, ce: f64) -> f64 {
    let n = d_km.len();
    let dtot = d_km[n - 1];
    (1..n - 1)
        .map(|i| (g_m[i] + 500.0 * ce * d_km[i] * (dtot - d_km[i]) - hts_m) / d_km[i])
        .fold(f64::NEG_INFINITY, f64::max)
}

/// Bullington diffraction loss L_bull (dB), eq. (22), over the profile
/// `g_m` (m) at distances `d_km`, antenna heights `hts_m`, `hrs_m` (m),
/// effective Earth radius `ap_km` and frequency `freq_ghz`.
pub fn bullington_db(
    d_km: &[f64],
    g_m: &[f64],
    hts_m: f64,
    hrs_m: f64,
    ap_km: f64,
    freq_ghz: f64,
) -> f64 {
    let n = d_km.len();
    let ce = 1.0 / ap_km;
    let lambda_m = 0.2998 / freq_ghz;
    let dtot = d_km[n - 1];
    let stim = max_slope_from_tx(d_km, g_m, hts_m, ce); // (14)
    let str_ = (hrs_m - hts_m) / dtot; // (15)
    let luc = if stim < str_ {
        // Case 1: line of sight, eqs. (16), (17).
        let numax = (1..n - 1)
            .map(|i| {
                let di = d_km[i];
                (g_m[i] + 500.0 * ce * di * (dtot - di) - (hts_m * (dtot - di) + hrs_m * di) / dtot)
                    * (0.002 * dtot / (lambda_m * di * (dtot - di))).sqrt()
            })
            .fold(f64::NEG_INFINITY, f64::max); // (16)
        knife_edge_db(numax) // (17)
    } else {
        // Case 2: trans-horizon, eqs. (18)–(21).
        let srim = (1..n - 1)
            .map(|i| {
                let di = d_km[i];
                (g_m[i] + 500.0 * ce * di * (dtot - di) - hrs_m) / (dtot - di)
            })
            .fold(f64::NEG_INFINITY, f64::max); // (18)
        let dbp = (hrs_m - hts_m + srim * dtot) / (stim + srim); // (19)
        let nub = (hts_m + stim * dbp - (hts_m * (dtot - dbp) + hrs_m * dbp) / dtot)
            * (0.002 * dtot / (lambda_m * dbp * (dtot - dbp))).sqrt(); // (20)
        knife_edge_db(nub) // (21)
    };
    luc + (1.0 - (-luc / 6.0).exp()) * (10.0 + 0.02 * dtot) // (22)
}
