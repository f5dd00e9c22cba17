//! Prediction of interference between stations on the surface of the
//! Earth at frequencies above about 0.1 GHz, ITU-R P.452-18 (10/2023),
//! clear-air mechanisms.
//!
//! The basic transmission loss L_b not exceeded for p % of an average year
//! combines (§4.5) line of sight with multipath and focusing
//! ([`line_of_sight`], §4.1), diffraction by the delta-Bullington method
//! ([`diffraction`], §4.2), tropospheric scatter ([`troposcatter`], §4.3)
//! and ducting/layer reflection ([`ducting`], §4.4), over a terrain
//! profile with representative clutter heights and radio-climatic zones
//! A1/A2/B ([`profile`], read from CSV by [`profile_csv`] or generated along
//! the great circle by [`generate`]). Hydrometeor scatter (§5) is not
//! implemented.
//!
//! ΔN and N0 (the average radio-refractivity lapse-rate through the lowest
//! 1 km and the sea-level surface refractivity at the path centre, P.452-18
//! §3.2.1 Figs. 1–2, digital maps DN50.TXT and N050.TXT) are inputs: those
//! maps are not part of the `itur` 0.4.0 distribution the map installer
//! reads, so the caller gives them.
//!
//! # Examples
//! ```
//! use silkway_itur::p452::{Inputs, PathProfile, Polarization, Zone, predict};
//! use silkway_itur::p452::great_circle::LonLat;
//! // A flat 5 km inland path, 10 m antennas (ITU validation example).
//! let d: Vec<f64> = (0..=500).map(|i| i as f64 * 0.01).collect();
//! let n = d.len();
//! let profile = PathProfile::new(d, vec![0.0; n], vec![0.0; n], vec![Zone::Inland; n]).unwrap();
//! let inputs = Inputs {
//!     freq_ghz: 2.0, p_pct: 50.0, htg_m: 10.0, hrg_m: 10.0,
//!     tx: LonLat { lon_deg: 0.0, lat_deg: 51.2 },
//!     rx: LonLat { lon_deg: 0.0, lat_deg: 51.155 },
//!     gt_dbi: 20.0, gr_dbi: 5.0, pol: Polarization::Vertical,
//!     dct_km: 500.0, dcr_km: 500.0, press_hpa: 1013.0, temp_c: 15.0,
//!     dn: 42.531260, n0: 326.678815,
//! };
//! let out = predict(&profile, &inputs).unwrap();
//! assert!((out.lb_db - 112.43458671).abs() < 0.01);
//! ```

pub mod bullington;
pub mod coastline;
pub mod combine;
pub mod diffraction;
pub mod ducting;
pub mod gas;
pub mod generate;
pub mod geometry;
pub mod great_circle;
pub mod line_of_sight;
pub mod normal;
pub mod profile;
pub mod profile_csv;
pub mod radio_climate;
pub mod spherical_earth;
pub mod troposcatter;
pub mod zones;

pub use coastline::Coastline;
pub use combine::{PathAnalysis, Prediction, predict};
pub use generate::{GeneratedPath, ProfileOptions, great_circle_profile};
pub use geometry::{PathGeometry, PathKind};
pub use great_circle::LonLat;
pub use profile::{PathProfile, Zone};
pub use profile_csv::{parse_profile_csv, read_profile_csv};

/// Antenna polarization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarization {
    /// Horizontal (code 1 in the ITU validation files).
    Horizontal,
    /// Vertical (code 2).
    Vertical,
}

impl Polarization {
    /// From the ITU validation code (1 = horizontal, 2 = vertical).
    pub fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(Polarization::Horizontal),
            2 => Some(Polarization::Vertical),
            _ => None,
        }
    }
}

/// The inputs of a P.452-18 prediction besides the profile (P.452-18
/// Table 1 and §3.2.1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inputs {
    /// Frequency f (GHz), 0.1–50.
    pub freq_ghz: f64,
    /// Time percentage p (%) for which the loss is not exceeded, 0.001–50.
    pub p_pct: f64,
    /// Transmitter antenna centre height above ground h_tg (m), > 0.
    pub htg_m: f64,
    /// Receiver antenna centre height above ground h_rg (m), > 0.
    pub hrg_m: f64,
    /// Transmitter position.
    pub tx: LonLat,
    /// Receiver position.
    pub rx: LonLat,
    /// Transmitter antenna gain toward the horizon along the path G_t (dBi).
    pub gt_dbi: f64,
    /// Receiver antenna gain toward the horizon along the path G_r (dBi).
    pub gr_dbi: f64,
    /// Polarization.
    pub pol: Polarization,
    /// Distance of the transmitter from the coast over land d_ct (km).
    pub dct_km: f64,
    /// Distance of the receiver from the coast over land d_cr (km).
    pub dcr_km: f64,
    /// Surface dry-air pressure (hPa) for the gaseous attenuation.
    pub press_hpa: f64,
    /// Surface temperature (°C) for the gaseous attenuation.
    pub temp_c: f64,
    /// Average radio-refractive index lapse-rate through the lowest 1 km
    /// of the atmosphere ΔN (N-units/km) at the path centre.
    pub dn: f64,
    /// Sea-level surface refractivity N0 (N-units) at the path centre.
    pub n0: f64,
}
