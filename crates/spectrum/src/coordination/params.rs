//! System parameters of the required minimum loss, in the shape of RR
//! App. 7 Tables 7–9, and the permissible interference power.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, in_range, positive};
use crate::units::{BOLTZMANN_J_PER_K, lin_to_db};

/// Whether the earth station transmits (it may interfere with terrestrial
/// receivers) or receives (it may suffer from terrestrial transmitters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EarthStationRole {
    /// Transmitting earth station (App. 7 Table 8-type entries).
    Transmit,
    /// Receiving earth station (App. 7 Table 9-type entries).
    Receive,
}

/// One row of system parameters (App. 7 Annex 7 Tables 7–9 layout).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemParameters {
    /// Short identifier (`fss-up-6ghz-vs-fs`...).
    pub id: String,
    /// Band, MHz: [low, high].
    pub band_mhz: [f64; 2],
    /// Earth-station role this row applies to.
    pub earth_station: EarthStationRole,
    /// The terrestrial service shared with.
    pub terrestrial_service: String,
    /// p0: percentage of time the interference may exceed Pr(p) from all sources, %.
    pub p0_pct: f64,
    /// n: number of equivalent, equal-level, equiprobable entries.
    pub n: f64,
    /// NL: link noise contribution, dB.
    pub nl_db: f64,
    /// Ms: link performance margin, dB.
    pub ms_db: f64,
    /// W: thermal-noise equivalence factor, dB (0 for digital).
    pub w_db: f64,
    /// Gx: maximum gain of the terrestrial station's antenna, dBi.
    pub terrestrial_gain_dbi: f64,
    /// Te of the victim receiver, K: the terrestrial receiver's (transmitting
    /// earth station), or a default for the earth station's (receiving
    /// earth station; the scenario's value is used when it has one).
    pub noise_temp_k: f64,
    /// B: reference bandwidth, Hz.
    pub reference_bandwidth_hz: f64,
    /// Pt': terrestrial transmitter power in B, dBW (receiving earth station only).
    #[serde(default)]
    pub terrestrial_power_dbw: Option<f64>,
    /// Where the numbers come from.
    pub source: String,
}

/// A set of rows, as read from TOML (`[[entry]]` tables).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParameterTable {
    /// The rows.
    pub entry: Vec<SystemParameters>,
}

const BUILTIN: &str = include_str!("../../data/app7_parameters.toml");

impl ParameterTable {
    /// The built-in rows (`data/app7_parameters.toml`).
    ///
    /// # Errors
    /// None in practice (checked by the tests).
    pub fn builtin() -> Result<Self> {
        Self::from_toml(BUILTIN, "<builtin:app7_parameters.toml>")
    }

    /// Parse and check a TOML table.
    ///
    /// # Errors
    /// [`Error::Parse`] naming the file, line and field; invalid values name
    /// the entry and field.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self> {
        let t: Self = toml::from_str(text).map_err(|e| Error::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })?;
        for (k, e) in t.entry.iter().enumerate() {
            e.validate().map_err(|err| Error::Parse {
                origin: origin.to_owned(),
                message: format!("entry {} ({}): {err}", k + 1, e.id),
            })?;
        }
        Ok(t)
    }

    /// The row for `role` whose band contains `freq_mhz` (or the one named `id`).
    ///
    /// # Errors
    /// None matches.
    pub fn select(
        &self,
        id: Option<&str>,
        role: EarthStationRole,
        freq_mhz: f64,
    ) -> Result<&SystemParameters> {
        let found = match id {
            Some(id) => self.entry.iter().find(|e| e.id == id),
            None => self.entry.iter().find(|e| {
                e.earth_station == role && freq_mhz >= e.band_mhz[0] && freq_mhz <= e.band_mhz[1]
            }),
        };
        found.ok_or_else(|| {
            Error::Scenario(match id {
                Some(id) => format!("no App. 7 parameter entry with id {id:?}"),
                None => format!(
                    "no App. 7 parameter entry for a {role:?} earth station at {freq_mhz} MHz \
                     (give one with --params FILE)"
                ),
            })
        })
    }
}

impl SystemParameters {
    /// Check every field.
    ///
    /// # Errors
    /// The first bad field.
    pub fn validate(&self) -> Result<()> {
        positive("band_mhz[0]", self.band_mhz[0])?;
        in_range("band_mhz[1]", self.band_mhz[1], self.band_mhz[0], 1e6)?;
        in_range("p0_pct", self.p0_pct, 1e-6, 50.0)?;
        in_range("n", self.n, 1.0, 1e3)?;
        crate::error::finite("nl_db", self.nl_db)?;
        in_range("ms_db", self.ms_db, 1e-3, 100.0)?;
        crate::error::finite("w_db", self.w_db)?;
        crate::error::finite("terrestrial_gain_dbi", self.terrestrial_gain_dbi)?;
        positive("noise_temp_k", self.noise_temp_k)?;
        positive("reference_bandwidth_hz", self.reference_bandwidth_hz)?;
        match (self.earth_station, self.terrestrial_power_dbw) {
            (EarthStationRole::Receive, None) => Err(Error::InvalidInput {
                field: "terrestrial_power_dbw".into(),
                expected: "a value for a receiving earth station".into(),
                found: f64::NAN,
            }),
            (_, Some(p)) => crate::error::finite("terrestrial_power_dbw", p).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// p = p0/n, %.
    pub fn p_pct(&self) -> f64 {
        self.p0_pct / self.n
    }

    /// Permissible interference power Pr(p), dBW in B (App. 7 Annex 1):
    /// `10 log(k Te B) + NL + 10 log(10^(Ms/10) − 1) − W`.
    pub fn permissible_interference_dbw(&self, noise_temp_k: f64) -> f64 {
        lin_to_db(BOLTZMANN_J_PER_K * noise_temp_k * self.reference_bandwidth_hz)
            + self.nl_db
            + lin_to_db(10f64.powf(self.ms_db / 10.0) - 1.0)
            - self.w_db
    }
}

/// Required minimum basic transmission loss `Lb(p) = Pt' + Gt + Gr − Pr(p)`, dB
/// (App. 7 Annex 1 §1; Pt' the transmitter power in B, Gt/Gr the gains of
/// the transmitting/receiving antennas toward each other).
pub fn required_loss_db(pt_dbw: f64, gt_dbi: f64, gr_dbi: f64, pr_dbw: f64) -> f64 {
    pt_dbw + gt_dbi + gr_dbi - pr_dbw
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permissible_power_by_hand() {
        // 750 K, 1 MHz: 10 log(1.380649e-23·750·1e6) = −228.5992 + 28.7506 + 60 = −139.8485 dBW;
        // NL 0, Ms 25 dB: 10 log(10^2.5 − 1) = 24.9862; W 0 → Pr = −114.8623 dBW.
        let t = ParameterTable::builtin().unwrap();
        let e = t.select(None, EarthStationRole::Transmit, 6175.0).unwrap();
        assert_eq!(e.id, "fss-up-6ghz-vs-fs");
        assert!((e.permissible_interference_dbw(750.0) + 114.8623).abs() < 1e-3);
        assert!((e.p_pct() - 0.0025).abs() < 1e-12);
        assert!((required_loss_db(10.0, 0.0, 46.0, -114.8623) - 170.8623).abs() < 1e-9);
    }

    #[test]
    fn every_builtin_row_is_valid_and_bad_files_name_the_field() {
        let t = ParameterTable::builtin().unwrap();
        assert!(t.entry.len() >= 4);
        for f in [3800.0, 11200.0] {
            assert!(t.select(None, EarthStationRole::Receive, f).is_ok(), "{f}");
        }
        assert!(t.select(None, EarthStationRole::Transmit, 14100.0).is_ok());
        assert!(t.select(None, EarthStationRole::Transmit, 2000.0).is_err());
        let bad = BUILTIN.replacen("ms_db = 25.0", "ms_db = -1.0", 1);
        let e = ParameterTable::from_toml(&bad, "p.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("p.toml") && e.contains("ms_db"), "{e}");
        let typo = BUILTIN.replacen("p0_pct", "p0_percent", 1);
        let e = ParameterTable::from_toml(&typo, "p.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("p.toml") && e.contains("line"), "{e}");
    }
}
