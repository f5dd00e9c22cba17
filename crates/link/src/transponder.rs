//! Transparent (bent-pipe) transponder operating point and per-carrier power.
//!
//! The transponder is characterised at its multi-carrier operating point by
//! the total input and output back-offs (IBO, OBO). Around that point it is
//! treated as linear: a carrier whose flux density is x dB below the total
//! gets an output power x dB below the total output. This is the usual
//! basis of power sharing and power-equivalent bandwidth (PEB) in carrier
//! planning, and what [`Transponder::carrier_from_pfd`] and
//! [`Transponder::carrier_from_power_share`] compute.
//!
//! # References
//! Maral & Bousquet, 5th ed., §5.9 (transparent satellite link) and §6.5
//! (multiple access: intermodulation, back-off).

use crate::error::{Error, Result, check_finite, check_positive, check_range};
use crate::units::{db_to_lin, lin_to_db};
use serde::Serialize;

/// A transparent transponder at its operating point, as seen from one uplink
/// and one downlink location (EIRP and SFD are the beam-contour values there).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Transponder {
    /// Usable bandwidth, MHz.
    pub bandwidth_mhz: f64,
    /// Saturated EIRP toward the receiving station, dBW.
    pub saturated_eirp_dbw: f64,
    /// Saturation flux density at the uplink station's location, dBW/m².
    pub sfd_dbw_m2: f64,
    /// Satellite receive G/T toward the uplink station, dB/K.
    pub gt_dbk: f64,
    /// Total input back-off at the operating point, dB ≥ 0.
    pub ibo_db: f64,
    /// Total output back-off at the operating point, dB ≥ 0 (≤ `ibo_db`).
    pub obo_db: f64,
}

/// One carrier's share of a transponder.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CarrierOperatingPoint {
    /// Flux density of the carrier at the satellite, dBW/m².
    pub pfd_dbw_m2: f64,
    /// Carrier input back-off `SFD − PFD`, dB.
    pub ibo_db: f64,
    /// Carrier output back-off, dB.
    pub obo_db: f64,
    /// Carrier EIRP toward the receiving station, dBW.
    pub eirp_dbw: f64,
    /// Fraction of the transponder's output power at its operating point
    /// taken by this carrier (1 = all of it).
    pub power_share: f64,
    /// Power-equivalent bandwidth: `power_share × bandwidth`, MHz.
    pub peb_mhz: f64,
}

impl Transponder {
    /// Checks the fields (finite, back-offs consistent).
    pub fn validate(&self) -> Result<()> {
        check_positive("transponder.bandwidth_mhz", self.bandwidth_mhz)?;
        check_finite("transponder.saturated_eirp_dbw", self.saturated_eirp_dbw)?;
        check_finite("transponder.sfd_dbw_m2", self.sfd_dbw_m2)?;
        check_finite("transponder.gt_dbk", self.gt_dbk)?;
        check_range(
            "transponder.ibo_db",
            self.ibo_db,
            0.0,
            40.0,
            "a back-off in [0, 40] dB",
        )?;
        check_range(
            "transponder.obo_db",
            self.obo_db,
            0.0,
            self.ibo_db,
            "a back-off in [0, ibo_db] dB",
        )?;
        Ok(())
    }

    /// Gain compression at the operating point, `IBO − OBO`, dB.
    pub fn compression_db(&self) -> f64 {
        self.ibo_db - self.obo_db
    }

    /// Total EIRP at the operating point, `EIRP_sat − OBO`, dBW.
    pub fn operating_eirp_dbw(&self) -> f64 {
        self.saturated_eirp_dbw - self.obo_db
    }

    /// The carrier produced by an uplink flux density `pfd_dbw_m2` at the
    /// satellite: `IBO_c = SFD − PFD`, `OBO_c = IBO_c − (IBO − OBO)`,
    /// `EIRP_c = EIRP_sat − OBO_c`.
    ///
    /// # Units
    /// dBW/m² in.
    ///
    /// # References
    /// Maral & Bousquet, 5th ed., §5.9.2 and §6.5.4.
    pub fn carrier_from_pfd(&self, pfd_dbw_m2: f64) -> Result<CarrierOperatingPoint> {
        self.validate()?;
        check_finite("pfd_dbw_m2", pfd_dbw_m2)?;
        let ibo = self.sfd_dbw_m2 - pfd_dbw_m2;
        let obo = ibo - self.compression_db();
        let power_share = db_to_lin(self.obo_db - obo);
        Ok(CarrierOperatingPoint {
            pfd_dbw_m2,
            ibo_db: ibo,
            obo_db: obo,
            eirp_dbw: self.saturated_eirp_dbw - obo,
            power_share,
            peb_mhz: power_share * self.bandwidth_mhz,
        })
    }

    /// The carrier taking `power_share` (fraction in (0, 1]) of the
    /// transponder's output power, and the uplink flux density it needs.
    ///
    /// # References
    /// Maral & Bousquet, 5th ed., §6.5.4 (power sharing between carriers).
    pub fn carrier_from_power_share(&self, power_share: f64) -> Result<CarrierOperatingPoint> {
        check_range(
            "power_share",
            power_share,
            f64::MIN_POSITIVE,
            1.0,
            "a fraction in (0, 1]",
        )?;
        self.carrier_from_eirp(self.operating_eirp_dbw() + lin_to_db(power_share))
    }

    /// The carrier with downlink EIRP `eirp_dbw`: its power share, PEB and
    /// the uplink flux density it needs. The share may exceed 1, meaning
    /// the carrier needs more than the whole transponder at its operating
    /// point.
    pub fn carrier_from_eirp(&self, eirp_dbw: f64) -> Result<CarrierOperatingPoint> {
        self.validate()?;
        check_finite("eirp_dbw", eirp_dbw)?;
        let obo = self.saturated_eirp_dbw - eirp_dbw;
        let ibo = obo + self.compression_db();
        self.carrier_from_pfd(self.sfd_dbw_m2 - ibo)
    }
}

/// Checks that `share` fits a transponder (≤ 1), naming the carrier.
pub fn check_power_share(carrier: &str, share: f64) -> Result<()> {
    if share.is_finite() && share <= 1.0 + 1e-12 {
        Ok(())
    } else {
        Err(Error::InvalidField {
            field: format!("{carrier}.power_share"),
            message: format!(
                "carrier needs {share:.3} of the transponder power (more than all of it)"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xp() -> Transponder {
        Transponder {
            bandwidth_mhz: 36.0,
            saturated_eirp_dbw: 50.0,
            sfd_dbw_m2: -85.0,
            gt_dbk: 2.0,
            ibo_db: 5.0,
            obo_db: 3.0,
        }
    }

    #[test]
    fn carrier_at_the_operating_point_takes_everything() {
        // PFD = SFD − IBO = −90 dBW/m²: IBO_c = 5, OBO_c = 5 − 2 = 3,
        // EIRP_c = 47 dBW, share 1, PEB 36 MHz.
        let c = xp().carrier_from_pfd(-90.0).unwrap();
        assert!((c.obo_db - 3.0).abs() < 1e-12);
        assert!((c.eirp_dbw - 47.0).abs() < 1e-12);
        assert!((c.power_share - 1.0).abs() < 1e-12);
        assert!((c.peb_mhz - 36.0).abs() < 1e-9);
    }

    #[test]
    fn quarter_power_carrier() {
        // Share 0.25 → 6.02 dB below 47 dBW = 40.98 dBW; PEB 9 MHz;
        // PFD = −90 − 6.02 = −96.02 dBW/m².
        let c = xp().carrier_from_power_share(0.25).unwrap();
        assert!((c.eirp_dbw - 40.979).abs() < 1e-3);
        assert!((c.peb_mhz - 9.0).abs() < 1e-9);
        assert!((c.pfd_dbw_m2 + 96.021).abs() < 1e-3);
        // Round trip from the PFD.
        let d = xp().carrier_from_pfd(c.pfd_dbw_m2).unwrap();
        assert!((d.power_share - 0.25).abs() < 1e-12);
    }

    #[test]
    fn rejects_obo_above_ibo() {
        let mut t = xp();
        t.obo_db = 6.0;
        assert!(t.carrier_from_pfd(-90.0).is_err());
        assert!(check_power_share("carrier", 1.5).is_err());
    }
}
