//! ITU-R S.672-4: GSO satellite antenna, single-feed circular beam.

use super::{AntennaPattern, normalize_off_axis_deg};
use crate::error::{Result, finite, in_range, invalid};

/// Near-in side-lobe level Ls of S.672-4 and its coefficient a (b = 6.32).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum S672SidelobeLevel {
    /// Ls = −10 dB, a = 1.83.
    Minus10,
    /// Ls = −20 dB, a = 2.58.
    Minus20,
    /// Ls = −25 dB, a = 2.88.
    Minus25,
    /// Ls = −30 dB, a = 3.16.
    Minus30,
}

impl S672SidelobeLevel {
    /// From a level in dB.
    ///
    /// # Errors
    /// A level other than −10, −20, −25, −30 dB.
    pub fn from_db(ls_db: f64) -> Result<Self> {
        match ls_db {
            -10.0 => Ok(Self::Minus10),
            -20.0 => Ok(Self::Minus20),
            -25.0 => Ok(Self::Minus25),
            -30.0 => Ok(Self::Minus30),
            _ => Err(invalid("ls_db", "one of −10, −20, −25, −30 dB", ls_db)),
        }
    }
    fn db(self) -> f64 {
        match self {
            Self::Minus10 => -10.0,
            Self::Minus20 => -20.0,
            Self::Minus25 => -25.0,
            Self::Minus30 => -30.0,
        }
    }
    fn a(self) -> f64 {
        match self {
            Self::Minus10 => 1.83,
            Self::Minus20 => 2.58,
            Self::Minus25 => 2.88,
            Self::Minus30 => 3.16,
        }
    }
}

/// ITU-R S.672-4 single-feed circular-beam envelope, used here as the
/// GSO satellite pattern of the App. 8 calculation when the satellite's
/// own gain contours are not given:
///
/// - `Gm − 3 (ψ/ψ0)²` for ψ ≤ a ψ0;
/// - `Gm + Ls` for a ψ0 < ψ ≤ b ψ0;
/// - `Gm + Ls + 20 − 25 log(ψ/ψ0)` for b ψ0 < ψ ≤ ψ1, where it reaches 0 dBi;
/// - `0 dBi` beyond ψ1.
///
/// ψ0 is one half of the 3 dB beamwidth; b = 6.32.
///
/// # References
/// ITU-R S.672-4 (1997), *recommends* 1 and its table of a, b; BR antenna
/// library patterns APSREC407V01 (Ls = −10) and APSREC408V01 (Ls = −20).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct S672 {
    gm_dbi: f64,
    psi0_deg: f64,
    ls: S672SidelobeLevel,
}

impl S672 {
    /// Peak gain `gm_dbi`, half 3 dB beamwidth `psi0_deg`, side-lobe level `ls`.
    ///
    /// # Errors
    /// Non-finite gain; ψ0 outside (0, 90]°.
    pub fn new(gm_dbi: f64, psi0_deg: f64, ls: S672SidelobeLevel) -> Result<Self> {
        finite("gm_dbi", gm_dbi)?;
        in_range("psi0_deg", psi0_deg, 1e-6, 90.0)?;
        Ok(Self {
            gm_dbi,
            psi0_deg,
            ls,
        })
    }
}

impl AntennaPattern for S672 {
    fn gain_dbi(&self, off_axis_deg: f64) -> f64 {
        let psi = normalize_off_axis_deg(off_axis_deg);
        if psi.is_nan() {
            return f64::NAN;
        }
        let r = psi / self.psi0_deg;
        let g = if r <= self.ls.a() {
            self.gm_dbi - 3.0 * r * r
        } else if r <= 6.32 {
            self.gm_dbi + self.ls.db()
        } else {
            self.gm_dbi + self.ls.db() + 20.0 - 25.0 * r.log10()
        };
        // Beyond ψ1 the pattern is 0 dBi; the main lobe itself is never floored.
        if r > self.ls.a() { g.max(0.0) } else { g }
    }
    fn max_gain_dbi(&self) -> f64 {
        self.gm_dbi
    }
    fn beamwidth_3db_deg(&self) -> f64 {
        2.0 * self.psi0_deg
    }
    fn name(&self) -> &'static str {
        "ITU-R S.672-4"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn ls_minus20_breakpoints() {
        // Gm = 35 dBi, ψ0 = 1°: ψ0 → 32 dBi; aψ0 = 2.58° → 35 − 3·6.6564 = 15.0308 dBi;
        // (2.58, 6.32]° → 15 dBi; 6.33°: 15 + 20 − 25 log 6.33 = 35 − 25·0.801404 = 14.9649;
        // 20°: 35 − 25·1.301030 = 2.4743 dBi; ψ1 = 10^(35/25) = 25.12°; 30° → 0 dBi.
        let p = S672::new(35.0, 1.0, S672SidelobeLevel::Minus20).unwrap();
        close(p.gain_dbi(1.0), 32.0, 1e-12);
        close(p.gain_dbi(2.58), 15.0308, 1e-3);
        close(p.gain_dbi(4.0), 15.0, 1e-12);
        close(p.gain_dbi(6.33), 14.9649, 1e-3);
        close(p.gain_dbi(20.0), 2.4743, 1e-3);
        close(p.gain_dbi(30.0), 0.0, 1e-12);
        assert!(S672SidelobeLevel::from_db(-15.0).is_err());
        assert!(S672::new(35.0, 0.0, S672SidelobeLevel::Minus20).is_err());
    }
}
