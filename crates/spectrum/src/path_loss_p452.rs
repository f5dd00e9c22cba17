//! ITU-R P.452-18 behind [`PathLoss`]: the terrain profile is generated
//! along the great circle between the terminals from the P.1511-2
//! topography, with radio-climatic zones and distances from the coast
//! from the Natural Earth land outline (`silkway_itur::p452::generate`).
//!
//! # Heights
//! [`Terminal::height_m`] is the antenna height above the sphere (site
//! altitude + mast). P.452 needs the height above ground, taken here as
//! `height_m` minus the P.1511 terrain height at the terminal, and at
//! least [`MIN_ANTENNA_HEIGHT_M`] (P.1511's 1/12° grid can put the ground
//! above a site's surveyed altitude).
//!
//! # ΔN and N0
//! P.452's DN50/N050 maps are not in the `itur` 0.4.0 distribution that
//! the map installer reads, so ΔN and N0 are parameters of the model.
//!
//! # References
//! ITU-R P.452-18 (10/2023), clear-air prediction, §4.

use silkway_itur::Maps;
use silkway_itur::p452::{
    Coastline, Inputs, LonLat, PathAnalysis, Polarization, ProfileOptions, great_circle_profile,
};

use crate::error::{Error, Result};
use crate::path_loss::{PathLoss, Terminal, check_p_pct};

/// Lowest antenna height above ground used (m).
pub const MIN_ANTENNA_HEIGHT_M: f64 = 1.0;

/// The P.452-18 path-loss model.
#[derive(Debug, Clone, Copy)]
pub struct P452PathLoss {
    maps: &'static Maps,
    /// ΔN at the path centres (N-units/km).
    pub dn: f64,
    /// N0 at the path centres (N-units).
    pub n0: f64,
    /// Antenna gains toward the horizon used for the troposcatter
    /// aperture-to-medium coupling loss (dBi each; the interference engine
    /// applies the antenna patterns itself).
    pub horizon_gain_dbi: f64,
    /// Polarization.
    pub pol: Polarization,
    /// Surface pressure (hPa).
    pub press_hpa: f64,
    /// Surface temperature (°C).
    pub temp_c: f64,
    /// Profile options (spacing, land clutter height).
    pub profile: ProfileOptions,
}

impl P452PathLoss {
    /// The model over the installed maps (`Maps::global()`), with ΔN and
    /// N0, vertical polarization, 1013.25 hPa, 15 °C, 0 dBi toward the
    /// horizon, profile points every 0.25 km and no clutter.
    ///
    /// # Errors
    /// The P.1511 topography map is not installed.
    pub fn new(dn: f64, n0: f64) -> Result<Self> {
        let maps = Maps::global();
        maps.require_installed().map_err(|e| Error::PathLoss {
            model: "ITU-R P.452-18".into(),
            message: e.to_string(),
        })?;
        Ok(P452PathLoss {
            maps,
            dn,
            n0,
            horizon_gain_dbi: 0.0,
            pol: Polarization::Vertical,
            press_hpa: 1013.25,
            temp_c: 15.0,
            profile: ProfileOptions::default(),
        })
    }
}

fn model_err(e: silkway_itur::Error) -> Error {
    Error::PathLoss {
        model: "ITU-R P.452-18".into(),
        message: e.to_string(),
    }
}

impl PathLoss for P452PathLoss {
    fn loss_db(&self, tx: &Terminal, rx: &Terminal, freq_mhz: f64, p_pct: f64) -> Result<f64> {
        tx.validate()?;
        rx.validate()?;
        check_p_pct(p_pct)?;
        if p_pct > 50.0 {
            return Err(Error::OutOfValidity {
                model: "ITU-R P.452-18".into(),
                reason: format!("p_pct {p_pct} %: the Recommendation covers 0.001–50 %"),
            });
        }
        let (t, r) = (
            LonLat {
                lon_deg: tx.lon_deg,
                lat_deg: tx.lat_deg,
            },
            LonLat {
                lon_deg: rx.lon_deg,
                lat_deg: rx.lat_deg,
            },
        );
        let g = great_circle_profile(self.maps, Coastline::caspian_region(), t, r, &self.profile)
            .map_err(model_err)?;
        let h = g.profile.h_m();
        let inputs = Inputs {
            freq_ghz: freq_mhz / 1000.0,
            p_pct,
            htg_m: (tx.height_m - h[0]).max(MIN_ANTENNA_HEIGHT_M),
            hrg_m: (rx.height_m - h[h.len() - 1]).max(MIN_ANTENNA_HEIGHT_M),
            tx: t,
            rx: r,
            gt_dbi: self.horizon_gain_dbi,
            gr_dbi: self.horizon_gain_dbi,
            pol: self.pol,
            dct_km: g.dct_km,
            dcr_km: g.dcr_km,
            press_hpa: self.press_hpa,
            temp_c: self.temp_c,
            dn: self.dn,
            n0: self.n0,
        };
        PathAnalysis::new(&g.profile, &inputs)
            .and_then(|a| a.predict(&inputs))
            .map(|p| p.lb_db)
            .map_err(model_err)
    }

    fn name(&self) -> &'static str {
        "ITU-R P.452-18 (great-circle profile, P.1511-2 terrain)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path_loss::FreeSpace;

    #[test]
    fn caspian_crossing_exceeds_free_space_and_rejects_bad_inputs() {
        let m = P452PathLoss::new(45.0, 330.0).expect("ITU-R maps installed (scripts/test.sh)");
        let baku = Terminal {
            lat_deg: 40.41,
            lon_deg: 49.87,
            height_m: 40.0,
        };
        let aktau = Terminal {
            lat_deg: 43.65,
            lon_deg: 51.17,
            height_m: 40.0,
        };
        let l = m.loss_db(&baku, &aktau, 2000.0, 1.0).unwrap();
        let fs = FreeSpace.loss_db(&baku, &aktau, 2000.0, 1.0).unwrap();
        assert!(l > fs + 5.0 && l < 260.0, "{l} vs free space {fs}");
        assert!(m.loss_db(&baku, &aktau, 2000.0, 60.0).is_err());
        assert!(m.loss_db(&baku, &aktau, 60_000.0, 1.0).is_err());
        let far = Terminal {
            lon_deg: 5.0,
            ..baku
        };
        let e = m
            .loss_db(&far, &aktau, 2000.0, 1.0)
            .unwrap_err()
            .to_string();
        assert!(e.contains("outside the coastline extract"), "{e}");
    }
}
