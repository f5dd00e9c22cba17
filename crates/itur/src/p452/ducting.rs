//! Ducting and layer reflection (anomalous propagation), ITU-R P.452-18
//! Annex 1 §4.4.
//!
//! # References
//! ITU-R P.452-18 §4.4: eq. (46) L_ba = A_f + A_d(p) + A_g; eq. (47)
//! fixed coupling losses A_f with the empirical low-frequency correction
//! A_lf (eq. (47a)), site-shielding losses A_st, A_sr (eqs. (48), (48a)),
//! over-sea surface-duct coupling corrections A_ct, A_cr (eq. (49));
//! eq. (50) time-percentage and angular-distance dependent losses A_d(p)
//! with the specific attenuation γ_d (eq. (51)), the corrected angular
//! distance θ' (eqs. (52), (52a)), the time-percentage variability A(p)
//! (eqs. (53), (53a)), β (eq. (54)), μ2 (eqs. (55), (55a)) and μ3
//! (eqs. (56), (56a)).

use super::radio_climate::tau;

/// The path and climate quantities §4.4 uses.
#[derive(Debug, Clone, Copy)]
pub struct DuctingPath {
    /// Path length d (km).
    pub dtot_km: f64,
    /// Horizon distances d_lt, d_lr (km).
    pub dlt_km: f64,
    /// Receiver horizon distance (km).
    pub dlr_km: f64,
    /// Distances of the transmitter and receiver from the coast over land
    /// d_ct, d_cr (km).
    pub dct_km: f64,
    /// Receiver distance from the coast (km).
    pub dcr_km: f64,
    /// Longest continuous inland section d_lm (km).
    pub dlm_km: f64,
    /// Antenna heights above sea level h_ts, h_rs (m).
    pub hts_m: f64,
    /// Receiver antenna height above sea level (m).
    pub hrs_m: f64,
    /// Effective heights above the smooth surface h_te, h_re (m).
    pub hte_m: f64,
    /// Receiver effective height (m).
    pub hre_m: f64,
    /// Terrain roughness h_m (m).
    pub hm_m: f64,
    /// Horizon elevation angles θ_t, θ_r (mrad).
    pub theta_t_mrad: f64,
    /// Receiver horizon elevation angle (mrad).
    pub theta_r_mrad: f64,
    /// Sea fraction ω.
    pub omega: f64,
    /// Median effective Earth radius a_e (km).
    pub ae_km: f64,
    /// β0 (%).
    pub b0_pct: f64,
}

/// Site-shielding loss A_st / A_sr (dB) for horizon angle `theta_mrad`
/// and horizon distance `dl_km`, eqs. (48), (48a).
fn site_shielding_db(theta_mrad: f64, dl_km: f64, freq_ghz: f64) -> f64 {
    let t = theta_mrad - 0.1 * dl_km; // (48a)
    if t > 0.0 {
        20.0 * (1.0 + 0.361 * t * (freq_ghz * dl_km).sqrt()).log10() + 0.264 * t * freq_ghz.cbrt()
    } else {
        0.0
    }
}

/// Over-sea surface-duct coupling correction A_ct / A_cr (dB), eq. (49).
fn sea_duct_coupling_db(dc_km: f64, dl_km: f64, hs_m: f64, omega: f64) -> f64 {
    if omega >= 0.75 && dc_km <= dl_km && dc_km <= 5.0 {
        -3.0 * (-0.25 * dc_km * dc_km).exp() * (1.0 + (0.07 * (50.0 - hs_m)).tanh())
    } else {
        0.0
    }
}

/// Ducting/layer-reflection basic transmission loss L_ba (dB), eq. (46),
/// at `freq_ghz`, `p_pct`, with the specific gaseous attenuation
/// `gamma_db_km` (ρ = 7.5 + 2.5 ω g/m³).
pub fn ducting_db(path: &DuctingPath, freq_ghz: f64, p_pct: f64, gamma_db_km: f64) -> f64 {
    let f = freq_ghz;
    let alf = if f < 0.5 {
        45.375 - 137.0 * f + 92.5 * f * f
    } else {
        0.0
    }; // (47a)
    let ast = site_shielding_db(path.theta_t_mrad, path.dlt_km, f);
    let asr = site_shielding_db(path.theta_r_mrad, path.dlr_km, f);
    let act = sea_duct_coupling_db(path.dct_km, path.dlt_km, path.hts_m, path.omega);
    let acr = sea_duct_coupling_db(path.dcr_km, path.dlr_km, path.hrs_m, path.omega);
    let af = 102.45
        + 20.0 * f.log10()
        + 20.0 * (path.dlt_km + path.dlr_km).log10()
        + alf
        + ast
        + asr
        + act
        + acr; // (47)

    let gamma_d = 5e-5 * path.ae_km * f.cbrt(); // (51)
    let theta_t1 = path.theta_t_mrad.min(0.1 * path.dlt_km); // (52a)
    let theta_r1 = path.theta_r_mrad.min(0.1 * path.dlr_km);
    let theta1 = 1e3 * path.dtot_km / path.ae_km + theta_t1 + theta_r1; // (52)

    let di = (path.dtot_km - path.dlt_km - path.dlr_km).min(40.0); // (56a)
    let mu3 = if path.hm_m > 10.0 {
        (-4.6e-5 * (path.hm_m - 10.0) * (43.0 + 6.0 * di)).exp()
    } else {
        1.0
    }; // (56)
    let alpha = (-0.6 - 3.5e-9 * path.dtot_km.powf(3.1) * tau(path.dlm_km)).max(-3.4); // (55a)
    let mu2 = (500.0 / path.ae_km * path.dtot_km * path.dtot_km
        / (path.hte_m.sqrt() + path.hre_m.sqrt()).powi(2))
    .powf(alpha)
    .min(1.0); // (55)
    let beta = path.b0_pct * mu2 * mu3; // (54)
    let lb = beta.log10();
    let gamma = 1.076 / (2.0058 - lb).powf(1.012)
        * (-(9.51 - 4.8 * lb + 0.198 * lb * lb) * 1e-6 * path.dtot_km.powf(1.13)).exp(); // (53a)
    let ap = -12.0
        + (1.2 + 3.7e-3 * path.dtot_km) * (p_pct / beta).log10()
        + 12.0 * (p_pct / beta).powf(gamma); // (53)
    let adp = gamma_d * theta1 + ap; // (50)
    let ag = gamma_db_km * path.dtot_km; // (9)
    af + adp + ag // (46)
}
