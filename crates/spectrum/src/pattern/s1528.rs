//! ITU-R S.1528 *recommends* 1.2: non-GSO satellite antenna pattern (FSS below 30 GHz).

use super::{AntennaPattern, normalize_off_axis_deg};
use crate::error::{Result, finite, in_range, invalid, positive};

/// Near-in side-lobe level LN relative to the peak (the rows of the
/// Recommendation's table of a, b, α).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum S1528NearSidelobe {
    /// LN = −15 dB: `a = 2.58 √(1 − 1.4 log z)`.
    Minus15,
    /// LN = −20 dB: `a = 2.58 √(1 − 1.0 log z)`.
    Minus20,
    /// LN = −25 dB: `a = 2.58 √(1 − 0.6 log z)`.
    Minus25,
    /// LN = −30 dB: `a = 2.58 √(1 − 0.4 log z)`.
    Minus30,
}

impl S1528NearSidelobe {
    /// From a level in dB (−15, −20, −25 or −30).
    ///
    /// # Errors
    /// Any other level.
    pub fn from_db(ln_db: f64) -> Result<Self> {
        match ln_db {
            -15.0 => Ok(Self::Minus15),
            -20.0 => Ok(Self::Minus20),
            -25.0 => Ok(Self::Minus25),
            -30.0 => Ok(Self::Minus30),
            _ => Err(invalid("ln_db", "one of −15, −20, −25, −30 dB", ln_db)),
        }
    }
    fn db(self) -> f64 {
        match self {
            Self::Minus15 => -15.0,
            Self::Minus20 => -20.0,
            Self::Minus25 => -25.0,
            Self::Minus30 => -30.0,
        }
    }
    fn a_coef(self) -> f64 {
        match self {
            Self::Minus15 => 1.4,
            Self::Minus20 => 1.0,
            Self::Minus25 => 0.6,
            Self::Minus30 => 0.4,
        }
    }
}

/// ITU-R S.1528 *recommends* 1.2 pattern:
///
/// - `Gm − 3 (ψ/ψb)^α` for 0 ≤ ψ ≤ a ψb;
/// - `Gm + LN + 20 log z` for a ψb < ψ ≤ 0.5 b ψb;
/// - `Gm + LN` for 0.5 b ψb < ψ ≤ b ψb;
/// - `X − 25 log ψ` for b ψb < ψ ≤ Y;
/// - `LF` for Y < ψ ≤ 90°; `LB` for 90° < ψ ≤ 180°;
///
/// with `X = Gm + LN + 25 log(b ψb)`, `Y = b ψb 10^(0.04 (Gm + LN − LF))`,
/// `LB = max(15 + LN + 0.25 Gm + 5 log z, 0)`, b = 6.32, α = 1.5, LF = 0 dBi
/// by default, ψb one half of the 3 dB beamwidth and z the major/minor
/// axis ratio of the beam.
///
/// # References
/// ITU-R S.1528-0 (06/2001), *recommends* 1.2 and its table of a, b, α.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct S1528 {
    gm_dbi: f64,
    psi_b_deg: f64,
    ln_db: f64,
    lf_dbi: f64,
    z: f64,
    a: f64,
    x_dbi: f64,
    y_deg: f64,
    lb_dbi: f64,
}

/// b of the Recommendation's table (all LN rows).
const B: f64 = 6.32;
/// α of the Recommendation's table (all LN rows).
const ALPHA: f64 = 1.5;

impl S1528 {
    /// A pattern of peak gain `gm_dbi`, half 3 dB beamwidth `psi_b_deg`,
    /// near-in side lobes `ln`, far side lobes `lf_dbi` (0 dBi in the
    /// Recommendation) and axis ratio `z` (1 for a circular beam).
    ///
    /// # Errors
    /// Non-finite or non-positive inputs; `z < 1`; `a` undefined
    /// (`1 − c log z < 0` for very elliptical beams).
    pub fn new(
        gm_dbi: f64,
        psi_b_deg: f64,
        ln: S1528NearSidelobe,
        lf_dbi: f64,
        z: f64,
    ) -> Result<Self> {
        finite("gm_dbi", gm_dbi)?;
        in_range("psi_b_deg", psi_b_deg, 1e-6, 90.0)?;
        finite("lf_dbi", lf_dbi)?;
        positive("z", z)?;
        if z < 1.0 {
            return Err(invalid("z", "an axis ratio ≥ 1", z));
        }
        let radicand = 1.0 - ln.a_coef() * z.log10();
        if radicand < 0.0 {
            return Err(invalid("z", "an axis ratio with 1 − c·log z ≥ 0", z));
        }
        let a = 2.58 * radicand.sqrt();
        let ln_db = ln.db();
        let x_dbi = gm_dbi + ln_db + 25.0 * (B * psi_b_deg).log10();
        let y_deg = B * psi_b_deg * 10f64.powf(0.04 * (gm_dbi + ln_db - lf_dbi));
        let lb_dbi = (15.0 + ln_db + 0.25 * gm_dbi + 5.0 * z.log10()).max(0.0);
        Ok(Self {
            gm_dbi,
            psi_b_deg,
            ln_db,
            lf_dbi,
            z,
            a,
            x_dbi,
            y_deg,
            lb_dbi,
        })
    }

    /// ψb from D/λ: `ψb = √1200 / (D/λ)` degrees (the Recommendation's
    /// relation for the half-power half-beamwidth).
    ///
    /// # Errors
    /// D/λ not > 0.
    pub fn psi_b_from_d_over_lambda(d_over_lambda: f64) -> Result<f64> {
        Ok(1200f64.sqrt() / positive("d_over_lambda", d_over_lambda)?)
    }

    /// (a, X dBi, Y deg, LB dBi).
    pub fn breakpoints(&self) -> (f64, f64, f64, f64) {
        (self.a, self.x_dbi, self.y_deg, self.lb_dbi)
    }
}

impl AntennaPattern for S1528 {
    fn gain_dbi(&self, off_axis_deg: f64) -> f64 {
        let psi = normalize_off_axis_deg(off_axis_deg);
        if psi.is_nan() {
            return f64::NAN;
        }
        let pb = self.psi_b_deg;
        if psi <= self.a * pb {
            self.gm_dbi - 3.0 * (psi / pb).powf(ALPHA)
        } else if psi <= 0.5 * B * pb {
            self.gm_dbi + self.ln_db + 20.0 * self.z.log10()
        } else if psi <= B * pb {
            self.gm_dbi + self.ln_db
        } else if psi <= self.y_deg {
            self.x_dbi - 25.0 * psi.log10()
        } else if psi <= 90.0 {
            self.lf_dbi
        } else {
            self.lb_dbi
        }
    }
    fn max_gain_dbi(&self) -> f64 {
        self.gm_dbi
    }
    fn beamwidth_3db_deg(&self) -> f64 {
        2.0 * self.psi_b_deg
    }
    fn name(&self) -> &'static str {
        "ITU-R S.1528 rec. 1.2"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn circular_beam_ln_minus15_breakpoints() {
        // Gm = 35 dBi, ψb = 2°, LN = −15 dB, LF = 0, z = 1 → a = 2.58, aψb = 5.16°,
        // 0.5bψb = 6.32°, bψb = 12.64°.
        let p = S1528::new(35.0, 2.0, S1528NearSidelobe::Minus15, 0.0, 1.0).unwrap();
        let (a, x, y, lb) = p.breakpoints();
        close(a, 2.58, 1e-12);
        // X = 35 − 15 + 25 log 12.64 = 20 + 25·1.101747 = 47.5437 dBi.
        close(x, 47.5437, 1e-3);
        // Y = 12.64 · 10^(0.04·20) = 12.64 · 6.309573 = 79.7530°.
        close(y, 79.7530, 1e-3);
        // LB = max(15 − 15 + 8.75 + 0, 0) = 8.75 dBi.
        close(lb, 8.75, 1e-12);
        // ψ = ψb: 35 − 3 = 32 dBi (the −3 dB point).
        close(p.gain_dbi(2.0), 32.0, 1e-12);
        // ψ = aψb = 5.16°: 35 − 3·2.58^1.5 = 35 − 3·4.144071 = 22.5678 dBi.
        close(p.gain_dbi(5.16), 22.5678, 1e-3);
        // just above aψb, up to bψb: Gm + LN = 20 dBi.
        close(p.gain_dbi(5.17), 20.0, 1e-12);
        close(p.gain_dbi(12.64), 20.0, 1e-12);
        // 20°: 47.5437 − 25·1.301030 = 15.0179 dBi.
        close(p.gain_dbi(20.0), 15.0179, 1e-3);
        // Y: 47.5437 − 25 log 79.753 = 47.5437 − 25·1.901747 = 0.0000 dBi.
        close(p.gain_dbi(79.753), 0.0, 1e-3);
        close(p.gain_dbi(85.0), 0.0, 1e-12);
        close(p.gain_dbi(120.0), 8.75, 1e-12);
    }

    #[test]
    fn elliptical_beam_and_errors() {
        // z = 2, LN = −20: a = 2.58·√(1 − 0.30103) = 2.58·0.836044 = 2.15699;
        // plateau Gm + LN + 20 log 2 = 30 − 20 + 6.0206 = 16.0206 dBi.
        let p = S1528::new(30.0, 1.0, S1528NearSidelobe::Minus20, 0.0, 2.0).unwrap();
        close(p.breakpoints().0, 2.15699, 1e-4);
        close(p.gain_dbi(2.5), 16.0206, 1e-4);
        assert!(S1528::new(30.0, -1.0, S1528NearSidelobe::Minus20, 0.0, 1.0).is_err());
        assert!(S1528::new(30.0, 1.0, S1528NearSidelobe::Minus20, 0.0, 0.5).is_err());
        assert!(S1528NearSidelobe::from_db(-17.0).is_err());
        // ψb from D/λ = 34.64: √1200/34.64 = 1.0000°.
        close(S1528::psi_b_from_d_over_lambda(34.641).unwrap(), 1.0, 1e-4);
    }
}
