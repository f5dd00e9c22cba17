//! Line-of-sight propagation including short-term effects (multipath and
//! focusing), ITU-R P.452-18 Annex 1 §4.1.
//!
//! # References
//! ITU-R P.452-18 §4.1: eq. (8) free-space basic transmission loss with
//! gaseous attenuation over the distance between the antennas d_fs
//! (eq. (8a)); eq. (9) gaseous attenuation; eqs. (10a), (10b) corrections
//! for multipath and focusing effects at p and β0 %; eqs. (11), (12) the
//! basic transmission losses L_b0p and L_b0β not exceeded for p % and
//! β0 % of the time.

/// The line-of-sight losses of §4.1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineOfSight {
    /// Free-space loss plus gaseous attenuation L_bfsg (dB), eq. (8).
    pub lbfsg_db: f64,
    /// Line-of-sight loss not exceeded p % of the time L_b0p (dB), eq. (11).
    pub lb0p_db: f64,
    /// Line-of-sight loss not exceeded β0 % of the time L_b0β (dB), eq. (12).
    pub lb0b_db: f64,
}

/// Distance between the antennas d_fs (km), eq. (8a), from the path
/// length `dtot_km` and the antenna heights above sea level (m).
pub fn antenna_distance_km(dtot_km: f64, hts_m: f64, hrs_m: f64) -> f64 {
    let dh_km = (hts_m - hrs_m) / 1000.0;
    (dtot_km * dtot_km + dh_km * dh_km).sqrt()
}

/// §4.1 losses for frequency `freq_ghz`, time percentage `p_pct`, β0
/// `b0_pct`, antenna distance `dfs_km`, specific gaseous attenuation
/// `gamma_db_km` and horizon distances `dlt_km`, `dlr_km`.
pub fn line_of_sight(
    freq_ghz: f64,
    p_pct: f64,
    b0_pct: f64,
    dfs_km: f64,
    gamma_db_km: f64,
    dlt_km: f64,
    dlr_km: f64,
) -> LineOfSight {
    let ag = gamma_db_km * dfs_km; // (9)
    let lbfsg = 92.4 + 20.0 * freq_ghz.log10() + 20.0 * dfs_km.log10() + ag; // (8)
    let horizon = 2.6 * (1.0 - (-0.1 * (dlt_km + dlr_km)).exp());
    let esp = horizon * (p_pct / 50.0).log10(); // (10a)
    let esb = horizon * (b0_pct / 50.0).log10(); // (10b)
    LineOfSight {
        lbfsg_db: lbfsg,
        lb0p_db: lbfsg + esp, // (11)
        lb0b_db: lbfsg + esb, // (12)
    }
}
