//! DVB-S2 MODCODs: ETSI EN 302 307-1 V1.4.1, Table 13.
//!
//! "Es/N0 performance at Quasi Error Free PER = 10⁻⁷ (AWGN channel)",
//! normal FECFRAME (64 800 bits), no pilots, ideal demodulation. The
//! spectral efficiency column counts information bits per transmitted
//! symbol including the PLHEADER: `(K_bch − 80) / (64 800 / log2 M + 90)`.
//!
//! # References
//! ETSI EN 302 307-1 V1.4.1 (2014-11), §6 and Table 13; K_bch from Table 5a.

use crate::modcod::{Modcod, Modulation, Standard};

const fn s2(
    name: &'static str,
    modulation: Modulation,
    rate_num: u32,
    rate_den: u32,
    efficiency: f64,
    esn0_db: f64,
) -> Modcod {
    Modcod {
        name,
        standard: Standard::DvbS2,
        modulation,
        rate_num,
        rate_den,
        efficiency_bits_per_symbol: efficiency,
        esn0_db,
    }
}

use Modulation::{Apsk16, Apsk32, Psk8, Qpsk};

/// The 28 DVB-S2 MODCODs of EN 302 307-1 V1.4.1 Table 13, in table order:
/// name, spectral efficiency (bit/symbol), ideal Es/N0 for QEF (dB).
pub const DVBS2_MODCODS: [Modcod; 28] = [
    s2("QPSK 1/4", Qpsk, 1, 4, 0.490243, -2.35),
    s2("QPSK 1/3", Qpsk, 1, 3, 0.656448, -1.24),
    s2("QPSK 2/5", Qpsk, 2, 5, 0.789412, -0.30),
    s2("QPSK 1/2", Qpsk, 1, 2, 0.988858, 1.00),
    s2("QPSK 3/5", Qpsk, 3, 5, 1.188304, 2.23),
    s2("QPSK 2/3", Qpsk, 2, 3, 1.322253, 3.10),
    s2("QPSK 3/4", Qpsk, 3, 4, 1.487473, 4.03),
    s2("QPSK 4/5", Qpsk, 4, 5, 1.587196, 4.68),
    s2("QPSK 5/6", Qpsk, 5, 6, 1.654663, 5.18),
    s2("QPSK 8/9", Qpsk, 8, 9, 1.766451, 6.20),
    s2("QPSK 9/10", Qpsk, 9, 10, 1.788612, 6.42),
    s2("8PSK 3/5", Psk8, 3, 5, 1.779991, 5.50),
    s2("8PSK 2/3", Psk8, 2, 3, 1.980636, 6.62),
    s2("8PSK 3/4", Psk8, 3, 4, 2.228124, 7.91),
    s2("8PSK 5/6", Psk8, 5, 6, 2.478562, 9.35),
    s2("8PSK 8/9", Psk8, 8, 9, 2.646012, 10.69),
    s2("8PSK 9/10", Psk8, 9, 10, 2.679207, 10.98),
    s2("16APSK 2/3", Apsk16, 2, 3, 2.637201, 8.97),
    s2("16APSK 3/4", Apsk16, 3, 4, 2.966728, 10.21),
    s2("16APSK 4/5", Apsk16, 4, 5, 3.165623, 11.03),
    s2("16APSK 5/6", Apsk16, 5, 6, 3.300184, 11.61),
    s2("16APSK 8/9", Apsk16, 8, 9, 3.523143, 12.89),
    s2("16APSK 9/10", Apsk16, 9, 10, 3.567342, 13.13),
    s2("32APSK 3/4", Apsk32, 3, 4, 3.703295, 12.73),
    s2("32APSK 4/5", Apsk32, 4, 5, 3.951571, 13.64),
    s2("32APSK 5/6", Apsk32, 5, 6, 4.119540, 14.28),
    s2("32APSK 8/9", Apsk32, 8, 9, 4.397854, 15.69),
    s2("32APSK 9/10", Apsk32, 9, 10, 4.453027, 16.05),
];

/// Looks a DVB-S2 MODCOD up by its name (`"QPSK 1/4"`, `"8PSK 3/5"`...).
pub fn dvbs2_modcod(name: &str) -> Option<Modcod> {
    DVBS2_MODCODS
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// EN 302 307-1 V1.4.1 Table 13, a second, independent transcription
    /// from public listings of the table (not checked against the ETSI
    /// document itself): (mode, spectral efficiency, ideal Es/N0 dB). The
    /// efficiencies are also re-derived from the frame structure below.
    const TABLE_13: [(&str, f64, f64); 28] = [
        ("QPSK 1/4", 0.490243, -2.35),
        ("QPSK 1/3", 0.656448, -1.24),
        ("QPSK 2/5", 0.789412, -0.30),
        ("QPSK 1/2", 0.988858, 1.00),
        ("QPSK 3/5", 1.188304, 2.23),
        ("QPSK 2/3", 1.322253, 3.10),
        ("QPSK 3/4", 1.487473, 4.03),
        ("QPSK 4/5", 1.587196, 4.68),
        ("QPSK 5/6", 1.654663, 5.18),
        ("QPSK 8/9", 1.766451, 6.20),
        ("QPSK 9/10", 1.788612, 6.42),
        ("8PSK 3/5", 1.779991, 5.50),
        ("8PSK 2/3", 1.980636, 6.62),
        ("8PSK 3/4", 2.228124, 7.91),
        ("8PSK 5/6", 2.478562, 9.35),
        ("8PSK 8/9", 2.646012, 10.69),
        ("8PSK 9/10", 2.679207, 10.98),
        ("16APSK 2/3", 2.637201, 8.97),
        ("16APSK 3/4", 2.966728, 10.21),
        ("16APSK 4/5", 3.165623, 11.03),
        ("16APSK 5/6", 3.300184, 11.61),
        ("16APSK 8/9", 3.523143, 12.89),
        ("16APSK 9/10", 3.567342, 13.13),
        ("32APSK 3/4", 3.703295, 12.73),
        ("32APSK 4/5", 3.951571, 13.64),
        ("32APSK 5/6", 4.119540, 14.28),
        ("32APSK 8/9", 4.397854, 15.69),
        ("32APSK 9/10", 4.453027, 16.05),
    ];

    #[test]
    fn table_13_row_by_row() {
        for (i, (name, eff, esn0)) in TABLE_13.iter().enumerate() {
            let m = &DVBS2_MODCODS[i];
            assert_eq!(m.name, *name, "row {i}");
            assert_eq!(m.efficiency_bits_per_symbol, *eff, "{name} efficiency");
            assert_eq!(m.esn0_db, *esn0, "{name} Es/N0");
            assert_eq!(dvbs2_modcod(name), Some(*m));
        }
        // The two ends quoted in FACTS.md.
        assert_eq!(dvbs2_modcod("QPSK 1/4").unwrap().esn0_db, -2.35);
        assert_eq!(dvbs2_modcod("32APSK 9/10").unwrap().esn0_db, 16.05);
    }

    /// BCH-uncoded block K_bch for normal FECFRAME, EN 302 307-1 Table 5a.
    fn k_bch(rate_num: u32, rate_den: u32) -> u32 {
        match (rate_num, rate_den) {
            (1, 4) => 16008,
            (1, 3) => 21408,
            (2, 5) => 25728,
            (1, 2) => 32208,
            (3, 5) => 38688,
            (2, 3) => 43040,
            (3, 4) => 48408,
            (4, 5) => 51648,
            (5, 6) => 53840,
            (8, 9) => 57472,
            (9, 10) => 58192,
            other => panic!("no DVB-S2 rate {other:?}"),
        }
    }

    #[test]
    fn efficiency_follows_from_frame_structure() {
        // η = (K_bch − 80 BBHEADER bits) / (64 800 / log2 M + 90 PLHEADER
        // symbols); the table prints it to 6 decimals.
        for m in DVBS2_MODCODS {
            let kbch = k_bch(m.rate_num, m.rate_den);
            // K_bch = K_ldpc − BCH parity (192, 160 or 128 bits).
            let k_ldpc = 64_800 * m.rate_num / m.rate_den;
            assert!([128, 160, 192].contains(&(k_ldpc - kbch)), "{}", m.name);
            let symbols = 64_800 / m.modulation.bits_per_symbol() + 90;
            let eta = f64::from(kbch - 80) / f64::from(symbols);
            assert!(
                (eta - m.efficiency_bits_per_symbol).abs() < 6e-7,
                "{}: {eta}",
                m.name
            );
        }
    }

    #[test]
    fn thresholds_increase_within_each_constellation() {
        for w in DVBS2_MODCODS.windows(2) {
            if w[0].modulation == w[1].modulation {
                assert!(w[1].esn0_db > w[0].esn0_db, "{} → {}", w[0].name, w[1].name);
                assert!(w[1].code_rate() > w[0].code_rate());
            }
        }
    }
}
