//! Satellite link budgets for silkway.
//!
//! - Earth-station antennas: [`antenna_gain_dbi`], [`beamwidth_3db_deg`],
//!   [`pointing_loss_db`].
//! - Geometry and path: [`geo_look`] (GEO slant range and elevation),
//!   [`free_space_loss_db`] (ITU-R P.525).
//! - Noise: [`ReceiveChain`] (system noise temperature with the rain-induced
//!   sky-noise increase of ITU-R P.618-13 §3), G/T.
//! - Transparent transponder operating point and per-carrier power share /
//!   PEB: [`Transponder`].
//! - Uplink, downlink and end-to-end C/N0, C/N, C/(N+I): [`Link::evaluate`].
//! - DVB-S2 (EN 302 307-1 Table 13) and DVB-S2X (EN 302 307-2 Table 20a)
//!   MODCODs: [`DVBS2_MODCODS`], [`DVBS2X_MODCODS`].
//! - ACM availability over an average year behind a propagation trait
//!   [`Fade`]: [`acm_availability`].
//! - A TOML link description and its full report: [`LinkFile`],
//!   [`link_report`].
//!
//! Quantities are `f64` with the unit in the name (`eirp_dbw`, `gt_dbk`,
//! `cn0_dbhz`, `t_sys_k`, `freq_ghz`).
//!
//! # References
//! G. Maral, M. Bousquet, Z. Sun, *Satellite Communications Systems*, 5th ed.
//! (Wiley, 2009), ch. 5; ITU-R P.525-4; ITU-R P.618-13; ETSI EN 302 307-1
//! V1.4.1; ETSI EN 302 307-2 V1.1.1.

#![deny(missing_docs)]

pub mod acm;
pub mod antenna;
pub mod budget;
pub mod contours;
pub mod dvbs2;
pub mod dvbs2x;
pub mod error;
pub mod fade;
pub mod file;
pub mod geometry;
pub mod map;
pub mod modcod;
pub mod noise;
pub mod p618_fade;
pub mod path;
pub mod report;
pub mod transponder;
pub mod units;

pub use acm::{AcmSummary, AvailabilityLevel, ModcodAvailability, acm_availability};
pub use antenna::{Antenna, AntennaAtFreq, antenna_gain_dbi, beamwidth_3db_deg, pointing_loss_db};
pub use budget::{
    DownlinkSide, Interference, Link, LinkState, UplinkSide, cn_db, cn0_dbhz,
    required_downlink_cn_db,
};
pub use contours::isobands_geojson;
pub use dvbs2::{DVBS2_MODCODS, dvbs2_modcod};
pub use dvbs2x::{DVBS2X_MODCODS, dvbs2x_modcod};
pub use error::{Error, FadeError, Result};
pub use fade::{EarthSpacePath, Fade};
pub use file::LinkFile;
pub use geometry::{GeoLook, geo_look};
pub use map::{AttenuationMap, LinkAtPoint, MapSpec, attenuation_map, link_over_grid};
pub use modcod::{
    Modcod, ModcodSet, Modulation, Standard, best_modcod, occupied_bandwidth_hz, symbol_rate_baud,
};
pub use noise::{
    MEAN_RADIATING_TEMP_K, ReceiveChain, ReceiverNoise, noise_figure_to_temp_k,
    sky_noise_increase_k,
};
pub use p618_fade::P618Fade;
pub use path::free_space_loss_db;
pub use report::{LinkReport, link_report, link_report_from_toml};
pub use transponder::{CarrierOperatingPoint, Transponder};
pub use units::{combine_inverse_db, db_to_lin, lin_to_db};
