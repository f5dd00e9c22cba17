//! Uplink, downlink and end-to-end budgets through a transparent transponder.

use crate::error::{Result, check_finite, check_positive, check_range};
use crate::noise::{NoiseAtFade, ReceiveChain};
use crate::path::{free_space_loss_db, spreading_loss_db_m2};
use crate::transponder::{CarrierOperatingPoint, Transponder};
use crate::units::{boltzmann_dbw_per_k_hz, combine_inverse_db, lin_to_db};
use serde::Serialize;

/// Carrier-to-noise-density ratio of one hop,
/// `C/N0 = EIRP − L_fs − L_other + G/T − 10 log k`.
///
/// # Units
/// dBW, dB, dB/K in; dB·Hz out. `losses_db` is every loss other than free
/// space (atmospheric attenuation, pointing, polarisation, ...).
///
/// # References
/// Maral & Bousquet, 5th ed., §5.6 (C/N0 of a link), eq. (5.41).
pub fn cn0_dbhz(eirp_dbw: f64, free_space_loss_db: f64, losses_db: f64, gt_dbk: f64) -> f64 {
    eirp_dbw - free_space_loss_db - losses_db + gt_dbk - boltzmann_dbw_per_k_hz()
}

/// C/N in a noise bandwidth: `C/N = C/N0 − 10 log B`. With `B` the symbol
/// rate this is Es/N0 (matched filter).
///
/// # Units
/// dB·Hz and Hz in; dB out.
pub fn cn_db(cn0_dbhz: f64, noise_bandwidth_hz: f64) -> f64 {
    cn0_dbhz - lin_to_db(noise_bandwidth_hz)
}

/// The transmitting (uplink) Earth station.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UplinkSide {
    /// EIRP at boresight, dBW.
    pub eirp_dbw: f64,
    /// Uplink frequency, GHz.
    pub freq_ghz: f64,
    /// Slant range to the satellite, km.
    pub slant_range_km: f64,
    /// Transmit antenna pointing loss, dB.
    pub pointing_loss_db: f64,
    /// Other uplink losses (polarisation, radome...), dB.
    pub other_losses_db: f64,
}

/// The receiving (downlink) Earth station.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DownlinkSide {
    /// Downlink frequency, GHz.
    pub freq_ghz: f64,
    /// Slant range from the satellite, km.
    pub slant_range_km: f64,
    /// Receive antenna gain, dBi.
    pub gain_dbi: f64,
    /// Receive antenna pointing loss, dB.
    pub pointing_loss_db: f64,
    /// Other downlink losses (polarisation, radome...), dB.
    pub other_losses_db: f64,
    /// Receive noise chain.
    pub chain: ReceiveChain,
}

/// Interference, each as a carrier-to-interference ratio in the carrier's
/// bandwidth (dB). Absent terms are omitted. They are held constant under
/// fading (adjacent-satellite interference fades with the wanted carrier on
/// a downlink; the degradation of cross-polar discrimination in rain is not
/// modelled).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Interference {
    /// Uplink adjacent-satellite C/I, dB.
    pub uplink_adjacent_satellite_ci_db: Option<f64>,
    /// Uplink cross-polar C/I, dB.
    pub uplink_cross_pol_ci_db: Option<f64>,
    /// Downlink adjacent-satellite C/I, dB.
    pub downlink_adjacent_satellite_ci_db: Option<f64>,
    /// Downlink cross-polar C/I, dB.
    pub downlink_cross_pol_ci_db: Option<f64>,
    /// Transponder intermodulation C/I at the operating point, dB.
    pub intermod_ci_db: Option<f64>,
}

impl Interference {
    /// All present terms, dB.
    pub fn terms_db(&self) -> Vec<f64> {
        [
            self.uplink_adjacent_satellite_ci_db,
            self.uplink_cross_pol_ci_db,
            self.downlink_adjacent_satellite_ci_db,
            self.downlink_cross_pol_ci_db,
            self.intermod_ci_db,
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Aggregate C/I, dB (`+∞` without interference).
    pub fn total_ci_db(&self) -> f64 {
        combine_inverse_db(&self.terms_db())
    }
}

/// A fully resolved link: one carrier from an uplink station through a
/// transparent transponder to a receiving station.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Transmitting station.
    pub uplink: UplinkSide,
    /// The transponder at its operating point.
    pub transponder: Transponder,
    /// Receiving station.
    pub downlink: DownlinkSide,
    /// Symbol rate of the carrier, baud (also its noise bandwidth).
    pub symbol_rate_baud: f64,
    /// Interference terms.
    pub interference: Interference,
}

/// Uplink results at one fade level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UplinkState {
    /// Free-space loss, dB.
    pub free_space_loss_db: f64,
    /// Atmospheric attenuation applied, dB.
    pub atmospheric_loss_db: f64,
    /// Flux density at the satellite, dBW/m².
    pub pfd_dbw_m2: f64,
    /// C/N0, dB·Hz.
    pub cn0_dbhz: f64,
    /// C/N in the symbol rate, dB.
    pub cn_db: f64,
}

/// Downlink results at one fade level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DownlinkState {
    /// Free-space loss, dB.
    pub free_space_loss_db: f64,
    /// Atmospheric attenuation applied, dB.
    pub atmospheric_loss_db: f64,
    /// Noise temperature and G/T with the fade's sky-noise increase.
    pub noise: NoiseAtFade,
    /// C/N0, dB·Hz.
    pub cn0_dbhz: f64,
    /// C/N in the symbol rate, dB.
    pub cn_db: f64,
}

/// Link results at one pair of fade levels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LinkState {
    /// Uplink.
    pub uplink: UplinkState,
    /// The carrier in the transponder.
    pub carrier: CarrierOperatingPoint,
    /// Downlink.
    pub downlink: DownlinkState,
    /// Thermal C/N end to end (uplink and downlink combined), dB.
    pub cn_thermal_db: f64,
    /// Aggregate C/I, dB (`None` without interference).
    pub ci_db: Option<f64>,
    /// C/(N+I) end to end = Es/(N0+I0) at the demodulator, dB.
    pub cnir_db: f64,
}

impl Link {
    /// Checks the numeric fields.
    pub fn validate(&self) -> Result<()> {
        check_finite("uplink.eirp_dbw", self.uplink.eirp_dbw)?;
        check_positive("uplink.freq_ghz", self.uplink.freq_ghz)?;
        check_positive("uplink.slant_range_km", self.uplink.slant_range_km)?;
        check_range(
            "uplink.pointing_loss_db",
            self.uplink.pointing_loss_db,
            0.0,
            100.0,
            "a loss >= 0 dB",
        )?;
        check_range(
            "uplink.other_losses_db",
            self.uplink.other_losses_db,
            0.0,
            100.0,
            "a loss >= 0 dB",
        )?;
        self.transponder.validate()?;
        check_positive("downlink.freq_ghz", self.downlink.freq_ghz)?;
        check_positive("downlink.slant_range_km", self.downlink.slant_range_km)?;
        check_finite("downlink.gain_dbi", self.downlink.gain_dbi)?;
        check_range(
            "downlink.pointing_loss_db",
            self.downlink.pointing_loss_db,
            0.0,
            100.0,
            "a loss >= 0 dB",
        )?;
        check_range(
            "downlink.other_losses_db",
            self.downlink.other_losses_db,
            0.0,
            100.0,
            "a loss >= 0 dB",
        )?;
        check_positive("symbol_rate_baud", self.symbol_rate_baud)?;
        for t in self.interference.terms_db() {
            check_finite("interference C/I", t)?;
        }
        Ok(())
    }

    /// Evaluates the link with atmospheric attenuation `a_up_db` on the
    /// uplink and `a_down_db` on the downlink.
    ///
    /// The uplink fade lowers the carrier's flux density at the satellite
    /// and so (transponder linear around its operating point) its downlink
    /// EIRP; the downlink fade lowers the received carrier and raises the
    /// antenna noise temperature (ITU-R P.618-13 §3).
    ///
    /// # References
    /// Maral & Bousquet, 5th ed., §5.9 (end-to-end C/N0 of a transparent
    /// link: `(C/N0)_T⁻¹ = (C/N0)_U⁻¹ + (C/N0)_D⁻¹ + (C/N0)_I⁻¹`).
    pub fn evaluate(&self, a_up_db: f64, a_down_db: f64) -> Result<LinkState> {
        self.validate()?;
        check_range("a_up_db", a_up_db, 0.0, 1000.0, "an attenuation >= 0 dB")?;
        check_range(
            "a_down_db",
            a_down_db,
            0.0,
            1000.0,
            "an attenuation >= 0 dB",
        )?;
        let up = &self.uplink;
        let fsl_up = free_space_loss_db(up.slant_range_km, up.freq_ghz)?;
        let up_losses = a_up_db + up.pointing_loss_db + up.other_losses_db;
        let pfd = up.eirp_dbw - up_losses - spreading_loss_db_m2(up.slant_range_km)?;
        let cn0_up = cn0_dbhz(up.eirp_dbw, fsl_up, up_losses, self.transponder.gt_dbk);
        let carrier = self.transponder.carrier_from_pfd(pfd)?;

        let dn = &self.downlink;
        let fsl_dn = free_space_loss_db(dn.slant_range_km, dn.freq_ghz)?;
        let noise = dn.chain.at_fade(dn.gain_dbi, a_down_db)?;
        let dn_losses = a_down_db + dn.pointing_loss_db + dn.other_losses_db;
        let cn0_dn = cn0_dbhz(carrier.eirp_dbw, fsl_dn, dn_losses, noise.gt_dbk);

        let rs = self.symbol_rate_baud;
        let cn_up = cn_db(cn0_up, rs);
        let cn_dn = cn_db(cn0_dn, rs);
        let cn_thermal = combine_inverse_db(&[cn_up, cn_dn]);
        let mut all = self.interference.terms_db();
        all.push(cn_up);
        all.push(cn_dn);
        Ok(LinkState {
            uplink: UplinkState {
                free_space_loss_db: fsl_up,
                atmospheric_loss_db: a_up_db,
                pfd_dbw_m2: pfd,
                cn0_dbhz: cn0_up,
                cn_db: cn_up,
            },
            carrier,
            downlink: DownlinkState {
                free_space_loss_db: fsl_dn,
                atmospheric_loss_db: a_down_db,
                noise,
                cn0_dbhz: cn0_dn,
                cn_db: cn_dn,
            },
            cn_thermal_db: cn_thermal,
            ci_db: {
                let terms = self.interference.terms_db();
                (!terms.is_empty()).then(|| combine_inverse_db(&terms))
            },
            cnir_db: combine_inverse_db(&all),
        })
    }
}

impl Link {
    /// Scales the uplink EIRP so that the end-to-end C/(N+I) reaches
    /// `target_cnir_db` at fades (`a_up_db`, `a_down_db`), and returns the
    /// resulting state: its `carrier` gives the satellite power the carrier
    /// needs (power share of the transponder, PEB, downlink EIRP) and its
    /// uplink PFD. `None` when no uplink EIRP within ±60 dB of the current
    /// one reaches the target (interference-limited link).
    ///
    /// Around the operating point the transponder is linear, so raising the
    /// uplink EIRP by x dB raises both the uplink and the downlink C/N by
    /// x dB; interference C/I terms stay fixed. Solved by bisection to 1e-6 dB.
    ///
    /// # References
    /// Maral & Bousquet, 5th ed., §5.9 and §6.5.4 (power sharing).
    pub fn carrier_for_target(
        &self,
        target_cnir_db: f64,
        a_up_db: f64,
        a_down_db: f64,
    ) -> Result<Option<LinkState>> {
        check_finite("target_cnir_db", target_cnir_db)?;
        let at = |delta: f64| -> Result<LinkState> {
            let mut l = self.clone();
            l.uplink.eirp_dbw += delta;
            l.evaluate(a_up_db, a_down_db)
        };
        const SPAN_DB: f64 = 60.0;
        if at(SPAN_DB)?.cnir_db < target_cnir_db {
            return Ok(None);
        }
        let (mut lo, mut hi) = (-SPAN_DB, SPAN_DB);
        if at(lo)?.cnir_db >= target_cnir_db {
            return Ok(Some(at(lo)?));
        }
        while hi - lo > 1e-6 {
            let mid = 0.5 * (lo + hi);
            if at(mid)?.cnir_db >= target_cnir_db {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        at(hi).map(Some)
    }
}

/// The downlink C/N (dB) a carrier needs so that the end-to-end C/(N+I)
/// reaches `target_cnir_db`, given the other terms (uplink C/N, C/I terms):
/// `(C/N)_D = −10 log(10^(−target/10) − Σ 10^(−other/10))`.
///
/// Returns `None` when the other terms alone already fall short of the
/// target. Used to size a carrier's satellite power (capacity planning).
///
/// # References
/// Maral & Bousquet, 5th ed., §5.9.
pub fn required_downlink_cn_db(target_cnir_db: f64, other_terms_db: &[f64]) -> Option<f64> {
    let budget = 10f64.powf(-target_cnir_db / 10.0)
        - other_terms_db
            .iter()
            .map(|t| 10f64.powf(-t / 10.0))
            .sum::<f64>();
    (budget > 0.0).then(|| -lin_to_db(budget))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::noise::{MEAN_RADIATING_TEMP_K, ReceiverNoise};

    /// A Ku-band link with round numbers (illustrative).
    pub(crate) fn sample_link() -> Link {
        Link {
            uplink: UplinkSide {
                eirp_dbw: 70.0,
                freq_ghz: 14.25,
                slant_range_km: 37_539.4,
                pointing_loss_db: 0.0,
                other_losses_db: 0.0,
            },
            transponder: Transponder {
                bandwidth_mhz: 36.0,
                saturated_eirp_dbw: 50.0,
                sfd_dbw_m2: -85.0,
                gt_dbk: 2.0,
                ibo_db: 5.0,
                obo_db: 3.0,
            },
            downlink: DownlinkSide {
                freq_ghz: 12.0,
                slant_range_km: 38_033.3,
                gain_dbi: 41.703,
                pointing_loss_db: 0.0,
                other_losses_db: 0.0,
                chain: ReceiveChain {
                    antenna_temp_k: 40.0,
                    feeder_loss_db: 0.0,
                    receiver: ReceiverNoise::TempK(75.0),
                    t_m_k: MEAN_RADIATING_TEMP_K,
                },
            },
            symbol_rate_baud: 10e6,
            interference: Interference::default(),
        }
    }

    #[test]
    fn hand_worked_clear_sky() {
        // Uplink: FSL(37 539.4 km, 14.25 GHz) = 205.52 + 20 log(14.25/12)
        //   = 205.521 + 1.493 = 207.014 dB.
        //   C/N0 = 70 − 207.014 + 2 + 228.599 = 93.585 dB·Hz; C/N (10 MBd,
        //   70 dB·Hz) = 23.585 dB.
        //   PFD = 70 − 162.482 = −92.482 dBW/m² → IBO_c = 7.482, OBO_c = 5.482,
        //   EIRP_c = 44.518 dBW.
        // Downlink: FSL(38 033.3 km, 12 GHz) = 205.635 dB; G/T = 21.096 dB/K.
        //   C/N0 = 44.518 − 205.635 + 21.096 + 228.599 = 88.578 dB·Hz;
        //   C/N = 18.578 dB.
        // Total: 10^−2.3585 + 10^−1.8578 = 0.004379 + 0.013873 = 0.018252
        //   → 17.386 dB.
        let s = sample_link().evaluate(0.0, 0.0).unwrap();
        assert!(
            (s.uplink.free_space_loss_db - 207.014).abs() < 2e-3,
            "{s:?}"
        );
        assert!((s.uplink.cn0_dbhz - 93.585).abs() < 2e-3, "{s:?}");
        assert!((s.uplink.pfd_dbw_m2 + 92.482).abs() < 2e-3, "{s:?}");
        assert!((s.carrier.eirp_dbw - 44.518).abs() < 2e-3, "{s:?}");
        assert!(
            (s.downlink.free_space_loss_db - 205.635).abs() < 2e-3,
            "{s:?}"
        );
        assert!((s.downlink.cn_db - 18.578).abs() < 3e-3, "{s:?}");
        assert!((s.cn_thermal_db - 17.386).abs() < 3e-3, "{s:?}");
        assert_eq!(s.ci_db, None);
        assert_eq!(s.cn_thermal_db, s.cnir_db);
    }

    #[test]
    fn end_to_end_is_below_each_hop() {
        let mut link = sample_link();
        link.interference.intermod_ci_db = Some(20.0);
        link.interference.downlink_adjacent_satellite_ci_db = Some(22.0);
        let s = link.evaluate(0.5, 1.0).unwrap();
        assert!(s.cnir_db < s.uplink.cn_db);
        assert!(s.cnir_db < s.downlink.cn_db);
        assert!(s.cnir_db < s.ci_db.unwrap());
        assert!(s.cnir_db < s.cn_thermal_db);
    }

    #[test]
    fn more_rain_lowers_cn() {
        let link = sample_link();
        let mut last = f64::INFINITY;
        for a in [0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0] {
            let s = link.evaluate(0.0, a).unwrap();
            assert!(s.cnir_db < last, "a = {a}");
            last = s.cnir_db;
            // Downlink C/N loses more than A: the sky noise rises too.
            let clear = link.evaluate(0.0, 0.0).unwrap();
            assert!(clear.downlink.cn_db - s.downlink.cn_db >= a - 1e-12);
        }
        // Uplink fade lowers the downlink carrier EIRP one for one.
        let a = link.evaluate(0.0, 0.0).unwrap();
        let b = link.evaluate(3.0, 0.0).unwrap();
        assert!((a.carrier.eirp_dbw - b.carrier.eirp_dbw - 3.0).abs() < 1e-9);
    }

    #[test]
    fn required_downlink_inverts_the_combination() {
        let need = required_downlink_cn_db(10.0, &[20.0, 18.0]).unwrap();
        let back = combine_inverse_db(&[20.0, 18.0, need]);
        assert!((back - 10.0).abs() < 1e-9);
        assert!(required_downlink_cn_db(19.0, &[20.0, 18.0]).is_none());
    }

    #[test]
    fn carrier_sized_for_a_target() {
        // Without interference both hops scale with the uplink EIRP, so
        // +3 dB on the end-to-end C/N needs exactly +3 dB of uplink EIRP and
        // doubles the carrier's power share (×10^0.3 = 1.995).
        let link = sample_link();
        let base = link.evaluate(0.0, 0.0).unwrap();
        let s = link
            .carrier_for_target(base.cnir_db + 3.0, 0.0, 0.0)
            .unwrap()
            .unwrap();
        assert!((s.cnir_db - base.cnir_db - 3.0).abs() < 1e-5);
        assert!((s.carrier.power_share / base.carrier.power_share - 1.995_262).abs() < 1e-5);
        // With a 15 dB C/I floor a 16 dB target is out of reach.
        let mut limited = sample_link();
        limited.interference.intermod_ci_db = Some(15.0);
        assert!(
            limited
                .carrier_for_target(16.0, 0.0, 0.0)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn rejects_negative_fade() {
        assert!(sample_link().evaluate(-1.0, 0.0).is_err());
    }
}
