//! MODCODs (modulation and coding pairs), roll-off, symbol rate, throughput.

use crate::error::{Result, check_positive, check_range};
use serde::{Deserialize, Serialize};

/// Constellation of a DVB-S2/S2X MODCOD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Modulation {
    /// QPSK, 2 bit/symbol.
    Qpsk,
    /// 8PSK, 3 bit/symbol.
    Psk8,
    /// 8APSK (DVB-S2X, "-L" MODCODs), 3 bit/symbol.
    Apsk8,
    /// 16APSK, 4 bit/symbol.
    Apsk16,
    /// 32APSK, 5 bit/symbol.
    Apsk32,
    /// 64APSK (DVB-S2X), 6 bit/symbol.
    Apsk64,
    /// 128APSK (DVB-S2X), 7 bit/symbol.
    Apsk128,
    /// 256APSK (DVB-S2X), 8 bit/symbol.
    Apsk256,
}

impl Modulation {
    /// Bits per constellation symbol.
    pub fn bits_per_symbol(self) -> u32 {
        match self {
            Modulation::Qpsk => 2,
            Modulation::Psk8 | Modulation::Apsk8 => 3,
            Modulation::Apsk16 => 4,
            Modulation::Apsk32 => 5,
            Modulation::Apsk64 => 6,
            Modulation::Apsk128 => 7,
            Modulation::Apsk256 => 8,
        }
    }
}

/// Which standard a MODCOD belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Standard {
    /// ETSI EN 302 307-1 (DVB-S2).
    #[serde(rename = "dvb-s2")]
    DvbS2,
    /// ETSI EN 302 307-2 (DVB-S2X).
    #[serde(rename = "dvb-s2x")]
    DvbS2x,
}

/// One MODCOD with its ideal AWGN quasi-error-free threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Modcod {
    /// Name as printed in the standard, e.g. `"QPSK 1/4"`, `"16APSK 2/3-L"`.
    pub name: &'static str,
    /// Standard and table the row comes from.
    pub standard: Standard,
    /// Constellation.
    pub modulation: Modulation,
    /// LDPC code rate numerator.
    pub rate_num: u32,
    /// LDPC code rate denominator.
    pub rate_den: u32,
    /// Spectral efficiency, information bits per transmitted symbol
    /// (normal FECFRAME, no pilots), as in the standard's table.
    pub efficiency_bits_per_symbol: f64,
    /// Ideal Es/N0 for quasi-error-free operation on the AWGN channel, dB.
    pub esn0_db: f64,
}

impl Modcod {
    /// Code rate as a fraction.
    pub fn code_rate(&self) -> f64 {
        f64::from(self.rate_num) / f64::from(self.rate_den)
    }

    /// Es/N0 the link must reach with an implementation margin, dB.
    pub fn required_esn0_db(&self, implementation_margin_db: f64) -> f64 {
        self.esn0_db + implementation_margin_db
    }

    /// Information bit rate at `symbol_rate_baud`, bit/s.
    pub fn throughput_bps(&self, symbol_rate_baud: f64) -> f64 {
        self.efficiency_bits_per_symbol * symbol_rate_baud
    }
}

/// Symbol rate fitting an occupied bandwidth with roll-off α: `Rs = B / (1 + α)`.
///
/// # Units
/// Hz in, baud out; `rolloff` a fraction in [0, 1].
///
/// # References
/// ETSI EN 302 307-1 V1.4.1 §5.6 (baseband shaping: roll-off 0.35, 0.25,
/// 0.20); EN 302 307-2 adds 0.15, 0.10, 0.05.
pub fn symbol_rate_baud(bandwidth_hz: f64, rolloff: f64) -> Result<f64> {
    check_positive("bandwidth_hz", bandwidth_hz)?;
    check_range("rolloff", rolloff, 0.0, 1.0, "a roll-off factor in [0, 1]")?;
    Ok(bandwidth_hz / (1.0 + rolloff))
}

/// Occupied bandwidth of a carrier: `B = Rs (1 + α)`.
///
/// # Units
/// baud in, Hz out.
pub fn occupied_bandwidth_hz(symbol_rate_baud: f64, rolloff: f64) -> Result<f64> {
    check_positive("symbol_rate_baud", symbol_rate_baud)?;
    check_range("rolloff", rolloff, 0.0, 1.0, "a roll-off factor in [0, 1]")?;
    Ok(symbol_rate_baud * (1.0 + rolloff))
}

/// The MODCOD set available to a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ModcodSet {
    /// The 28 DVB-S2 MODCODs of EN 302 307-1 Table 13.
    #[serde(rename = "dvb-s2")]
    DvbS2,
    /// DVB-S2 and the DVB-S2X normal-frame MODCODs (an S2X receiver
    /// supports both).
    #[serde(rename = "dvb-s2x")]
    DvbS2x,
}

impl std::fmt::Display for ModcodSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ModcodSet::DvbS2 => "DVB-S2",
            ModcodSet::DvbS2x => "DVB-S2 + DVB-S2X",
        })
    }
}

impl ModcodSet {
    /// The MODCODs of the set, in table order.
    pub fn modcods(self) -> Vec<Modcod> {
        match self {
            ModcodSet::DvbS2 => crate::dvbs2::DVBS2_MODCODS.to_vec(),
            ModcodSet::DvbS2x => crate::dvbs2::DVBS2_MODCODS
                .iter()
                .chain(crate::dvbs2x::DVBS2X_MODCODS.iter())
                .copied()
                .collect(),
        }
    }
}

/// The most efficient MODCOD whose threshold plus `implementation_margin_db`
/// is met by `esn0_db`; `None` when none is.
pub fn best_modcod(
    modcods: &[Modcod],
    esn0_db: f64,
    implementation_margin_db: f64,
) -> Option<Modcod> {
    modcods
        .iter()
        .filter(|m| m.required_esn0_db(implementation_margin_db) <= esn0_db)
        .copied()
        .max_by(|a, b| {
            a.efficiency_bits_per_symbol
                .total_cmp(&b.efficiency_bits_per_symbol)
                // Among equal efficiencies prefer the lower threshold.
                .then(b.esn0_db.total_cmp(&a.esn0_db))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_rate_from_bandwidth() {
        // 36 MHz at α = 0.20: 30 MBd; back to 36 MHz.
        let rs = symbol_rate_baud(36e6, 0.2).unwrap();
        assert!((rs - 30e6).abs() < 1e-6);
        assert!((occupied_bandwidth_hz(rs, 0.2).unwrap() - 36e6).abs() < 1e-6);
        assert!(symbol_rate_baud(36e6, -0.1).is_err());
    }

    #[test]
    fn best_modcod_picks_highest_efficiency() {
        let s2 = ModcodSet::DvbS2.modcods();
        // 10.0 dB with 0.5 dB margin → thresholds ≤ 9.5: 8PSK 5/6 (9.35,
        // 2.478562) beats 16APSK 2/3 (8.97, 2.637201)? No: 16APSK 2/3 is
        // more efficient, so it wins.
        let m = best_modcod(&s2, 10.0, 0.5).unwrap();
        assert_eq!(m.name, "16APSK 2/3");
        assert!(best_modcod(&s2, -3.0, 0.0).is_none());
        // 30 MBd of 16APSK 2/3: 79.116 Mbit/s.
        assert!((m.throughput_bps(30e6) - 79.116_03e6).abs() < 1.0);
    }

    #[test]
    fn s2x_set_contains_both() {
        assert_eq!(
            ModcodSet::DvbS2x.modcods().len(),
            28 + crate::dvbs2x::DVBS2X_MODCODS.len()
        );
    }
}
