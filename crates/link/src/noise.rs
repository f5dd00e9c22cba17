//! Receiving-system noise temperature, rain-induced sky-noise increase and G/T.

use crate::error::{Result, check_finite, check_positive, check_range};
use crate::units::{T0_K, db_to_lin, lin_to_db};
use serde::{Deserialize, Serialize};

/// Mean radiating temperature of the atmosphere (K) to use in the absence of
/// local data.
///
/// # References
/// ITU-R P.618-13 §3 (sky noise temperature): T_mr = 275 K may be used for
/// clear and rainy weather when no local surface temperature is known.
pub const MEAN_RADIATING_TEMP_K: f64 = 275.0;

/// Noise figure (dB) → equivalent noise temperature, `T = T0 (10^(F/10) − 1)`,
/// T0 = 290 K.
///
/// # References
/// Maral & Bousquet, 5th ed., §5.5.3, eq. (5.28).
pub fn noise_figure_to_temp_k(noise_figure_db: f64) -> Result<f64> {
    check_range(
        "noise_figure_db",
        noise_figure_db,
        0.0,
        30.0,
        "a noise figure in [0, 30] dB",
    )?;
    Ok(T0_K * (db_to_lin(noise_figure_db) - 1.0))
}

/// Increase of antenna noise temperature caused by an attenuating medium
/// (rain, clouds, gases) of attenuation `a_db` at physical temperature
/// `t_m_k`: `ΔT = T_m (1 − 10^(−A/10))`.
///
/// Added to the clear-sky antenna temperature: this does not reduce the
/// clear-sky sky contribution by the attenuation, which is slightly
/// conservative (Maral & Bousquet §5.7.2 discuss both forms).
///
/// # Units
/// dB and K in, K out.
///
/// # References
/// ITU-R P.618-13 §3, T_sky = T_mr (1 − 10^(−A/10)) + 2.7·10^(−A/10);
/// Maral & Bousquet, 5th ed., §5.7.2.
pub fn sky_noise_increase_k(a_db: f64, t_m_k: f64) -> Result<f64> {
    check_range("a_db", a_db, 0.0, f64::MAX, "an attenuation >= 0 dB")?;
    check_positive("t_m_k", t_m_k)?;
    Ok(t_m_k * (1.0 - db_to_lin(-a_db)))
}

/// Receiver front end: LNB (or LNA) noise given as a temperature or a figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ReceiverNoise {
    /// Noise temperature, K.
    TempK(f64),
    /// Noise figure, dB (converted with T0 = 290 K).
    FigureDb(f64),
}

impl ReceiverNoise {
    /// Equivalent noise temperature, K.
    pub fn temp_k(&self) -> Result<f64> {
        match *self {
            ReceiverNoise::TempK(t) => check_range(
                "lnb_noise_temp_k",
                t,
                0.0,
                1e5,
                "a temperature in [0, 1e5] K",
            ),
            ReceiverNoise::FigureDb(f) => noise_figure_to_temp_k(f),
        }
    }
}

/// A receiving Earth station's noise budget.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReceiveChain {
    /// Clear-sky antenna noise temperature (sky + ground spill-over), K.
    pub antenna_temp_k: f64,
    /// Loss between antenna flange and LNB input (feed, waveguide), dB ≥ 0,
    /// at physical temperature [`T0_K`].
    pub feeder_loss_db: f64,
    /// LNB noise.
    pub receiver: ReceiverNoise,
    /// Mean radiating temperature of the fading medium, K (default
    /// [`MEAN_RADIATING_TEMP_K`]).
    pub t_m_k: f64,
}

/// System noise temperature and figure of merit at one fade level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NoiseAtFade {
    /// Atmospheric attenuation the noise was computed for, dB.
    pub a_db: f64,
    /// Antenna noise temperature including the sky-noise increase, K.
    pub antenna_temp_k: f64,
    /// System noise temperature referred to the LNB input, K.
    pub t_sys_k: f64,
    /// Figure of merit G/T at the LNB input, dB/K.
    pub gt_dbk: f64,
}

impl ReceiveChain {
    /// System noise temperature referred to the LNB input,
    /// `T_sys = T_A / L + T_F (1 − 1/L) + T_LNB`, with `T_A` raised by
    /// [`sky_noise_increase_k`] for attenuation `a_db`, and `G/T =
    /// G − L − 10 log T_sys`.
    ///
    /// # Units
    /// `gain_dbi` in dBi, `a_db` in dB.
    ///
    /// # References
    /// Maral & Bousquet, 5th ed., §5.5.5 (system noise temperature) and
    /// §5.7.2 (effect of rain on G/T); ITU-R P.618-13 §3.
    pub fn at_fade(&self, gain_dbi: f64, a_db: f64) -> Result<NoiseAtFade> {
        check_finite("gain_dbi", gain_dbi)?;
        check_range(
            "antenna_noise_temp_k",
            self.antenna_temp_k,
            0.0,
            1e4,
            "a temperature in [0, 1e4] K",
        )?;
        check_range(
            "feeder_loss_db",
            self.feeder_loss_db,
            0.0,
            30.0,
            "a loss in [0, 30] dB",
        )?;
        let t_lnb = self.receiver.temp_k()?;
        let t_a = self.antenna_temp_k + sky_noise_increase_k(a_db, self.t_m_k)?;
        let l = db_to_lin(self.feeder_loss_db);
        let t_sys = t_a / l + T0_K * (1.0 - 1.0 / l) + t_lnb;
        Ok(NoiseAtFade {
            a_db,
            antenna_temp_k: t_a,
            t_sys_k: t_sys,
            gt_dbk: gain_dbi - self.feeder_loss_db - lin_to_db(t_sys),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_figure_conversion() {
        // 1 dB: 290 (1.2589 − 1) = 75.09 K; 0.7 dB: 290 · 0.17490 = 50.72 K.
        assert!((noise_figure_to_temp_k(1.0).unwrap() - 75.088).abs() < 1e-3);
        assert!((noise_figure_to_temp_k(0.7).unwrap() - 50.72).abs() < 0.01);
    }

    #[test]
    fn sky_noise_increase() {
        // A = 3 dB: 275 (1 − 0.50119) = 137.17 K.
        assert!((sky_noise_increase_k(3.0, 275.0).unwrap() - 137.17).abs() < 0.01);
        assert_eq!(sky_noise_increase_k(0.0, 275.0).unwrap(), 0.0);
        assert!(sky_noise_increase_k(-1.0, 275.0).is_err());
    }

    #[test]
    fn vsat_gt_clear_and_rain() {
        // 1.2 m at 12 GHz, 41.70 dBi; T_A = 40 K, no feeder loss, LNB 75 K:
        // T_sys = 115 K → 20.607 dB·K; G/T = 41.70 − 20.61 = 21.10 dB/K.
        // 4.22 dB rain: ΔT = 275 (1 − 10^−0.422) = 275 · 0.6216 = 170.9 K,
        // T_sys = 285.9 K → 24.56 dB·K; G/T = 17.14 dB/K (−3.96 dB).
        let chain = ReceiveChain {
            antenna_temp_k: 40.0,
            feeder_loss_db: 0.0,
            receiver: ReceiverNoise::TempK(75.0),
            t_m_k: MEAN_RADIATING_TEMP_K,
        };
        let clear = chain.at_fade(41.703, 0.0).unwrap();
        assert!((clear.t_sys_k - 115.0).abs() < 1e-9);
        assert!((clear.gt_dbk - 21.096).abs() < 1e-3, "{clear:?}");
        let rain = chain.at_fade(41.703, 4.22).unwrap();
        assert!((rain.t_sys_k - 285.93).abs() < 0.01, "{rain:?}");
        assert!((rain.gt_dbk - 17.141).abs() < 2e-3, "{rain:?}");
    }

    #[test]
    fn feeder_loss_raises_noise() {
        // 0.3 dB feeder: L = 1.0715; T_A/L = 37.33, T0 (1 − 1/L) = 19.36.
        let chain = ReceiveChain {
            antenna_temp_k: 40.0,
            feeder_loss_db: 0.3,
            receiver: ReceiverNoise::TempK(75.0),
            t_m_k: MEAN_RADIATING_TEMP_K,
        };
        let n = chain.at_fade(40.0, 0.0).unwrap();
        assert!((n.t_sys_k - (37.331 + 19.357 + 75.0)).abs() < 0.01, "{n:?}");
    }
}
