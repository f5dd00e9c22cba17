//! ITU-R P.618-13 total attenuation (with the ITU-R digital maps, from
//! `silkway-itur`) as the [`Fade`] model of a link.

use silkway_itur::Maps;
use silkway_itur::p618::inverse::{Exceedance, total_exceedance};
use silkway_itur::p618::total::{TotalInput, total_attenuation};

use crate::error::FadeError;
use crate::fade::{EarthSpacePath, Fade};

/// P.618-13 §2.5 total attenuation (gases, clouds, rain, scintillation)
/// and its inverse, on the maps installed by
/// `silkway data install itu-maps`.
///
/// # Domain
/// P.618-13 §2.5 covers 0.001 % ≤ p ≤ 50 %. Outside it the inverse is
/// answered conservatively: an attenuation larger than the one exceeded
/// 0.001 % of the time is counted as exceeded 0.001 % of the time (an
/// upper bound on outage), and one smaller than the 50 % value as exceeded
/// 100 % of the time (the link is treated as unusable).
///
/// # References
/// ITU-R P.618-13 §2.5 eqs. (64)–(66); the inverse by bisection in ln p.
pub struct P618Fade<'m> {
    maps: &'m Maps,
}

impl<'m> P618Fade<'m> {
    /// The model on the given map cache.
    pub fn new(maps: &'m Maps) -> Self {
        Self { maps }
    }
}

fn input(path: &EarthSpacePath, p_pct: f64) -> TotalInput {
    TotalInput {
        lat_deg: path.lat_deg,
        lon_deg: path.lon_deg,
        hs_km: path.height_m.map(|h| h / 1000.0),
        freq_ghz: path.freq_ghz,
        elevation_deg: path.elevation_deg,
        d_m: path.antenna_diameter_m,
        eta: path.antenna_efficiency,
        tau_deg: path.polarization_tilt_deg,
        p_pct,
    }
}

impl Fade for P618Fade<'_> {
    fn attenuation_db(&self, path: &EarthSpacePath, p_pct: f64) -> Result<f64, FadeError> {
        Ok(total_attenuation(self.maps, &input(path, p_pct))?.a_total_db)
    }

    fn exceedance_pct(&self, path: &EarthSpacePath, a_db: f64) -> Result<f64, FadeError> {
        match total_exceedance(self.maps, &input(path, 1.0), a_db)? {
            Exceedance::Pct(p) => Ok(p),
            Exceedance::BelowRange(lowest_pct) => Ok(lowest_pct),
            Exceedance::AboveRange(_) => Ok(100.0),
            other => Err(format!("unexpected inversion result {other:?}").into()),
        }
    }
}
