//! DVB-S2X normal-frame MODCODs: ETSI EN 302 307-2, Table 20a.
//!
//! "Es/N0 performance at Quasi Error Free PER = 10⁻⁵ (AWGN channel)",
//! normal FECFRAME (64 800 bits), ideal demodulation, linear channel.
//! Spectral efficiency as in the table: `(K_bch − 80) / N_symbols` with
//! `N_symbols = 64 800 / log2 M + 90` (for 128APSK the rows imply 9 360
//! symbols per PLFRAME).
//!
//! Short-frame (Table 20b) and VL-SNR (Table 20c) MODCODs are not included.
//!
//! # References
//! ETSI EN 302 307-2 V1.1.1 (2015-02), §6 and Table 20a (page 52);
//! K_ldpc from Table 17a, BCH parity t = 12 (192 bits) for every normal
//! FECFRAME rate of Table 17a.

use crate::modcod::{Modcod, Modulation, Standard};

const fn s2x(
    name: &'static str,
    modulation: Modulation,
    rate_num: u32,
    rate_den: u32,
    efficiency: f64,
    esn0_db: f64,
) -> Modcod {
    Modcod {
        name,
        standard: Standard::DvbS2x,
        modulation,
        rate_num,
        rate_den,
        efficiency_bits_per_symbol: efficiency,
        esn0_db,
    }
}

use Modulation::{Apsk8, Apsk16, Apsk32, Apsk64, Apsk128, Apsk256, Psk8, Qpsk};

/// The 39 DVB-S2X normal-frame MODCODs of EN 302 307-2 Table 20a, in table
/// order: name, spectral efficiency (bit/symbol), ideal Es/N0 for QEF (dB).
pub const DVBS2X_MODCODS: [Modcod; 39] = [
    s2x("QPSK 2/9", Qpsk, 2, 9, 0.434841, -2.85),
    s2x("QPSK 13/45", Qpsk, 13, 45, 0.567805, -2.03),
    s2x("QPSK 9/20", Qpsk, 9, 20, 0.889135, 0.22),
    s2x("QPSK 11/20", Qpsk, 11, 20, 1.088581, 1.45),
    s2x("8APSK 5/9-L", Apsk8, 5, 9, 1.647211, 4.73),
    s2x("8APSK 26/45-L", Apsk8, 26, 45, 1.713601, 5.13),
    s2x("8PSK 23/36", Psk8, 23, 36, 1.896173, 6.12),
    s2x("8PSK 25/36", Psk8, 25, 36, 2.062148, 7.02),
    s2x("8PSK 13/18", Psk8, 13, 18, 2.145136, 7.49),
    s2x("16APSK 1/2-L", Apsk16, 1, 2, 1.972253, 5.97),
    s2x("16APSK 8/15-L", Apsk16, 8, 15, 2.104850, 6.55),
    s2x("16APSK 5/9-L", Apsk16, 5, 9, 2.193247, 6.84),
    s2x("16APSK 26/45", Apsk16, 26, 45, 2.281645, 7.51),
    s2x("16APSK 3/5", Apsk16, 3, 5, 2.370043, 7.80),
    s2x("16APSK 3/5-L", Apsk16, 3, 5, 2.370043, 7.41),
    s2x("16APSK 28/45", Apsk16, 28, 45, 2.458441, 8.10),
    s2x("16APSK 23/36", Apsk16, 23, 36, 2.524739, 8.38),
    s2x("16APSK 2/3-L", Apsk16, 2, 3, 2.635236, 8.43),
    s2x("16APSK 25/36", Apsk16, 25, 36, 2.745734, 9.27),
    s2x("16APSK 13/18", Apsk16, 13, 18, 2.856231, 9.71),
    s2x("16APSK 7/9", Apsk16, 7, 9, 3.077225, 10.65),
    s2x("16APSK 77/90", Apsk16, 77, 90, 3.386618, 11.99),
    s2x("32APSK 2/3-L", Apsk32, 2, 3, 3.289502, 11.10),
    s2x("32APSK 32/45", Apsk32, 32, 45, 3.510192, 11.75),
    s2x("32APSK 11/15", Apsk32, 11, 15, 3.620536, 12.17),
    s2x("32APSK 7/9", Apsk32, 7, 9, 3.841226, 13.05),
    s2x("64APSK 32/45-L", Apsk64, 32, 45, 4.206428, 13.98),
    s2x("64APSK 11/15", Apsk64, 11, 15, 4.338659, 14.81),
    s2x("64APSK 7/9", Apsk64, 7, 9, 4.603122, 15.47),
    s2x("64APSK 4/5", Apsk64, 4, 5, 4.735354, 15.87),
    s2x("64APSK 5/6", Apsk64, 5, 6, 4.933701, 16.55),
    s2x("128APSK 3/4", Apsk128, 3, 4, 5.163248, 17.73),
    s2x("128APSK 7/9", Apsk128, 7, 9, 5.355556, 18.53),
    s2x("256APSK 29/45-L", Apsk256, 29, 45, 5.065690, 16.98),
    s2x("256APSK 2/3-L", Apsk256, 2, 3, 5.241514, 17.24),
    s2x("256APSK 31/45-L", Apsk256, 31, 45, 5.417338, 18.10),
    s2x("256APSK 32/45", Apsk256, 32, 45, 5.593162, 18.59),
    s2x("256APSK 11/15-L", Apsk256, 11, 15, 5.768987, 18.84),
    s2x("256APSK 3/4", Apsk256, 3, 4, 5.900855, 19.57),
];

/// Looks a DVB-S2X normal-frame MODCOD up by its name (`"16APSK 2/3-L"`...).
pub fn dvbs2x_modcod(name: &str) -> Option<Modcod> {
    DVBS2X_MODCODS
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// EN 302 307-2 Table 20a, a second, independent transcription from
    /// public listings of the table (not checked against the ETSI document
    /// itself): (MODCOD, spectral efficiency, ideal Es/N0 dB).
    const TABLE_20A: [(&str, f64, f64); 39] = [
        ("QPSK 2/9", 0.434841, -2.85),
        ("QPSK 13/45", 0.567805, -2.03),
        ("QPSK 9/20", 0.889135, 0.22),
        ("QPSK 11/20", 1.088581, 1.45),
        ("8APSK 5/9-L", 1.647211, 4.73),
        ("8APSK 26/45-L", 1.713601, 5.13),
        ("8PSK 23/36", 1.896173, 6.12),
        ("8PSK 25/36", 2.062148, 7.02),
        ("8PSK 13/18", 2.145136, 7.49),
        ("16APSK 1/2-L", 1.972253, 5.97),
        ("16APSK 8/15-L", 2.104850, 6.55),
        ("16APSK 5/9-L", 2.193247, 6.84),
        ("16APSK 26/45", 2.281645, 7.51),
        ("16APSK 3/5", 2.370043, 7.80),
        ("16APSK 3/5-L", 2.370043, 7.41),
        ("16APSK 28/45", 2.458441, 8.10),
        ("16APSK 23/36", 2.524739, 8.38),
        ("16APSK 2/3-L", 2.635236, 8.43),
        ("16APSK 25/36", 2.745734, 9.27),
        ("16APSK 13/18", 2.856231, 9.71),
        ("16APSK 7/9", 3.077225, 10.65),
        ("16APSK 77/90", 3.386618, 11.99),
        ("32APSK 2/3-L", 3.289502, 11.10),
        ("32APSK 32/45", 3.510192, 11.75),
        ("32APSK 11/15", 3.620536, 12.17),
        ("32APSK 7/9", 3.841226, 13.05),
        ("64APSK 32/45-L", 4.206428, 13.98),
        ("64APSK 11/15", 4.338659, 14.81),
        ("64APSK 7/9", 4.603122, 15.47),
        ("64APSK 4/5", 4.735354, 15.87),
        ("64APSK 5/6", 4.933701, 16.55),
        ("128APSK 3/4", 5.163248, 17.73),
        ("128APSK 7/9", 5.355556, 18.53),
        ("256APSK 29/45-L", 5.065690, 16.98),
        ("256APSK 2/3-L", 5.241514, 17.24),
        ("256APSK 31/45-L", 5.417338, 18.10),
        ("256APSK 32/45", 5.593162, 18.59),
        ("256APSK 11/15-L", 5.768987, 18.84),
        ("256APSK 3/4", 5.900855, 19.57),
    ];

    #[test]
    fn table_20a_row_by_row() {
        for (i, (name, eff, esn0)) in TABLE_20A.iter().enumerate() {
            let m = &DVBS2X_MODCODS[i];
            assert_eq!(m.name, *name, "row {i}");
            assert_eq!(m.efficiency_bits_per_symbol, *eff, "{name} efficiency");
            assert_eq!(m.esn0_db, *esn0, "{name} Es/N0");
            assert_eq!(dvbs2x_modcod(name), Some(*m));
        }
    }

    #[test]
    fn efficiency_follows_from_frame_structure() {
        // K_ldpc = 64 800 · rate (Table 17a), K_bch = K_ldpc − 192,
        // η = (K_bch − 80) / (64 800 / log2 M + 90), 128APSK: 9 360 symbols.
        for m in DVBS2X_MODCODS {
            assert_eq!((64_800 * m.rate_num) % m.rate_den, 0, "{}", m.name);
            let kbch = 64_800 * m.rate_num / m.rate_den - 192;
            let symbols = match m.modulation {
                Modulation::Apsk128 => 9_360,
                other => 64_800 / other.bits_per_symbol() + 90,
            };
            let eta = f64::from(kbch - 80) / f64::from(symbols);
            assert!(
                (eta - m.efficiency_bits_per_symbol).abs() < 6e-7,
                "{}: {eta}",
                m.name
            );
        }
    }

    #[test]
    fn names_match_rates() {
        for m in DVBS2X_MODCODS {
            let rate = format!("{}/{}", m.rate_num, m.rate_den);
            assert!(m.name.contains(&format!(" {rate}")), "{}", m.name);
        }
    }
}
