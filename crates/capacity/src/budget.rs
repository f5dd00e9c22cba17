//! The satellite power one carrier needs: its link budget through
//! `silkway-link`, solved for the uplink EIRP that meets the MODCOD's
//! threshold at the planned fades.
//!
//! The transponder's peak figures are moved to each site by the beam
//! contour levels there: `EIRP_sat(site) = EIRP_peak + level_dl`,
//! `G/T(site) = G/T_peak + level_ul`, `SFD(site) = SFD_peak − level_ul`
//! (a weaker receive gain needs more flux to saturate). The transponder's
//! intermodulation C/I at its operating point enters every carrier's
//! C/(N+I).
//!
//! # References
//! Maral & Bousquet, 5th ed., §5.9 (transparent link), §6.5.4 (power
//! sharing), §9.2 (coverage contours).

use serde::Serialize;
use silkway_link::{
    DownlinkSide, EarthSpacePath, Interference, Link, MEAN_RADIATING_TEMP_K, Modcod, ReceiveChain,
    ReceiverNoise, UplinkSide, geo_look,
};
use silkway_model::{Scenario, Transponder};

use crate::coverage;
use crate::error::{Error, Result, field};
use crate::peb::{LimitedBy, limited_by, peb_mhz, resource_mhz};
use crate::site::Site;

/// What one carrier takes from its transponder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CarrierPower {
    /// Required Es/(N0+I0): MODCOD threshold + implementation margin, dB.
    pub required_esn0_db: f64,
    /// Uplink EIRP the carrier needs, dBW.
    pub uplink_eirp_dbw: f64,
    /// Transmit antenna gain at the uplink frequency, dBi.
    pub uplink_gain_dbi: f64,
    /// Power at the transmit antenna flange, `EIRP − G`, dBW (feeder
    /// losses not included): what the uplink HPA must deliver.
    pub uplink_power_dbw: f64,
    /// Carrier downlink EIRP toward the receiving site, dBW.
    pub eirp_dbw: f64,
    /// Fraction of the transponder power at its operating point.
    pub power_share: f64,
    /// Power-equivalent bandwidth, MHz.
    pub peb_mhz: f64,
    /// Occupied bandwidth `Rs (1 + α)`, MHz.
    pub occupied_bandwidth_mhz: f64,
    /// Power- or bandwidth-limited.
    pub limited_by: LimitedBy,
    /// `max(occupied, PEB)`, MHz.
    pub resource_mhz: f64,
    /// Uplink C/N at the solution, dB.
    pub uplink_cn_db: f64,
    /// Downlink C/N at the solution, dB.
    pub downlink_cn_db: f64,
    /// Elevation at the receiving site, degrees.
    pub downlink_elevation_deg: f64,
}

/// A carrier to size.
#[derive(Debug, Clone, Copy)]
pub struct CarrierSpec<'a> {
    /// Transponder.
    pub transponder: &'a Transponder,
    /// Downlink centre frequency, MHz.
    pub centre_mhz: f64,
    /// Symbol rate, baud.
    pub symbol_rate_baud: f64,
    /// Roll-off.
    pub rolloff: f64,
    /// MODCOD.
    pub modcod: Modcod,
    /// Implementation margin, dB.
    pub implementation_margin_db: f64,
    /// Uplink fade to plan for, dB.
    pub uplink_fade_db: f64,
}

/// The transponder's figures at an uplink and a downlink site.
pub fn transponder_at(
    scenario: &Scenario,
    t: &Transponder,
    up: &Site,
    down: &Site,
    path: &str,
) -> Result<silkway_link::Transponder> {
    let level = |beam: &Option<String>, site: &Site, which: &str| -> Result<f64> {
        let Some(id) = beam else { return Ok(0.0) };
        let b = scenario.beam(id).ok_or_else(|| {
            field(
                format!("transponder {}.{which}", t.id),
                format!("unknown beam {id:?}"),
            )
        })?;
        coverage::level_db(b, site.lat_deg, site.lon_deg).ok_or_else(|| Error::NotCovered {
            path: path.to_owned(),
            site: site.name.clone(),
            beam: id.clone(),
            lat_deg: site.lat_deg,
            lon_deg: site.lon_deg,
        })
    };
    let ul = level(&t.uplink_beam, up, "uplink_beam")?;
    let dl = level(&t.downlink_beam, down, "downlink_beam")?;
    Ok(silkway_link::Transponder {
        bandwidth_mhz: t.bandwidth_mhz,
        saturated_eirp_dbw: t.saturated_eirp_dbw + dl,
        sfd_dbw_m2: t.sfd_dbw_m2 - ul,
        gt_dbk: t.gt_dbk + ul,
        ibo_db: t.ibo_db,
        obo_db: t.obo_db,
    })
}

/// The satellite's GEO longitude, degrees east.
pub fn satellite_lon_deg(scenario: &Scenario, satellite: &str, path: &str) -> Result<f64> {
    scenario
        .satellite(satellite)
        .and_then(|s| s.geo_longitude_deg)
        .ok_or_else(|| {
            field(
                path,
                format!("satellite {satellite:?} has no GEO longitude"),
            )
        })
}

/// The downlink path toward `down` for a propagation model.
pub fn downlink_path(
    sat_lon_deg: f64,
    down: &Site,
    freq_ghz: f64,
    path: &str,
) -> Result<EarthSpacePath> {
    let look =
        geo_look(down.lat_deg, down.lon_deg, down.height_m, sat_lon_deg).map_err(|source| {
            Error::Link {
                path: path.to_owned(),
                source,
            }
        })?;
    Ok(EarthSpacePath {
        lat_deg: down.lat_deg,
        lon_deg: down.lon_deg,
        height_m: Some(down.height_m),
        freq_ghz,
        elevation_deg: look.elevation_deg,
        antenna_diameter_m: down.diameter_m(),
        antenna_efficiency: down.efficiency(),
        polarization_tilt_deg: 45.0,
    })
}

/// Sizes one carrier from `up` to `down` with `downlink_fade_db` of rain
/// on the downlink: solves for the uplink EIRP meeting the MODCOD's
/// threshold (with margin) and returns the power it takes.
///
/// # References
/// Maral & Bousquet, 5th ed., §5.9 and §6.5.4; `Link::carrier_for_target`.
pub fn carrier_power(
    scenario: &Scenario,
    spec: &CarrierSpec<'_>,
    up: &Site,
    down: &Site,
    downlink_fade_db: f64,
    path: &str,
) -> Result<CarrierPower> {
    let t = spec.transponder;
    let link_err = |source| Error::Link {
        path: path.to_owned(),
        source,
    };
    let sat_lon = satellite_lon_deg(scenario, &t.satellite, &format!("{path}.transponder"))?;
    let xp = transponder_at(scenario, t, up, down, path)?;
    let dl_ghz = spec.centre_mhz / 1000.0;
    let ul_ghz = (spec.centre_mhz + t.uplink_centre_mhz - t.downlink_centre_mhz) / 1000.0;
    let visible = |site: &Site| -> Result<f64> {
        let l = geo_look(site.lat_deg, site.lon_deg, site.height_m, sat_lon).map_err(link_err)?;
        if l.elevation_deg <= 0.0 {
            return Err(Error::Link {
                path: path.to_owned(),
                source: silkway_link::Error::NotVisible {
                    station: site.name.clone(),
                    satellite_lon_deg: sat_lon,
                    elevation_deg: l.elevation_deg,
                },
            });
        }
        Ok(l.slant_range_km)
    };
    let up_range = visible(up)?;
    let dn_range = visible(down)?;
    let dn_look = geo_look(down.lat_deg, down.lon_deg, down.height_m, sat_lon).map_err(link_err)?;
    let link = Link {
        uplink: UplinkSide {
            // Starting point only: carrier_for_target scales it.
            eirp_dbw: 60.0,
            freq_ghz: ul_ghz,
            slant_range_km: up_range,
            pointing_loss_db: 0.0,
            other_losses_db: 0.0,
        },
        transponder: xp,
        downlink: DownlinkSide {
            freq_ghz: dl_ghz,
            slant_range_km: dn_range,
            gain_dbi: down.gain_dbi(dl_ghz, path)?,
            pointing_loss_db: 0.0,
            other_losses_db: 0.0,
            chain: ReceiveChain {
                antenna_temp_k: down.antenna_noise_temp_k,
                feeder_loss_db: 0.0,
                receiver: ReceiverNoise::TempK(down.lnb_noise_temp_k),
                t_m_k: MEAN_RADIATING_TEMP_K,
            },
        },
        symbol_rate_baud: spec.symbol_rate_baud,
        interference: Interference {
            intermod_ci_db: t.intermod_ci_db,
            ..Interference::default()
        },
    };
    let required = spec.modcod.required_esn0_db(spec.implementation_margin_db);
    let state = link
        .carrier_for_target(required, spec.uplink_fade_db, downlink_fade_db)
        .map_err(link_err)?
        .ok_or(Error::DoesNotClose {
            path: path.to_owned(),
            required_esn0_db: required,
        })?;
    let occupied = spec.symbol_rate_baud * (1.0 + spec.rolloff) / 1e6;
    let share = state.carrier.power_share;
    let peb = peb_mhz(share, t.bandwidth_mhz);
    // The uplink EIRP solved for, from the state's flux density:
    // EIRP = PFD + A_up + 10 log(4π d²) (no pointing or other losses here).
    let uplink_eirp = state.uplink.pfd_dbw_m2
        + spec.uplink_fade_db
        + 10.0 * (4.0 * std::f64::consts::PI * (up_range * 1e3).powi(2)).log10();
    let uplink_gain = up.gain_dbi(ul_ghz, path)?;
    Ok(CarrierPower {
        required_esn0_db: required,
        uplink_eirp_dbw: uplink_eirp,
        uplink_gain_dbi: uplink_gain,
        uplink_power_dbw: uplink_eirp - uplink_gain,
        eirp_dbw: state.carrier.eirp_dbw,
        power_share: share,
        peb_mhz: peb,
        occupied_bandwidth_mhz: occupied,
        limited_by: limited_by(peb, occupied),
        resource_mhz: resource_mhz(peb, occupied),
        uplink_cn_db: state.uplink.cn_db,
        downlink_cn_db: state.downlink.cn_db,
        downlink_elevation_deg: dn_look.elevation_deg,
    })
}
