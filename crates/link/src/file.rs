//! The link description file (TOML): schema, parsing and validation.
//!
//! Every field is documented with its unit in `crates/link/README.md`;
//! `crates/link/examples/azerspace1_tashkent.toml` is a complete example.
//! Parse errors name the field, line and column; validation errors name the
//! field by its dotted path (e.g. `downlink.antenna.efficiency`).

use crate::antenna::{Antenna, AntennaAtFreq};
use crate::budget::{DownlinkSide, Interference, Link, UplinkSide};
use crate::error::{Error, Result, check_finite, check_positive, check_range};
use crate::fade::EarthSpacePath;
use crate::geometry::{GeoLook, geo_look};
use crate::modcod::{ModcodSet, occupied_bandwidth_hz, symbol_rate_baud};
use crate::noise::{MEAN_RADIATING_TEMP_K, ReceiveChain, ReceiverNoise};
use crate::transponder::Transponder;
use serde::{Deserialize, Serialize};

/// A link description file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkFile {
    /// Free-text name of the link.
    pub name: String,
    /// `true` when the figures are illustrative rather than an operator's.
    #[serde(default)]
    pub illustrative: bool,
    /// Free-text notes (sources of the figures).
    #[serde(default)]
    pub notes: Option<String>,
    /// The satellite.
    pub satellite: SatelliteSpec,
    /// The transponder at its operating point.
    pub transponder: TransponderSpec,
    /// The carrier.
    pub carrier: CarrierSpec,
    /// The transmitting station.
    pub uplink: UplinkSpec,
    /// The receiving station.
    pub downlink: DownlinkSpec,
    /// Interference terms (all optional).
    #[serde(default)]
    pub interference: InterferenceSpec,
    /// Availability levels to report.
    #[serde(default)]
    pub availability: AvailabilitySpec,
}

/// `[satellite]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SatelliteSpec {
    /// Name.
    pub name: String,
    /// Orbital position, degrees east (GEO).
    pub longitude_deg: f64,
}

/// `[transponder]`: see [`Transponder`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransponderSpec {
    /// Usable bandwidth, MHz.
    pub bandwidth_mhz: f64,
    /// Saturated EIRP toward the receiving station, dBW.
    pub saturated_eirp_dbw: f64,
    /// Saturation flux density at the uplink station, dBW/m².
    pub sfd_dbw_m2: f64,
    /// Satellite G/T toward the uplink station, dB/K.
    pub gt_dbk: f64,
    /// Total input back-off at the operating point, dB.
    pub ibo_db: f64,
    /// Total output back-off at the operating point, dB.
    pub obo_db: f64,
}

/// `[carrier]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarrierSpec {
    /// Symbol rate, Msymbol/s (give this or `occupied_bandwidth_mhz`).
    #[serde(default)]
    pub symbol_rate_msps: Option<f64>,
    /// Occupied bandwidth, MHz (`Rs = B / (1 + α)`).
    #[serde(default)]
    pub occupied_bandwidth_mhz: Option<f64>,
    /// Roll-off factor α.
    pub rolloff: f64,
    /// MODCOD set available to ACM: `"dvb-s2"` or `"dvb-s2x"`.
    pub modcods: ModcodSet,
    /// Implementation margin added to every QEF threshold, dB.
    pub implementation_margin_db: f64,
}

/// An Earth-station antenna in the file.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AntennaSpec {
    /// Diameter, m.
    pub diameter_m: f64,
    /// Aperture efficiency, fraction.
    pub efficiency: f64,
    /// Pointing error, degrees.
    #[serde(default)]
    pub pointing_error_deg: f64,
}

impl AntennaSpec {
    fn antenna(&self, side: &str) -> Result<Antenna> {
        check_range(
            &format!("{side}.antenna.diameter_m"),
            self.diameter_m,
            0.05,
            100.0,
            "a diameter in [0.05, 100] m",
        )?;
        check_range(
            &format!("{side}.antenna.efficiency"),
            self.efficiency,
            0.01,
            1.0,
            "a fraction in [0.01, 1]",
        )?;
        check_range(
            &format!("{side}.antenna.pointing_error_deg"),
            self.pointing_error_deg,
            0.0,
            10.0,
            "an angle in [0, 10] degrees",
        )?;
        Ok(Antenna {
            diameter_m: self.diameter_m,
            efficiency: self.efficiency,
            pointing_error_deg: self.pointing_error_deg,
        })
    }
}

/// `[uplink]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UplinkSpec {
    /// Station name.
    pub station: String,
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Height above sea level, m (default 0).
    #[serde(default)]
    pub height_m: Option<f64>,
    /// Uplink frequency, GHz.
    pub freq_ghz: f64,
    /// EIRP toward the satellite, dBW (give this, or `tx_power_dbw` and `antenna`).
    #[serde(default)]
    pub eirp_dbw: Option<f64>,
    /// Transmit power at the amplifier output, dBW.
    #[serde(default)]
    pub tx_power_dbw: Option<f64>,
    /// Loss between amplifier and antenna, dB (default 0).
    #[serde(default)]
    pub tx_feeder_loss_db: f64,
    /// Transmit antenna (required with `tx_power_dbw`; gives the pointing loss).
    #[serde(default)]
    pub antenna: Option<AntennaSpec>,
    /// Other uplink losses (polarisation, radome...), dB (default 0).
    #[serde(default)]
    pub other_losses_db: f64,
    /// Fixed uplink fade allowance, dB (default 0; see the README).
    #[serde(default)]
    pub fade_db: f64,
}

/// `[downlink]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DownlinkSpec {
    /// Station name.
    pub station: String,
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Height above sea level, m (default: the propagation model decides,
    /// the geometry uses 0).
    #[serde(default)]
    pub height_m: Option<f64>,
    /// Downlink frequency, GHz.
    pub freq_ghz: f64,
    /// Polarisation tilt angle relative to the horizontal, degrees (45 for
    /// circular; default 45).
    #[serde(default = "default_tilt")]
    pub polarization_tilt_deg: f64,
    /// Receive antenna.
    pub antenna: AntennaSpec,
    /// Clear-sky antenna noise temperature, K.
    pub antenna_noise_temp_k: f64,
    /// LNB noise figure, dB (give this or `lnb_noise_temp_k`).
    #[serde(default)]
    pub lnb_noise_figure_db: Option<f64>,
    /// LNB noise temperature, K.
    #[serde(default)]
    pub lnb_noise_temp_k: Option<f64>,
    /// Loss between antenna and LNB, dB (default 0).
    #[serde(default)]
    pub feeder_loss_db: f64,
    /// Other downlink losses (polarisation, radome...), dB (default 0).
    #[serde(default)]
    pub other_losses_db: f64,
    /// Mean radiating temperature of the atmosphere, K (default 275,
    /// ITU-R P.618-13 §3).
    #[serde(default = "default_tm")]
    pub mean_radiating_temp_k: f64,
}

fn default_tilt() -> f64 {
    45.0
}

fn default_tm() -> f64 {
    MEAN_RADIATING_TEMP_K
}

/// `[interference]`: C/I in the carrier bandwidth, dB; each optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterferenceSpec {
    /// Uplink adjacent-satellite C/I, dB.
    #[serde(default)]
    pub uplink_adjacent_satellite_ci_db: Option<f64>,
    /// Uplink cross-polar C/I, dB.
    #[serde(default)]
    pub uplink_cross_pol_ci_db: Option<f64>,
    /// Downlink adjacent-satellite C/I, dB.
    #[serde(default)]
    pub downlink_adjacent_satellite_ci_db: Option<f64>,
    /// Downlink cross-polar C/I, dB.
    #[serde(default)]
    pub downlink_cross_pol_ci_db: Option<f64>,
    /// Transponder intermodulation C/I, dB.
    #[serde(default)]
    pub intermod_ci_db: Option<f64>,
}

/// `[availability]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvailabilitySpec {
    /// Availability levels to report, % of an average year.
    #[serde(default = "default_levels")]
    pub levels_pct: Vec<f64>,
}

impl Default for AvailabilitySpec {
    fn default() -> Self {
        AvailabilitySpec {
            levels_pct: default_levels(),
        }
    }
}

fn default_levels() -> Vec<f64> {
    vec![99.0, 99.5, 99.7, 99.9, 99.95, 99.99]
}

/// A link file resolved into numbers: geometry, antennas and the [`Link`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedLink {
    /// Look angles from the uplink station.
    pub uplink_look: GeoLook,
    /// Look angles from the downlink station.
    pub downlink_look: GeoLook,
    /// Uplink antenna at the uplink frequency (when given).
    pub uplink_antenna: Option<AntennaAtFreq>,
    /// Downlink antenna at the downlink frequency.
    pub downlink_antenna: AntennaAtFreq,
    /// The numeric link.
    pub link: Link,
    /// Roll-off factor.
    pub rolloff: f64,
    /// Occupied bandwidth, Hz.
    pub occupied_bandwidth_hz: f64,
    /// Fixed uplink fade, dB.
    pub uplink_fade_db: f64,
    /// The downlink path for the propagation model.
    pub downlink_path: EarthSpacePath,
}

fn exactly_one(a: Option<f64>, a_name: &str, b: Option<f64>, b_name: &str) -> Result<()> {
    match (a, b) {
        (Some(_), Some(_)) => Err(Error::InvalidField {
            field: a_name.to_owned(),
            message: format!("give either {a_name} or {b_name}, not both"),
        }),
        (None, None) => Err(Error::InvalidField {
            field: a_name.to_owned(),
            message: format!("missing: give {a_name} or {b_name}"),
        }),
        _ => Ok(()),
    }
}

fn look(
    station: &str,
    lat: f64,
    lon: f64,
    height_m: Option<f64>,
    sat_lon: f64,
    side: &str,
) -> Result<GeoLook> {
    check_range(
        &format!("{side}.lat_deg"),
        lat,
        -90.0,
        90.0,
        "a latitude in [-90, 90] degrees",
    )?;
    check_range(
        &format!("{side}.lon_deg"),
        lon,
        -180.0,
        360.0,
        "a longitude in [-180, 360] degrees",
    )?;
    let h = height_m.unwrap_or(0.0);
    check_range(
        &format!("{side}.height_m"),
        h,
        -500.0,
        9000.0,
        "a height in [-500, 9000] m",
    )?;
    let l = geo_look(lat, lon, h, sat_lon)?;
    if l.elevation_deg <= 0.0 {
        return Err(Error::NotVisible {
            station: station.to_owned(),
            satellite_lon_deg: sat_lon,
            elevation_deg: l.elevation_deg,
        });
    }
    Ok(l)
}

impl LinkFile {
    /// Parses a link file from TOML text (does not validate; see
    /// [`LinkFile::resolve`]).
    pub fn from_toml_str(text: &str) -> Result<LinkFile> {
        toml::from_str(text).map_err(|e| Error::Parse {
            message: e.to_string(),
        })
    }

    /// The same link received at another site (for maps over a grid of
    /// receiving stations): only the downlink position changes.
    ///
    /// # Units
    /// Degrees north and east, metres above sea level.
    pub fn at_downlink_site(&self, lat_deg: f64, lon_deg: f64, height_m: Option<f64>) -> LinkFile {
        let mut f = self.clone();
        f.downlink.lat_deg = lat_deg;
        f.downlink.lon_deg = lon_deg;
        f.downlink.height_m = height_m;
        f
    }

    /// Validates the file and resolves it into numbers.
    pub fn resolve(&self) -> Result<ResolvedLink> {
        let sat_lon = check_range(
            "satellite.longitude_deg",
            self.satellite.longitude_deg,
            -180.0,
            360.0,
            "a longitude in [-180, 360] degrees",
        )?;

        // Carrier.
        let c = &self.carrier;
        let rolloff = check_range(
            "carrier.rolloff",
            c.rolloff,
            0.0,
            1.0,
            "a roll-off factor in [0, 1]",
        )?;
        exactly_one(
            c.symbol_rate_msps,
            "carrier.symbol_rate_msps",
            c.occupied_bandwidth_mhz,
            "carrier.occupied_bandwidth_mhz",
        )?;
        let rs = match (c.symbol_rate_msps, c.occupied_bandwidth_mhz) {
            (Some(r), _) => check_positive("carrier.symbol_rate_msps", r)? * 1e6,
            (None, Some(b)) => symbol_rate_baud(
                check_positive("carrier.occupied_bandwidth_mhz", b)? * 1e6,
                rolloff,
            )?,
            (None, None) => unreachable!("checked by exactly_one"),
        };
        check_range(
            "carrier.implementation_margin_db",
            c.implementation_margin_db,
            0.0,
            20.0,
            "a margin in [0, 20] dB",
        )?;

        // Transponder.
        let t = &self.transponder;
        let transponder = Transponder {
            bandwidth_mhz: t.bandwidth_mhz,
            saturated_eirp_dbw: t.saturated_eirp_dbw,
            sfd_dbw_m2: t.sfd_dbw_m2,
            gt_dbk: t.gt_dbk,
            ibo_db: t.ibo_db,
            obo_db: t.obo_db,
        };
        transponder.validate()?;

        // Uplink.
        let u = &self.uplink;
        let uplink_look = look(
            &u.station, u.lat_deg, u.lon_deg, u.height_m, sat_lon, "uplink",
        )?;
        let up_freq = check_range(
            "uplink.freq_ghz",
            u.freq_ghz,
            0.1,
            100.0,
            "a frequency in [0.1, 100] GHz",
        )?;
        let uplink_antenna = match &u.antenna {
            Some(a) => Some(a.antenna("uplink")?.at(up_freq)?),
            None => None,
        };
        exactly_one(
            u.eirp_dbw,
            "uplink.eirp_dbw",
            u.tx_power_dbw,
            "uplink.tx_power_dbw",
        )?;
        check_range(
            "uplink.tx_feeder_loss_db",
            u.tx_feeder_loss_db,
            0.0,
            30.0,
            "a loss in [0, 30] dB",
        )?;
        let eirp = match (u.eirp_dbw, u.tx_power_dbw, uplink_antenna) {
            (Some(e), _, _) => check_finite("uplink.eirp_dbw", e)?,
            (None, Some(p), Some(ant)) => {
                check_finite("uplink.tx_power_dbw", p)? - u.tx_feeder_loss_db + ant.gain_dbi
            }
            (None, Some(_), None) => {
                return Err(Error::InvalidField {
                    field: "uplink.antenna".into(),
                    message: "required with uplink.tx_power_dbw".into(),
                });
            }
            (None, None, _) => unreachable!("checked by exactly_one"),
        };
        check_range(
            "uplink.other_losses_db",
            u.other_losses_db,
            0.0,
            50.0,
            "a loss in [0, 50] dB",
        )?;
        check_range(
            "uplink.fade_db",
            u.fade_db,
            0.0,
            50.0,
            "an attenuation in [0, 50] dB",
        )?;

        // Downlink.
        let d = &self.downlink;
        let downlink_look = look(
            &d.station, d.lat_deg, d.lon_deg, d.height_m, sat_lon, "downlink",
        )?;
        let dn_freq = check_range(
            "downlink.freq_ghz",
            d.freq_ghz,
            0.1,
            100.0,
            "a frequency in [0.1, 100] GHz",
        )?;
        let downlink_antenna = d.antenna.antenna("downlink")?.at(dn_freq)?;
        check_range(
            "downlink.polarization_tilt_deg",
            d.polarization_tilt_deg,
            -90.0,
            90.0,
            "an angle in [-90, 90] degrees",
        )?;
        check_range(
            "downlink.antenna_noise_temp_k",
            d.antenna_noise_temp_k,
            0.0,
            1000.0,
            "a temperature in [0, 1000] K",
        )?;
        exactly_one(
            d.lnb_noise_figure_db,
            "downlink.lnb_noise_figure_db",
            d.lnb_noise_temp_k,
            "downlink.lnb_noise_temp_k",
        )?;
        let receiver = match (d.lnb_noise_figure_db, d.lnb_noise_temp_k) {
            (Some(f), _) => ReceiverNoise::FigureDb(check_range(
                "downlink.lnb_noise_figure_db",
                f,
                0.0,
                20.0,
                "a noise figure in [0, 20] dB",
            )?),
            (None, Some(t)) => ReceiverNoise::TempK(check_range(
                "downlink.lnb_noise_temp_k",
                t,
                0.0,
                10_000.0,
                "a temperature in [0, 10000] K",
            )?),
            (None, None) => unreachable!("checked by exactly_one"),
        };
        check_range(
            "downlink.feeder_loss_db",
            d.feeder_loss_db,
            0.0,
            30.0,
            "a loss in [0, 30] dB",
        )?;
        check_range(
            "downlink.other_losses_db",
            d.other_losses_db,
            0.0,
            50.0,
            "a loss in [0, 50] dB",
        )?;
        check_range(
            "downlink.mean_radiating_temp_k",
            d.mean_radiating_temp_k,
            1.0,
            400.0,
            "a temperature in [1, 400] K",
        )?;

        // Interference.
        let i = &self.interference;
        for (name, v) in [
            (
                "interference.uplink_adjacent_satellite_ci_db",
                i.uplink_adjacent_satellite_ci_db,
            ),
            (
                "interference.uplink_cross_pol_ci_db",
                i.uplink_cross_pol_ci_db,
            ),
            (
                "interference.downlink_adjacent_satellite_ci_db",
                i.downlink_adjacent_satellite_ci_db,
            ),
            (
                "interference.downlink_cross_pol_ci_db",
                i.downlink_cross_pol_ci_db,
            ),
            ("interference.intermod_ci_db", i.intermod_ci_db),
        ] {
            if let Some(v) = v {
                check_range(name, v, -50.0, 100.0, "a C/I in [-50, 100] dB")?;
            }
        }
        for (k, &l) in self.availability.levels_pct.iter().enumerate() {
            check_range(
                &format!("availability.levels_pct[{k}]"),
                l,
                0.0,
                100.0 - 1e-9,
                "a percentage in [0, 100)",
            )?;
        }

        let link = Link {
            uplink: UplinkSide {
                eirp_dbw: eirp,
                freq_ghz: up_freq,
                slant_range_km: uplink_look.slant_range_km,
                pointing_loss_db: uplink_antenna.map_or(0.0, |a| a.pointing_loss_db),
                other_losses_db: u.other_losses_db,
            },
            transponder,
            downlink: DownlinkSide {
                freq_ghz: dn_freq,
                slant_range_km: downlink_look.slant_range_km,
                gain_dbi: downlink_antenna.gain_dbi,
                pointing_loss_db: downlink_antenna.pointing_loss_db,
                other_losses_db: d.other_losses_db,
                chain: ReceiveChain {
                    antenna_temp_k: d.antenna_noise_temp_k,
                    feeder_loss_db: d.feeder_loss_db,
                    receiver,
                    t_m_k: d.mean_radiating_temp_k,
                },
            },
            symbol_rate_baud: rs,
            interference: Interference {
                uplink_adjacent_satellite_ci_db: i.uplink_adjacent_satellite_ci_db,
                uplink_cross_pol_ci_db: i.uplink_cross_pol_ci_db,
                downlink_adjacent_satellite_ci_db: i.downlink_adjacent_satellite_ci_db,
                downlink_cross_pol_ci_db: i.downlink_cross_pol_ci_db,
                intermod_ci_db: i.intermod_ci_db,
            },
        };
        link.validate()?;
        Ok(ResolvedLink {
            uplink_look,
            downlink_look,
            uplink_antenna,
            downlink_antenna,
            link,
            rolloff,
            occupied_bandwidth_hz: occupied_bandwidth_hz(rs, rolloff)?,
            uplink_fade_db: u.fade_db,
            downlink_path: EarthSpacePath {
                lat_deg: d.lat_deg,
                lon_deg: d.lon_deg,
                height_m: d.height_m,
                freq_ghz: dn_freq,
                elevation_deg: downlink_look.elevation_deg,
                antenna_diameter_m: d.antenna.diameter_m,
                antenna_efficiency: d.antenna.efficiency,
                polarization_tilt_deg: d.polarization_tilt_deg,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const EXAMPLE: &str = include_str!("../examples/azerspace1_tashkent.toml");

    #[test]
    fn example_parses_and_resolves() {
        let f = LinkFile::from_toml_str(EXAMPLE).unwrap();
        assert!(f.illustrative);
        let r = f.resolve().unwrap();
        // Tashkent (41.30N, 69.24E) toward 46°E: elevation ≈ 36.7°.
        assert!(
            (r.downlink_look.elevation_deg - 36.7).abs() < 0.1,
            "{:?}",
            r.downlink_look
        );
        // Baku teleport: 43.1°.
        assert!(
            (r.uplink_look.elevation_deg - 43.1).abs() < 0.1,
            "{:?}",
            r.uplink_look
        );
    }

    fn with(from: &str, to: &str) -> String {
        assert!(EXAMPLE.contains(from), "example lacks {from:?}");
        EXAMPLE.replacen(from, to, 1)
    }

    fn resolve_err(text: &str) -> String {
        match LinkFile::from_toml_str(text).and_then(|f| f.resolve()) {
            Ok(_) => panic!("accepted a bad file"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn errors_name_the_field() {
        let e = resolve_err(&with("efficiency = 0.65", "efficiency = 1.65"));
        assert!(e.contains("downlink.antenna.efficiency"), "{e}");
        let e = resolve_err(&with("rolloff = 0.20", "rolloff = 1.5"));
        assert!(e.contains("carrier.rolloff"), "{e}");
        let e = resolve_err(&with(
            "lnb_noise_figure_db = 0.8",
            "lnb_noise_figure_db = 0.8\nlnb_noise_temp_k = 60.0",
        ));
        assert!(e.contains("lnb_noise"), "{e}");
        // Unknown field: serde names it, with its position.
        let e = resolve_err(&with("rolloff = 0.20", "rolloff = 0.20\nroloff = 0.2"));
        assert!(e.contains("roloff") && e.contains("line"), "{e}");
        // Missing field.
        let e = resolve_err(&with("gt_dbk = 3.0", ""));
        assert!(e.contains("gt_dbk"), "{e}");
        // Wrong type.
        let e = resolve_err(&with("freq_ghz = 11.45", "freq_ghz = \"11.45\""));
        assert!(e.contains("freq_ghz") || e.contains("line"), "{e}");
    }

    #[test]
    fn moved_downlink_site() {
        // Tashkent VSAT moved to Baku: elevation 43.13° as for the teleport.
        let f = LinkFile::from_toml_str(EXAMPLE)
            .unwrap()
            .at_downlink_site(40.41, 49.87, None);
        let r = f.resolve().unwrap();
        assert!((r.downlink_look.elevation_deg - 43.13).abs() < 0.01);
        assert_eq!(r.downlink_path.height_m, None);
        assert!(f.at_downlink_site(91.0, 0.0, None).resolve().is_err());
    }

    #[test]
    fn satellite_below_horizon() {
        let e = resolve_err(&with("longitude_deg = 46.0", "longitude_deg = -120.0"));
        assert!(e.contains("not visible"), "{e}");
    }
}
