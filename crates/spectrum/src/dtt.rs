//! RR Appendix 8: ΔT/T between two geostationary-satellite networks.
//!
//! Network R (the wanted, possibly affected network) and network R' (the
//! interfering one), simple frequency-changing transponders:
//!
//! - uplink: `ΔTs = p'e · g'4(δu) · g1 / (k · lu)` — the transmitting earth
//!   station of R' (power density `p'e` at its antenna input, gain
//!   `g'4(δu)` toward the satellite of R at topocentric separation δu)
//!   into the satellite of R (receive gain `g1` toward that earth station);
//! - downlink: `ΔTe = p's · g'3 · g2(δd) / (k · ld)` — the satellite of R'
//!   (power density `p's`, gain `g'3` toward the receiving earth station of
//!   R) into that earth station (gain `g2(δd)` toward R' at separation δd);
//! - `ΔT/T = (ΔTe + γ ΔTs) / (Te + γ Ts)`, γ the transmission gain of R
//!   from the satellite receive-antenna output to the earth-station
//!   receive-antenna output.
//!
//! Coordination is required when ΔT/T exceeds 6 %.
//! `lu`, `ld` are free-space losses (ITU-R P.525) over the slant ranges
//! from the earth stations to the other network's satellite; the
//! topocentric separations are computed from the earth-station positions
//! and the orbital longitudes (spherical Earth, GSO radius 42 164.2 km),
//! unless given. Power densities are the maxima per Hz (averaged over the
//! worst 4 kHz below 15 GHz, worst 1 MHz above, as App. 8 specifies —
//! the caller supplies them already averaged).
//!
//! # References
//! ITU Radio Regulations, Appendix 8, Annex 1 §§2–2.2 (simple
//! frequency-changing transponder) and Article 9 / App. 5 (6 % threshold).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, finite, in_range, positive};
use crate::geometry::{angle_at_deg, distance_km, ecef_km, gso_ecef_km};
use crate::path_loss::free_space_loss_db;
use crate::pattern::PatternSpec;
use crate::units::{BOLTZMANN_J_PER_K, db_to_lin, lin_to_db};

/// ΔT/T threshold of App. 8, %.
pub const DTT_THRESHOLD_PCT: f64 = 6.0;

/// An earth-station site.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Altitude, m.
    #[serde(default)]
    pub alt_m: f64,
}

/// Network R: the wanted network whose noise increase is computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WantedNetwork {
    /// Orbital longitude of R's satellite, degrees east.
    pub satellite_lon_deg: f64,
    /// R's receiving earth station.
    pub earth_station: Site,
    /// Ts: satellite receiving system noise temperature, K.
    pub satellite_noise_temp_k: f64,
    /// Te: earth-station receiving system noise temperature, K.
    pub earth_station_noise_temp_k: f64,
    /// γ: transmission gain of R, dB (usually negative).
    pub transmission_gain_db: f64,
    /// g1: R's satellite receive gain toward R''s transmitting earth station, dBi.
    pub satellite_rx_gain_dbi: f64,
    /// g2: R's earth-station receive antenna pattern.
    pub earth_station_rx_pattern: PatternSpec,
}

/// Network R': the interfering network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterferingNetwork {
    /// Orbital longitude of R''s satellite, degrees east.
    pub satellite_lon_deg: f64,
    /// R''s transmitting earth station.
    pub earth_station: Site,
    /// p'e: max power density at the earth-station antenna input, dB(W/Hz).
    pub earth_station_power_density_dbw_hz: f64,
    /// g'4: R''s earth-station transmit antenna pattern.
    pub earth_station_tx_pattern: PatternSpec,
    /// p's: max power density at the satellite antenna input, dB(W/Hz).
    pub satellite_power_density_dbw_hz: f64,
    /// g'3: R''s satellite transmit gain toward R's receiving earth station, dBi.
    pub satellite_tx_gain_dbi: f64,
}

/// Geometry given instead of computed (all optional).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeometryOverride {
    /// δu: separation seen from R''s earth station, degrees.
    pub uplink_separation_deg: Option<f64>,
    /// δd: separation seen from R's earth station, degrees.
    pub downlink_separation_deg: Option<f64>,
    /// Slant range from R''s earth station to R's satellite, km.
    pub uplink_range_km: Option<f64>,
    /// Slant range from R''s satellite to R's earth station, km.
    pub downlink_range_km: Option<f64>,
}

/// A complete ΔT/T case (the TOML file of `silkway spectrum dtt`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DttInput {
    /// Uplink frequency, GHz.
    pub uplink_freq_ghz: f64,
    /// Downlink frequency, GHz.
    pub downlink_freq_ghz: f64,
    /// Network R.
    pub wanted: WantedNetwork,
    /// Network R'.
    pub interfering: InterferingNetwork,
    /// Geometry overrides.
    #[serde(default)]
    pub geometry: GeometryOverride,
    /// Threshold, % (default 6).
    #[serde(default)]
    pub threshold_pct: Option<f64>,
}

/// The result, with its intermediates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DttResult {
    /// Geocentric orbital separation, degrees.
    pub orbital_separation_deg: f64,
    /// δu, degrees.
    pub uplink_separation_deg: f64,
    /// δd, degrees.
    pub downlink_separation_deg: f64,
    /// Uplink slant range, km.
    pub uplink_range_km: f64,
    /// Downlink slant range, km.
    pub downlink_range_km: f64,
    /// lu, dB.
    pub uplink_loss_db: f64,
    /// ld, dB.
    pub downlink_loss_db: f64,
    /// g'4(δu), dBi.
    pub interfering_es_gain_dbi: f64,
    /// g2(δd), dBi.
    pub wanted_es_gain_dbi: f64,
    /// ΔTs, K.
    pub delta_ts_k: f64,
    /// ΔTe, K.
    pub delta_te_k: f64,
    /// ΔTs/Ts, %.
    pub delta_ts_over_ts_pct: f64,
    /// ΔTe/Te, %.
    pub delta_te_over_te_pct: f64,
    /// Equivalent link noise temperature T = Te + γ Ts, K.
    pub t_link_k: f64,
    /// ΔT = ΔTe + γ ΔTs, K.
    pub delta_t_k: f64,
    /// ΔT/T, %.
    pub delta_t_over_t_pct: f64,
    /// Threshold, %.
    pub threshold_pct: f64,
    /// ΔT/T above the threshold.
    pub coordination_required: bool,
}

impl DttInput {
    /// Parse the TOML format.
    ///
    /// # Errors
    /// [`Error::Parse`] naming the file, line and field.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self> {
        toml::from_str(text).map_err(|e| Error::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })
    }

    /// Compute ΔT/T.
    ///
    /// # Errors
    /// Invalid numbers (non-positive temperatures, frequencies, NaN...).
    pub fn evaluate(&self) -> Result<DttResult> {
        let w = &self.wanted;
        let i = &self.interfering;
        positive("uplink_freq_ghz", self.uplink_freq_ghz)?;
        positive("downlink_freq_ghz", self.downlink_freq_ghz)?;
        let ts = positive("satellite_noise_temp_k", w.satellite_noise_temp_k)?;
        let te = positive("earth_station_noise_temp_k", w.earth_station_noise_temp_k)?;
        let gamma = db_to_lin(finite("transmission_gain_db", w.transmission_gain_db)?);
        for (f, v) in [
            ("satellite_rx_gain_dbi", w.satellite_rx_gain_dbi),
            (
                "earth_station_power_density_dbw_hz",
                i.earth_station_power_density_dbw_hz,
            ),
            (
                "satellite_power_density_dbw_hz",
                i.satellite_power_density_dbw_hz,
            ),
            ("satellite_tx_gain_dbi", i.satellite_tx_gain_dbi),
        ] {
            finite(f, v)?;
        }
        for (f, s) in [
            ("wanted", &w.earth_station),
            ("interfering", &i.earth_station),
        ] {
            in_range(
                &format!("{f}.earth_station.lat_deg"),
                s.lat_deg,
                -90.0,
                90.0,
            )?;
            in_range(
                &format!("{f}.earth_station.lon_deg"),
                s.lon_deg,
                -180.0,
                360.0,
            )?;
            finite(&format!("{f}.earth_station.alt_m"), s.alt_m)?;
        }
        let sat_r = gso_ecef_km(finite("wanted.satellite_lon_deg", w.satellite_lon_deg)?);
        let sat_ri = gso_ecef_km(finite(
            "interfering.satellite_lon_deg",
            i.satellite_lon_deg,
        )?);
        let es_r = ecef_km(
            w.earth_station.lat_deg,
            w.earth_station.lon_deg,
            w.earth_station.alt_m,
        );
        let es_ri = ecef_km(
            i.earth_station.lat_deg,
            i.earth_station.lon_deg,
            i.earth_station.alt_m,
        );
        let g = &self.geometry;
        let du = match g.uplink_separation_deg {
            Some(v) => in_range("uplink_separation_deg", v, 0.0, 180.0)?,
            None => angle_at_deg(es_ri, sat_ri, sat_r),
        };
        let dd = match g.downlink_separation_deg {
            Some(v) => in_range("downlink_separation_deg", v, 0.0, 180.0)?,
            None => angle_at_deg(es_r, sat_r, sat_ri),
        };
        let ru = match g.uplink_range_km {
            Some(v) => positive("uplink_range_km", v)?,
            None => distance_km(es_ri, sat_r),
        };
        let rd = match g.downlink_range_km {
            Some(v) => positive("downlink_range_km", v)?,
            None => distance_km(sat_ri, es_r),
        };
        let lu = free_space_loss_db(ru, self.uplink_freq_ghz * 1e3)?;
        let ld = free_space_loss_db(rd, self.downlink_freq_ghz * 1e3)?;
        let g4 = i
            .earth_station_tx_pattern
            .build(self.uplink_freq_ghz)?
            .gain_dbi(du);
        let g2 = w
            .earth_station_rx_pattern
            .build(self.downlink_freq_ghz)?
            .gain_dbi(dd);
        let k_db = lin_to_db(BOLTZMANN_J_PER_K);
        let delta_ts_k = db_to_lin(
            i.earth_station_power_density_dbw_hz + g4 + w.satellite_rx_gain_dbi - k_db - lu,
        );
        let delta_te_k =
            db_to_lin(i.satellite_power_density_dbw_hz + i.satellite_tx_gain_dbi + g2 - k_db - ld);
        let t_link_k = te + gamma * ts;
        let delta_t_k = delta_te_k + gamma * delta_ts_k;
        let pct = 100.0 * delta_t_k / t_link_k;
        let threshold_pct = match self.threshold_pct {
            Some(t) => positive("threshold_pct", t)?,
            None => DTT_THRESHOLD_PCT,
        };
        let sep = (w.satellite_lon_deg - i.satellite_lon_deg).rem_euclid(360.0);
        Ok(DttResult {
            orbital_separation_deg: sep.min(360.0 - sep),
            uplink_separation_deg: du,
            downlink_separation_deg: dd,
            uplink_range_km: ru,
            downlink_range_km: rd,
            uplink_loss_db: lu,
            downlink_loss_db: ld,
            interfering_es_gain_dbi: g4,
            wanted_es_gain_dbi: g2,
            delta_ts_k,
            delta_te_k,
            delta_ts_over_ts_pct: 100.0 * delta_ts_k / ts,
            delta_te_over_te_pct: 100.0 * delta_te_k / te,
            t_link_k,
            delta_t_k,
            delta_t_over_t_pct: pct,
            threshold_pct,
            coordination_required: pct > threshold_pct,
        })
    }
}
