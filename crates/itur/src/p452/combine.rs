//! The overall P.452-18 prediction: path analysis once per profile, then
//! the combination of the propagation mechanisms for a frequency and time
//! percentage.
//!
//! # References
//! ITU-R P.452-18 Annex 1 §4.5, eqs. (57)–(64): path blending factors F_j
//! (eq. (58), Θ = 0.3, ξ = 0.8) and F_k (eq. (59), d_sw = 20 km,
//! κ = 0.5); L_bd50, L_bd (eqs. (43), (44)); the notional minimum losses
//! L_minb0p (eq. (60)) and L_minbap (eq. (61), η = 2.5); L_bda (eq. (62));
//! L_bam (eq. (63)); and L_b (eq. (64)). §3.2.1: β0 and the effective
//! radii at the path centre.

use super::Inputs;
use super::bullington::BullingtonProfile;
use super::diffraction::{DiffractionPath, diffraction_p};
use super::ducting::{DuctingPath, ducting_db};
use super::gas::{specific_attenuation_db_km, water_vapour_density_g_m3};
use super::geometry::{PathGeometry, analyse};
use super::great_circle::intermediate_point;
use super::line_of_sight::{antenna_distance_km, line_of_sight};
use super::normal::inv_cum_norm;
use super::profile::PathProfile;
use super::radio_climate::{
    beta_effective_radius_km, beta0_pct, longest_inland_km, longest_land_km,
    median_effective_radius_km, sea_fraction,
};
use super::troposcatter::{TROPOSCATTER_RHO_G_M3, troposcatter_db};
use crate::Result;
use crate::error::check_range;

/// Everything about a path that does not depend on frequency or time
/// percentage: computed once, then reused for any number of predictions
/// at the same antenna heights, positions and ΔN.
#[derive(Debug, Clone)]
pub struct PathAnalysis {
    bullington: BullingtonProfile,
    h_m: Vec<f64>,
    g_m: Vec<f64>,
    /// Geometric parameters (Attachment 2).
    pub geometry: PathGeometry,
    /// Median effective Earth radius a_e (km).
    pub ae_km: f64,
    /// Longest continuous land section d_tm (km).
    pub dtm_km: f64,
    /// Longest continuous inland section d_lm (km).
    pub dlm_km: f64,
    /// β0 (%).
    pub b0_pct: f64,
    /// Fraction of the path over sea ω.
    pub omega: f64,
    /// Latitude of the path centre (degrees).
    pub mid_lat_deg: f64,
    htg_m: f64,
    hrg_m: f64,
    dn: f64,
}

/// A P.452-18 prediction: the basic transmission loss and the
/// intermediates of the ITU validation examples.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// Basic transmission loss not exceeded p % of the time L_b (dB),
    /// eq. (64).
    pub lb_db: f64,
    /// Free-space loss with gaseous attenuation L_bfsg (dB), eq. (8).
    pub lbfsg_db: f64,
    /// Line-of-sight loss with multipath/focusing at p %, L_b0p (dB).
    pub lb0p_db: f64,
    /// Line-of-sight loss at β0 %, L_b0β (dB).
    pub lb0b_db: f64,
    /// Spherical-Earth diffraction loss L_dsph (dB), median radius.
    pub ldsph_db: f64,
    /// Median diffraction loss L_d50 (dB).
    pub ld50_db: f64,
    /// Diffraction loss at p %, L_dp (dB).
    pub ldp_db: f64,
    /// Troposcatter loss L_bs (dB).
    pub lbs_db: f64,
    /// Ducting/layer-reflection loss L_ba (dB).
    pub lba_db: f64,
    /// Geometric parameters.
    pub geometry: PathGeometry,
    /// Median effective Earth radius a_e (km).
    pub ae_km: f64,
    /// d_tm (km).
    pub dtm_km: f64,
    /// d_lm (km).
    pub dlm_km: f64,
    /// β0 (%).
    pub b0_pct: f64,
    /// Sea fraction ω.
    pub omega: f64,
    /// ΔN used (N-units/km).
    pub dn: f64,
    /// N0 used (N-units).
    pub n0: f64,
}

impl PathAnalysis {
    /// Analyse `profile` for the antenna heights, positions and ΔN in
    /// `inputs` (the other fields are not used here).
    pub fn new(profile: &PathProfile, inputs: &Inputs) -> Result<Self> {
        check_inputs(inputs)?;
        let ae = median_effective_radius_km(inputs.dn);
        let dtot = profile.length_km();
        let mid = intermediate_point(inputs.tx, inputs.rx, dtot / 2.0);
        let dtm = longest_land_km(profile);
        let dlm = longest_inland_km(profile);
        let geometry = analyse(profile, inputs.htg_m, inputs.hrg_m, ae);
        Ok(PathAnalysis {
            bullington: BullingtonProfile::new(profile.d_km()),
            h_m: profile.h_m().to_vec(),
            g_m: profile.surface_m(),
            geometry,
            ae_km: ae,
            dtm_km: dtm,
            dlm_km: dlm,
            b0_pct: beta0_pct(mid.lat_deg, dtm, dlm),
            omega: sea_fraction(profile),
            mid_lat_deg: mid.lat_deg,
            htg_m: inputs.htg_m,
            hrg_m: inputs.hrg_m,
            dn: inputs.dn,
        })
    }

    /// Predict for `inputs`, whose antenna heights and ΔN must be those the
    /// analysis was made with.
    pub fn predict(&self, inputs: &Inputs) -> Result<Prediction> {
        check_inputs(inputs)?;
        if inputs.htg_m != self.htg_m || inputs.hrg_m != self.hrg_m || inputs.dn != self.dn {
            return Err(crate::Error::InvalidProfile(
                "the path analysis was made for other antenna heights or ΔN".into(),
            ));
        }
        finite(self.predict_unchecked(inputs))
    }

    fn predict_unchecked(&self, inp: &Inputs) -> Prediction {
        let g = &self.geometry;
        let (f, p, b0, omega) = (inp.freq_ghz, inp.p_pct, self.b0_pct, self.omega);
        let ae = self.ae_km;
        let dtot = g.dtot_km;

        // §4.1 line of sight, with multipath and focusing.
        let gamma_los = specific_attenuation_db_km(
            f,
            inp.press_hpa,
            inp.temp_c,
            water_vapour_density_g_m3(omega),
        );
        let dfs = antenna_distance_km(dtot, g.hts_m, g.hrs_m);
        let los = line_of_sight(f, p, b0, dfs, gamma_los, g.dlt_km, g.dlr_km);

        // §4.2 diffraction over terrain + clutter.
        let dpath = DiffractionPath {
            bullington: &self.bullington,
            dtot_km: dtot,
            g_m: &self.g_m,
            hts_m: g.hts_m,
            hrs_m: g.hrs_m,
            hstd_m: g.hstd_m,
            hsrd_m: g.hsrd_m,
            omega,
        };
        let diff = diffraction_p(&dpath, ae, beta_effective_radius_km(), f, p, b0, inp.pol);

        // §4.3 troposcatter.
        let gamma_ts =
            specific_attenuation_db_km(f, inp.press_hpa, inp.temp_c, TROPOSCATTER_RHO_G_M3);
        let lbs = troposcatter_db(
            dtot,
            g.theta_mrad,
            f,
            p,
            inp.n0,
            inp.gt_dbi + inp.gr_dbi,
            gamma_ts,
        );

        // §4.4 ducting / layer reflection.
        let duct = DuctingPath {
            dtot_km: dtot,
            dlt_km: g.dlt_km,
            dlr_km: g.dlr_km,
            dct_km: inp.dct_km,
            dcr_km: inp.dcr_km,
            dlm_km: self.dlm_km,
            hts_m: g.hts_m,
            hrs_m: g.hrs_m,
            hte_m: g.hte_m,
            hre_m: g.hre_m,
            hm_m: g.hm_m,
            theta_t_mrad: g.theta_t_mrad,
            theta_r_mrad: g.theta_r_mrad,
            omega,
            ae_km: ae,
            b0_pct: b0,
        };
        let lba = ducting_db(&duct, f, p, gamma_los);

        // §4.5 the overall prediction.
        let ce = 1.0 / ae;
        let h = &self.h_m;
        let stim = self.bullington.max_slope_from_tx(|i| h[i], g.hts_m, ce); // (14), bare terrain
        let str_ = (g.hrs_m - g.hts_m) / dtot; // (15)
        const THETA: f64 = 0.3;
        const XI: f64 = 0.8;
        let fj = 1.0 - 0.5 * (1.0 + (3.0 * XI * (stim - str_) / THETA).tanh()); // (58)
        const DSW_KM: f64 = 20.0;
        const KAPPA: f64 = 0.5;
        let fk = 1.0 - 0.5 * (1.0 + (3.0 * KAPPA * (dtot - DSW_KM) / DSW_KM).tanh()); // (59)
        let lbd50 = los.lbfsg_db + diff.ld50_db; // (43)
        let lbd = los.lb0p_db + diff.ldp_db; // (44)
        let lminb0p = if p < b0 {
            los.lb0p_db + (1.0 - omega) * diff.ldp_db // (60)
        } else {
            let fi = inv_cum_norm(p / 100.0) / inv_cum_norm(b0 / 100.0); // (41a)
            lbd50 + (los.lb0b_db + (1.0 - omega) * diff.ldp_db - lbd50) * fi // (60)
        };
        const ETA: f64 = 2.5;
        let lminbap = ETA * ((lba / ETA).exp() + (los.lb0p_db / ETA).exp()).ln(); // (61)
        let lbda = if lminbap > lbd {
            lbd
        } else {
            lminbap + (lbd - lminbap) * fk
        }; // (62)
        let lbam = lbda + (lminb0p - lbda) * fj; // (63)
        let lb = -5.0 * (10f64.powf(-0.2 * lbs) + 10f64.powf(-0.2 * lbam)).log10(); // (64)

        Prediction {
            lb_db: lb,
            lbfsg_db: los.lbfsg_db,
            lb0p_db: los.lb0p_db,
            lb0b_db: los.lb0b_db,
            ldsph_db: diff.ldsph_db,
            ld50_db: diff.ld50_db,
            ldp_db: diff.ldp_db,
            lbs_db: lbs,
            lba_db: lba,
            geometry: *g,
            ae_km: ae,
            dtm_km: self.dtm_km,
            dlm_km: self.dlm_km,
            b0_pct: b0,
            omega,
            dn: self.dn,
            n0: inp.n0,
        }
    }
}

/// Predict the basic transmission loss over `profile` (P.452-18 §4).
pub fn predict(profile: &PathProfile, inputs: &Inputs) -> Result<Prediction> {
    let a = PathAnalysis::new(profile, inputs)?;
    finite(a.predict_unchecked(inputs))
}

/// Refuse a prediction whose loss is not a finite number (a profile or
/// input combination outside what the equations can handle).
fn finite(p: Prediction) -> Result<Prediction> {
    if p.lb_db.is_finite() {
        Ok(p)
    } else {
        Err(crate::Error::InvalidProfile(format!(
            "P.452-18 gives no finite loss for this path (L_b = {}, L_d50 = {}, L_ba = {}, L_bs = {})",
            p.lb_db, p.ld50_db, p.lba_db, p.lbs_db
        )))
    }
}

fn check_inputs(i: &Inputs) -> Result<()> {
    check_range(
        "freq_ghz",
        i.freq_ghz,
        0.1,
        50.0,
        "a frequency in [0.1, 50] GHz (P.452-18 scope)",
    )?;
    check_range(
        "p_pct",
        i.p_pct,
        0.001,
        50.0,
        "a time percentage in [0.001, 50] %",
    )?;
    check_range(
        "htg_m",
        i.htg_m,
        1e-3,
        1e4,
        "an antenna height above ground in (0, 10000] m",
    )?;
    check_range(
        "hrg_m",
        i.hrg_m,
        1e-3,
        1e4,
        "an antenna height above ground in (0, 10000] m",
    )?;
    crate::error::check_lat_lon(i.tx.lat_deg, i.tx.lon_deg)?;
    crate::error::check_lat_lon(i.rx.lat_deg, i.rx.lon_deg)?;
    check_range(
        "gt_dbi",
        i.gt_dbi,
        -100.0,
        100.0,
        "an antenna gain in [-100, 100] dBi",
    )?;
    check_range(
        "gr_dbi",
        i.gr_dbi,
        -100.0,
        100.0,
        "an antenna gain in [-100, 100] dBi",
    )?;
    check_range(
        "dct_km",
        i.dct_km,
        0.0,
        1e5,
        "a distance from the coast ≥ 0 km",
    )?;
    check_range(
        "dcr_km",
        i.dcr_km,
        0.0,
        1e5,
        "a distance from the coast ≥ 0 km",
    )?;
    check_range(
        "press_hpa",
        i.press_hpa,
        1.0,
        1100.0,
        "a surface pressure in [1, 1100] hPa",
    )?;
    check_range(
        "temp_c",
        i.temp_c,
        -100.0,
        60.0,
        "a surface temperature in [-100, 60] °C",
    )?;
    check_range(
        "dn",
        i.dn,
        0.0,
        150.0,
        "a lapse-rate ΔN in [0, 150] N-units/km",
    )?;
    check_range(
        "n0",
        i.n0,
        200.0,
        500.0,
        "a sea-level refractivity N0 in [200, 500] N-units",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::p452::{LonLat, Polarization, Zone};

    /// Pseudo-random rough profiles and inputs: always a finite loss or a
    /// clear error, never a panic.
    #[test]
    fn random_paths_never_panic() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for case in 0..300 {
            let n = 4 + (rnd() * 300.0) as usize;
            let step = 0.01 + rnd() * 2.0;
            let d: Vec<f64> = (0..n).map(|i| i as f64 * step).collect();
            let h: Vec<f64> = (0..n).map(|_| rnd() * 2000.0 - 30.0).collect();
            let r: Vec<f64> = (0..n)
                .map(|_| if rnd() < 0.5 { 0.0 } else { rnd() * 30.0 })
                .collect();
            let z: Vec<Zone> = (0..n)
                .map(|_| Zone::from_code(1 + (rnd() * 3.0) as u8).unwrap())
                .collect();
            let profile = PathProfile::new(d, h, r, z).unwrap();
            let inputs = Inputs {
                freq_ghz: 0.1 + rnd() * 49.9,
                p_pct: 0.001 + rnd() * 49.999,
                htg_m: 0.5 + rnd() * 200.0,
                hrg_m: 0.5 + rnd() * 200.0,
                tx: LonLat {
                    lon_deg: 50.0,
                    lat_deg: rnd() * 160.0 - 80.0,
                },
                rx: LonLat {
                    lon_deg: 50.5,
                    lat_deg: 40.0,
                },
                gt_dbi: rnd() * 50.0,
                gr_dbi: rnd() * 50.0,
                pol: if rnd() < 0.5 {
                    Polarization::Horizontal
                } else {
                    Polarization::Vertical
                },
                dct_km: rnd() * 10.0,
                dcr_km: rnd() * 10.0,
                press_hpa: 1013.25,
                temp_c: 15.0,
                dn: 20.0 + rnd() * 60.0,
                n0: 280.0 + rnd() * 100.0,
            };
            match predict(&profile, &inputs) {
                Ok(p) => assert!(p.lb_db.is_finite() && p.lb_db > 0.0, "case {case}: {p:?}"),
                Err(e) => assert!(!e.to_string().is_empty(), "case {case}"),
            }
        }
    }
}
