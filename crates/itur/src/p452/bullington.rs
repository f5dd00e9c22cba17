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

/// The per-point terms of eqs. (14)–(20) that depend only on the
/// distances, computed once per profile: the Earth-curvature term
/// 500·d_i·(d − d_i) (to be multiplied by C_e) and the diffraction-parameter
/// weight √(0.002·d / (d_i·(d − d_i))) (to be divided by √λ).
#[derive(Debug, Clone)]
pub struct BullingtonProfile {
    d_km: Vec<f64>,
    curvature: Vec<f64>,
    nu_weight: Vec<f64>,
    inv_d: Vec<f64>,
    inv_d_to_rx: Vec<f64>,
}

impl BullingtonProfile {
    /// Precompute the terms for the distances `d_km` (first 0, increasing).
    pub fn new(d_km: &[f64]) -> Self {
        let dtot = d_km[d_km.len() - 1];
        let curvature = d_km.iter().map(|&d| 500.0 * d * (dtot - d)).collect();
        let nu_weight = d_km
            .iter()
            .map(|&d| {
                let den = d * (dtot - d);
                if den > 0.0 {
                    (0.002 * dtot / den).sqrt()
                } else {
                    0.0
                }
            })
            .collect();
        let recip = |x: f64| if x > 0.0 { 1.0 / x } else { 0.0 };
        BullingtonProfile {
            d_km: d_km.to_vec(),
            curvature,
            nu_weight,
            inv_d: d_km.iter().map(|&d| recip(d)).collect(),
            inv_d_to_rx: d_km.iter().map(|&d| recip(dtot - d)).collect(),
        }
    }

    /// Path length (km).
    fn dtot(&self) -> f64 {
        self.d_km[self.d_km.len() - 1]
    }

    /// Slope S_tim (m/km) of the line from the transmitter to the
    /// intermediate point that subtends the highest slope, eq. (14), for
    /// surface heights `g(i)` (m), transmitter height `hts_m` and effective
    /// Earth curvature `ce` = 1/a (1/km).
    pub fn max_slope_from_tx(&self, g: impl Fn(usize) -> f64, hts_m: f64, ce: f64) -> f64 {
        let n = self.d_km.len();
        (1..n - 1)
            .map(|i| (g(i) + ce * self.curvature[i] - hts_m) * self.inv_d[i])
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// Bullington diffraction loss L_bull (dB), eq. (22), over surface
    /// heights `g(i)` (m), antenna heights `hts_m`, `hrs_m` (m), effective
    /// Earth radius `ap_km` and frequency `freq_ghz`.
    pub fn loss_db(
        &self,
        g: impl Fn(usize) -> f64,
        hts_m: f64,
        hrs_m: f64,
        ap_km: f64,
        freq_ghz: f64,
    ) -> f64 {
        let n = self.d_km.len();
        let d = &self.d_km;
        let ce = 1.0 / ap_km;
        let lambda_m = 0.2998 / freq_ghz;
        let dtot = self.dtot();
        let stim = self.max_slope_from_tx(&g, hts_m, ce); // (14)
        let str_ = (hrs_m - hts_m) / dtot; // (15)
        let inv_dtot = 1.0 / dtot;
        let luc = if stim < str_ {
            // Case 1: line of sight, eqs. (16), (17).
            let numax = (1..n - 1)
                .map(|i| {
                    (g(i) + ce * self.curvature[i] - hts_m - (hrs_m - hts_m) * d[i] * inv_dtot)
                        * self.nu_weight[i]
                })
                .fold(f64::NEG_INFINITY, f64::max)
                / lambda_m.sqrt(); // (16)
            knife_edge_db(numax) // (17)
        } else {
            // Case 2: trans-horizon, eqs. (18)–(21).
            let srim = (1..n - 1)
                .map(|i| (g(i) + ce * self.curvature[i] - hrs_m) * self.inv_d_to_rx[i])
                .fold(f64::NEG_INFINITY, f64::max); // (18)
            let dbp = (hrs_m - hts_m + srim * dtot) / (stim + srim); // (19)
            let nub = (hts_m + stim * dbp - (hts_m * (dtot - dbp) + hrs_m * dbp) / dtot)
                * (0.002 * dtot / (lambda_m * dbp * (dtot - dbp))).sqrt(); // (20)
            knife_edge_db(nub) // (21)
        };
        luc + (1.0 - (-luc / 6.0).exp()) * (10.0 + 0.02 * dtot) // (22)
    }
}

/// Bullington diffraction loss L_bull (dB), eq. (22), over the profile
/// `g_m` (m) at distances `d_km` (convenience over [`BullingtonProfile`]).
pub fn bullington_db(
    d_km: &[f64],
    g_m: &[f64],
    hts_m: f64,
    hrs_m: f64,
    ap_km: f64,
    freq_ghz: f64,
) -> f64 {
    BullingtonProfile::new(d_km).loss_db(|i| g_m[i], hts_m, hrs_m, ap_km, freq_ghz)
}
