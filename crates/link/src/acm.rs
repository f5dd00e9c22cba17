//! Adaptive coding and modulation (ACM): availability of each MODCOD over an
//! average year, best MODCOD per availability level, mean throughput,
//! annual outage.
//!
//! The link's Es/(N0+I0) is a non-increasing function of the fade
//! attenuation `A` (less carrier, more sky noise). A MODCOD is usable while
//! `Es/(N0+I0)(A) ≥ Es/N0_QEF + margin`, i.e. while `A ≤ A_max`; it is
//! usable `100 − P(A > A_max)` % of the year, `P` from the propagation model.
//!
//! # References
//! ETSI EN 302 307-1 V1.4.1 §5.5 and Annex (ACM); ITU-R P.618-13 §2.5
//! (attenuation statistics and their inverse); Maral & Bousquet, 5th ed.,
//! §5.8 (link availability).

use crate::error::{Error, Result, check_range};
use crate::fade::{EarthSpacePath, Fade};
use crate::modcod::{Modcod, best_modcod};
use crate::units::MINUTES_PER_YEAR;
use serde::Serialize;

/// Fade beyond which the search for a MODCOD's limit stops, dB.
pub const MAX_FADE_SEARCH_DB: f64 = 60.0;

/// Availability of one MODCOD.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModcodAvailability {
    /// MODCOD name.
    pub modcod: &'static str,
    /// Spectral efficiency, bit/symbol.
    pub efficiency_bits_per_symbol: f64,
    /// Required Es/(N0+I0) including the implementation margin, dB.
    pub required_esn0_db: f64,
    /// Largest fade the MODCOD survives, dB (`None`: unusable even in clear
    /// sky; [`MAX_FADE_SEARCH_DB`] when it survives every fade searched).
    pub max_fade_db: Option<f64>,
    /// Percentage of an average year it is usable.
    pub availability_pct: f64,
    /// Information bit rate, bit/s.
    pub throughput_bps: f64,
    /// Percentage of the year ACM selects it (it is the best usable one).
    pub time_selected_pct: f64,
}

/// The link at one availability level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AvailabilityLevel {
    /// Availability, % of an average year.
    pub availability_pct: f64,
    /// Attenuation exceeded `100 − availability` % of the year, dB.
    pub attenuation_db: f64,
    /// Es/(N0+I0) at that attenuation, dB.
    pub esn0_db: f64,
    /// Most efficient usable MODCOD (`None`: none closes the link).
    pub best_modcod: Option<&'static str>,
    /// Es/(N0+I0) above the best MODCOD's requirement (with margin), dB.
    pub excess_margin_db: Option<f64>,
    /// Information bit rate of that MODCOD, bit/s (0 when none).
    pub throughput_bps: f64,
}

/// ACM over an average year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AcmSummary {
    /// Implementation margin applied to every threshold, dB.
    pub implementation_margin_db: f64,
    /// Per MODCOD, in the order given.
    pub modcods: Vec<ModcodAvailability>,
    /// Per requested availability level.
    pub levels: Vec<AvailabilityLevel>,
    /// Time-averaged information bit rate under ideal ACM, bit/s.
    pub mean_throughput_bps: f64,
    /// Percentage of the year no MODCOD closes the link.
    pub outage_pct: f64,
    /// The same in minutes per average year (365.25 days).
    pub outage_minutes_per_year: f64,
}

/// Largest fade `A` in [0, MAX_FADE_SEARCH_DB] with `esn0_at(A) ≥ required`,
/// by bisection to 1e-4 dB; `None` if the clear-sky link already fails.
pub fn max_fade_db(esn0_at: &dyn Fn(f64) -> Result<f64>, required_db: f64) -> Result<Option<f64>> {
    if esn0_at(0.0)? < required_db {
        return Ok(None);
    }
    if esn0_at(MAX_FADE_SEARCH_DB)? >= required_db {
        return Ok(Some(MAX_FADE_SEARCH_DB));
    }
    let (mut lo, mut hi) = (0.0, MAX_FADE_SEARCH_DB);
    while hi - lo > 1e-4 {
        let mid = 0.5 * (lo + hi);
        if esn0_at(mid)? >= required_db {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Some(lo))
}

/// ACM availability of a link.
///
/// `esn0_at(A)` gives the end-to-end Es/(N0+I0) (dB) for a fade of `A` dB on
/// `path` (e.g. `|a| link.evaluate(0.0, a).map(|s| s.cnir_db)`); `fade` is the
/// propagation model; `levels_pct` the availabilities to report (e.g. 99.9).
///
/// # Units
/// dB, baud, percent of an average year.
///
/// # References
/// See the module documentation.
pub fn acm_availability(
    esn0_at: &dyn Fn(f64) -> Result<f64>,
    fade: &dyn Fade,
    path: &EarthSpacePath,
    modcods: &[Modcod],
    implementation_margin_db: f64,
    symbol_rate_baud: f64,
    levels_pct: &[f64],
) -> Result<AcmSummary> {
    check_range(
        "implementation_margin_db",
        implementation_margin_db,
        0.0,
        20.0,
        "a margin in [0, 20] dB",
    )?;
    crate::error::check_positive("symbol_rate_baud", symbol_rate_baud)?;

    let mut rows = Vec::with_capacity(modcods.len());
    for m in modcods {
        let required = m.required_esn0_db(implementation_margin_db);
        let max_fade = max_fade_db(esn0_at, required)?;
        let availability_pct = match max_fade {
            None => 0.0,
            Some(a) => {
                let p = fade.exceedance_pct(path, a).map_err(Error::Propagation)?;
                (100.0 - p).clamp(0.0, 100.0)
            }
        };
        rows.push(ModcodAvailability {
            modcod: m.name,
            efficiency_bits_per_symbol: m.efficiency_bits_per_symbol,
            required_esn0_db: required,
            max_fade_db: max_fade,
            availability_pct,
            throughput_bps: m.throughput_bps(symbol_rate_baud),
            time_selected_pct: 0.0,
        });
    }

    // Pareto front: by increasing requirement, keep a MODCOD only if it is
    // more efficient than every one with a lower requirement. Along the front
    // availability decreases and efficiency increases; ACM uses front MODCOD
    // i while it is usable and i+1 is not.
    let mut order: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].max_fade_db.is_some())
        .collect();
    order.sort_by(|&a, &b| {
        rows[a]
            .required_esn0_db
            .total_cmp(&rows[b].required_esn0_db)
            .then(
                rows[b]
                    .efficiency_bits_per_symbol
                    .total_cmp(&rows[a].efficiency_bits_per_symbol),
            )
    });
    let mut front: Vec<usize> = Vec::new();
    for i in order {
        if front.last().is_none_or(|&j| {
            rows[i].efficiency_bits_per_symbol > rows[j].efficiency_bits_per_symbol
        }) {
            front.push(i);
        }
    }
    let mut mean = 0.0;
    for (k, &i) in front.iter().enumerate() {
        let next = front.get(k + 1).map_or(0.0, |&j| rows[j].availability_pct);
        let share = (rows[i].availability_pct - next).max(0.0);
        rows[i].time_selected_pct = share;
        mean += share / 100.0 * rows[i].throughput_bps;
    }
    let usable_pct = front.first().map_or(0.0, |&i| rows[i].availability_pct);
    let outage_pct = 100.0 - usable_pct;

    let mut levels = Vec::with_capacity(levels_pct.len());
    for &level in levels_pct {
        check_range(
            "availability level",
            level,
            0.0,
            100.0,
            "a percentage in (0, 100)",
        )?;
        let p = 100.0 - level;
        let a = fade.attenuation_db(path, p).map_err(Error::Propagation)?;
        let esn0 = esn0_at(a)?;
        let best = best_modcod(modcods, esn0, implementation_margin_db);
        levels.push(AvailabilityLevel {
            availability_pct: level,
            attenuation_db: a,
            esn0_db: esn0,
            best_modcod: best.map(|m| m.name),
            excess_margin_db: best.map(|m| esn0 - m.required_esn0_db(implementation_margin_db)),
            throughput_bps: best.map_or(0.0, |m| m.throughput_bps(symbol_rate_baud)),
        });
    }

    Ok(AcmSummary {
        implementation_margin_db,
        modcods: rows,
        levels,
        mean_throughput_bps: mean,
        outage_pct,
        outage_minutes_per_year: outage_pct / 100.0 * MINUTES_PER_YEAR,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fade::test_double::{PowerLawFade, any_path};
    use crate::modcod::ModcodSet;

    /// A toy link: Es/N0 = 14 dB − 1.3·A (the downlink loses A plus sky noise).
    fn toy(a: f64) -> Result<f64> {
        Ok(14.0 - 1.3 * a)
    }

    #[test]
    fn hand_worked_qpsk_half() {
        // QPSK 1/2 needs 1.00 + 0.5 = 1.5 dB: A_max = (14 − 1.5)/1.3 = 9.615 dB.
        // Double: b = log10(4.22/1.54) = 0.437792;
        //   p = 0.01 · (9.61538/4.22)^(−1/b) = 0.01 · 2.278527^−2.284191
        //   = 0.01 · 0.152423 = 0.00152423 % → availability 99.9984758 %.
        let m = crate::dvbs2::dvbs2_modcod("QPSK 1/2").unwrap();
        let s = acm_availability(
            &toy,
            &PowerLawFade::baku_like(),
            &any_path(),
            &[m],
            0.5,
            10e6,
            &[],
        )
        .unwrap();
        let r = &s.modcods[0];
        assert!((r.max_fade_db.unwrap() - 9.6154).abs() < 2e-4, "{r:?}");
        assert!((r.availability_pct - 99.998_475_8).abs() < 2e-7, "{r:?}");
        // Outage 0.00152423 % of 525 960 min = 8.017 min/year.
        assert!((s.outage_minutes_per_year - 8.017).abs() < 2e-3, "{s:?}");
        // One MODCOD: mean = availability × 9.88858 Mbit/s.
        assert!((s.mean_throughput_bps - 0.999_984_758 * 9.888_58e6).abs() < 1.0);
    }

    #[test]
    fn availability_is_monotonic_in_threshold() {
        let set = ModcodSet::DvbS2.modcods();
        let s = acm_availability(
            &toy,
            &PowerLawFade::baku_like(),
            &any_path(),
            &set,
            0.3,
            10e6,
            &[99.0, 99.9, 99.99],
        )
        .unwrap();
        let mut rows = s.modcods.clone();
        rows.sort_by(|a, b| a.required_esn0_db.total_cmp(&b.required_esn0_db));
        for w in rows.windows(2) {
            assert!(
                w[1].availability_pct <= w[0].availability_pct,
                "{} vs {}",
                w[0].modcod,
                w[1].modcod
            );
        }
        // Shares of time add up to the usable time.
        let total: f64 = s.modcods.iter().map(|r| r.time_selected_pct).sum();
        assert!((total + s.outage_pct - 100.0).abs() < 1e-9);
        // Higher availability → lower or equal throughput.
        for w in s.levels.windows(2) {
            assert!(w[1].throughput_bps <= w[0].throughput_bps);
            assert!(w[1].attenuation_db > w[0].attenuation_db);
        }
        // Mean lies between the worst and best rates used.
        assert!(s.mean_throughput_bps < 4.453_027 * 10e6);
        assert!(s.mean_throughput_bps > 0.0);
    }

    #[test]
    fn wetter_climate_lowers_availability() {
        let set = ModcodSet::DvbS2x.modcods();
        let dry = acm_availability(
            &toy,
            &PowerLawFade::baku_like(),
            &any_path(),
            &set,
            0.5,
            10e6,
            &[99.9],
        )
        .unwrap();
        let wet = acm_availability(
            &toy,
            &PowerLawFade::scaled(2.0),
            &any_path(),
            &set,
            0.5,
            10e6,
            &[99.9],
        )
        .unwrap();
        assert!(wet.outage_minutes_per_year > dry.outage_minutes_per_year);
        assert!(wet.mean_throughput_bps < dry.mean_throughput_bps);
        for (d, w) in dry.modcods.iter().zip(&wet.modcods) {
            assert!(w.availability_pct <= d.availability_pct, "{}", d.modcod);
        }
    }

    #[test]
    fn unusable_in_clear_sky() {
        let m = crate::dvbs2::dvbs2_modcod("32APSK 9/10").unwrap();
        let s = acm_availability(
            &toy,
            &PowerLawFade::baku_like(),
            &any_path(),
            &[m],
            0.5,
            1e6,
            &[99.0],
        )
        .unwrap();
        assert_eq!(s.modcods[0].max_fade_db, None);
        assert_eq!(s.modcods[0].availability_pct, 0.0);
        assert_eq!(s.outage_pct, 100.0);
        assert_eq!(s.levels[0].best_modcod, None);
    }
}
