//! The complete "delta-Bullington" diffraction loss and the diffraction
//! loss not exceeded for p % of the time, ITU-R P.452-18 Annex 1 §4.2.3
//! and §4.2.4.
//!
//! # References
//! ITU-R P.452-18 §4.2.3: eq. (37) Bullington loss of the actual profile;
//! eqs. (38a), (38b) antenna heights above the smooth surface; eq. (39)
//! Bullington loss of the smooth profile and spherical-Earth loss with
//! h_te = h_ts − h_std, h_re = h_rs − h_srd; eq. (40)
//! L_d = L_bulla + max(L_dsph − L_bulls, 0).
//! §4.2.4: eq. (41) interpolation factor F_i (I(p/100)/I(β0/100) for
//! β0 < p < 50 %, else 1); eq. (42) L_dp = L_d50 + F_i (L_dβ − L_d50).

use super::Polarization;
use super::bullington::BullingtonProfile;
use super::normal::inv_cum_norm;
use super::spherical_earth::spherical_earth_db;

/// Delta-Bullington loss and its spherical-Earth part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeltaBullington {
    /// L_d (dB), eq. (40).
    pub ld_db: f64,
    /// L_dsph (dB) of the smooth path, eq. (39).
    pub ldsph_db: f64,
}

/// The inputs shared by every diffraction evaluation of one path.
#[derive(Debug, Clone, Copy)]
pub struct DiffractionPath<'a> {
    /// The distance-only terms of the profile.
    pub bullington: &'a BullingtonProfile,
    /// Path length d (km).
    pub dtot_km: f64,
    /// Terrain plus representative clutter heights g_i (m).
    pub g_m: &'a [f64],
    /// Transmitter antenna height above sea level h_ts (m).
    pub hts_m: f64,
    /// Receiver antenna height above sea level h_rs (m).
    pub hrs_m: f64,
    /// Smooth-Earth height at the transmitter h_std (m).
    pub hstd_m: f64,
    /// Smooth-Earth height at the receiver h_srd (m).
    pub hsrd_m: f64,
    /// Fraction of the path over sea ω.
    pub omega: f64,
}

/// Delta-Bullington loss (dB) for effective Earth radius `ap_km`, §4.2.3.
pub fn delta_bullington(
    path: &DiffractionPath<'_>,
    ap_km: f64,
    freq_ghz: f64,
    pol: Polarization,
) -> DeltaBullington {
    let g = path.g_m;
    let lbulla = path
        .bullington
        .loss_db(|i| g[i], path.hts_m, path.hrs_m, ap_km, freq_ghz); // (37)
    let hts1 = path.hts_m - path.hstd_m; // (38a)
    let hrs1 = path.hrs_m - path.hsrd_m; // (38b)
    let lbulls = path
        .bullington
        .loss_db(|_| 0.0, hts1, hrs1, ap_km, freq_ghz); // (39)
    let dtot = path.dtot_km;
    let ldsph = spherical_earth_db(dtot, hts1, hrs1, ap_km, freq_ghz, path.omega, pol); // (39)
    DeltaBullington {
        ld_db: lbulla + (ldsph - lbulls).max(0.0), // (40)
        ldsph_db: ldsph,
    }
}

/// Interpolation factor F_i of eq. (41) for time percentage `p_pct` and
/// β0 `b0_pct`: I(p/100)/I(β0/100) when β0 < p < 50 %, 1 when p ≤ β0,
/// 0 at p = 50 %.
pub fn interpolation_factor(p_pct: f64, b0_pct: f64) -> f64 {
    if p_pct >= 50.0 {
        0.0
    } else if p_pct > b0_pct {
        inv_cum_norm(p_pct / 100.0) / inv_cum_norm(b0_pct / 100.0) // (41a)
    } else {
        1.0 // (41b)
    }
}

/// Diffraction losses of §4.2.4.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Diffraction {
    /// Median diffraction loss L_d50 (dB), a = a_e.
    pub ld50_db: f64,
    /// Diffraction loss not exceeded p % of the time L_dp (dB), eq. (42).
    pub ldp_db: f64,
    /// Spherical-Earth loss L_dsph (dB) for the median radius a_e.
    pub ldsph_db: f64,
}

/// Diffraction loss not exceeded p % of the time, §4.2.4: L_d50 with the
/// median effective radius `ae_km`, L_dβ with `abeta_km`, eq. (42).
pub fn diffraction_p(
    path: &DiffractionPath<'_>,
    ae_km: f64,
    abeta_km: f64,
    freq_ghz: f64,
    p_pct: f64,
    b0_pct: f64,
    pol: Polarization,
) -> Diffraction {
    let d50 = delta_bullington(path, ae_km, freq_ghz, pol);
    let ldp = if p_pct >= 50.0 {
        d50.ld_db
    } else {
        let db = delta_bullington(path, abeta_km, freq_ghz, pol);
        d50.ld_db + interpolation_factor(p_pct, b0_pct) * (db.ld_db - d50.ld_db) // (42)
    };
    Diffraction {
        ld50_db: d50.ld_db,
        ldp_db: ldp,
        ldsph_db: d50.ldsph_db,
    }
}
