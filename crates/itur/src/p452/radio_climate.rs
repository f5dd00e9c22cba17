//! Radio-meteorological path parameters of ITU-R P.452-18: zone lengths,
//! the sea fraction ω, the time percentage β0 of anomalous propagation and
//! the effective Earth radii.
//!
//! # References
//! ITU-R P.452-18 Annex 1 §3.2.1 (β0, eqs. (2)–(4)), §4.2.2 (ω), §4.4
//! (d_tm, d_lm, eq. (3a)), and §4.2.1 / §3.2.1 eqs. (5)–(6b) (median
//! effective Earth-radius factor k50 and radius a_e; a_β = 6371·3 km).

use super::profile::{PathProfile, Zone};

/// Mean Earth radius used by P.452-18 (km).
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Effective Earth-radius factor exceeded β0 % of the time (P.452-18
/// eq. (6b)): k_β = 3.
pub const K_BETA: f64 = 3.0;

/// Median effective Earth radius a_e (km) for the average radio-refractive
/// index lapse-rate ΔN (N-units/km): k50 = 157/(157 − ΔN), eq. (5);
/// a_e = 6371·k50, eq. (6a).
pub fn median_effective_radius_km(dn: f64) -> f64 {
    EARTH_RADIUS_KM * 157.0 / (157.0 - dn)
}

/// Effective Earth radius exceeded β0 % of the time a_β (km), eq. (6b).
pub fn beta_effective_radius_km() -> f64 {
    EARTH_RADIUS_KM * K_BETA
}

/// Length of every run of consecutive profile points satisfying `pred`,
/// each run extended by half the spacing to its neighbours (the boundary
/// between two zones lies midway between two points).
fn runs_km(profile: &PathProfile, pred: impl Fn(Zone) -> bool) -> impl Iterator<Item = f64> {
    let d = profile.d_km().to_vec();
    let zones = profile.zones().to_vec();
    let n = d.len();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < n {
        if !pred(zones[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < n && pred(zones[i + 1]) {
            i += 1;
        }
        let stop = i;
        let mut len = d[stop] - d[start];
        if stop + 1 < n {
            len += (d[stop + 1] - d[stop]) / 2.0;
        }
        if start > 0 {
            len += (d[start] - d[start - 1]) / 2.0;
        }
        runs.push(len);
        i += 1;
    }
    runs.into_iter()
}

/// d_tm (km): longest continuous land (inland + coastal) section of the
/// path, P.452-18 §4.4 / Table 3.
pub fn longest_land_km(profile: &PathProfile) -> f64 {
    runs_km(profile, Zone::is_land).fold(0.0, f64::max)
}

/// d_lm (km): longest continuous inland (zone A2) section of the path,
/// P.452-18 §4.4 / Table 3.
pub fn longest_inland_km(profile: &PathProfile) -> f64 {
    runs_km(profile, |z| z == Zone::Inland).fold(0.0, f64::max)
}

/// ω: fraction of the total path over water (zone B), P.452-18 §4.2.2.
pub fn sea_fraction(profile: &PathProfile) -> f64 {
    runs_km(profile, |z| z == Zone::Sea).sum::<f64>() / profile.length_km()
}

/// β0 (%): time percentage for which refractive index lapse-rates
/// exceeding 100 N-units/km can be expected in the first 100 m of the
/// lower atmosphere, P.452-18 eqs. (2)–(4) with τ of eq. (3a).
///
/// `lat_deg` is the latitude of the path centre, `dtm_km` and `dlm_km`
/// the longest continuous land and inland sections.
pub fn beta0_pct(lat_deg: f64, dtm_km: f64, dlm_km: f64) -> f64 {
    let tau = 1.0 - (-(4.12e-4 * dlm_km.powf(2.41))).exp(); // (3a)
    let mu1 = (10f64.powf(-dtm_km / (16.0 - 6.6 * tau)) + 10f64.powf(-5.0 * (0.496 + 0.354 * tau)))
        .powf(0.2)
        .min(1.0); // (3)
    let phi = lat_deg.abs();
    if phi <= 70.0 {
        let mu4 = 10f64.powf((-0.935 + 0.0176 * phi) * mu1.log10()); // (4)
        10f64.powf(-0.015 * phi + 1.67) * mu1 * mu4 // (2)
    } else {
        let mu4 = 10f64.powf(0.3 * mu1.log10()); // (4)
        4.17 * mu1 * mu4 // (2)
    }
}

/// τ of P.452-18 eq. (3a), from the longest inland section d_lm (km).
pub fn tau(dlm_km: f64) -> f64 {
    1.0 - (-(4.12e-4 * dlm_km.powf(2.41))).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_runs_split_midway() {
        use Zone::*;
        let p = PathProfile::new(
            vec![0.0, 1.0, 2.0, 3.0, 4.0],
            vec![0.0; 5],
            vec![0.0; 5],
            vec![Inland, Inland, Sea, Sea, CoastalLand],
        )
        .unwrap();
        assert!((longest_inland_km(&p) - 1.5).abs() < 1e-12);
        assert!((sea_fraction(&p) - 2.0 / 4.0).abs() < 1e-12);
        assert!((longest_land_km(&p) - 1.5).abs() < 1e-12);
        // Flat 5 km inland path at 51.2°N: β0 of the ITU example (6.950436 %).
        assert!((beta0_pct(51.177_5, 5.0, 5.0) - 6.950436).abs() < 1e-3);
    }
}
