//! Downlink contacts: passes of the imaging satellites over the receiving
//! stations above their masks (the orbit crate's pass finder), the station
//! time each satellite gets, and the data volume each contact can carry.

use serde::{Deserialize, Serialize};
use silkway_model::Scenario;
use silkway_model::station::StationKind;
use silkway_orbit::UtcTime;
use silkway_orbit::mask::ElevationMask;
use silkway_orbit::passes::{PassOptions, find_passes};
use silkway_orbit::station::GroundStation;

use crate::error::Error;
use crate::fleet::EoSatellite;

/// A receiving station: position and horizon mask.
#[derive(Debug, Clone)]
pub struct DownlinkStation {
    /// Scenario id.
    pub id: String,
    /// Position and mask (the orbit crate's station; its mask, when set,
    /// is an azimuth-dependent elevation limit).
    pub site: GroundStation,
    /// Minimum elevation everywhere, degrees (the scenario's
    /// `elevation_mask_deg`).
    pub min_elevation_deg: f64,
}

impl DownlinkStation {
    /// The mask elevation at an azimuth, degrees.
    pub fn mask_deg(&self, azimuth_deg: f64) -> f64 {
        let m = self
            .site
            .mask
            .as_ref()
            .map_or(f64::MIN, |m| m.elevation_deg(azimuth_deg));
        m.max(self.min_elevation_deg)
    }
}

/// Receiving stations of a scenario: those named (ids), or by default every
/// station of kind `ground_station`.
///
/// # Errors
/// [`Error::Config`] for an unknown id or no station.
pub fn stations_from_scenario(
    scenario: &Scenario,
    wanted: &[String],
) -> Result<Vec<DownlinkStation>, Error> {
    let picked: Vec<_> = if wanted.is_empty() {
        scenario
            .stations
            .iter()
            .filter(|s| s.kind == StationKind::GroundStation)
            .collect()
    } else {
        wanted
            .iter()
            .map(|w| {
                scenario.station(w).ok_or_else(|| {
                    Error::Config(format!(
                        "--station {w}: no such station in the scenario (ground stations: {})",
                        scenario
                            .stations
                            .iter()
                            .filter(|s| s.kind == StationKind::GroundStation)
                            .map(|s| s.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })
            })
            .collect::<Result<_, _>>()?
    };
    if picked.is_empty() {
        return Err(Error::Config("no downlink station selected".into()));
    }
    picked
        .into_iter()
        .map(|s| {
            let site = GroundStation::new(
                &s.id,
                s.position.lat_deg,
                s.position.lon_deg,
                s.position.alt_m,
            )?
            .with_mask(ElevationMask::new(vec![(0.0, s.elevation_mask_deg)])?);
            Ok(DownlinkStation {
                id: s.id.clone(),
                site,
                min_elevation_deg: s.elevation_mask_deg,
            })
        })
        .collect()
}

/// A contact: a satellite above a station's mask, with the time allocated
/// to it and the volume it can carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Satellite id.
    pub satellite: String,
    /// Station id.
    pub station: String,
    /// Rise above the mask.
    pub aos: UtcTime,
    /// Set below the mask.
    pub los: UtcTime,
    /// Maximum elevation, degrees.
    pub max_elevation_deg: f64,
    /// Start of the station time allocated to this satellite (later than
    /// `aos` when the station's antenna was busy with another satellite or
    /// the satellite was already downlinking to another station).
    pub start: UtcTime,
    /// End of the allocated time.
    pub end: UtcTime,
    /// Allocated duration, s.
    pub duration_s: f64,
    /// Volume the allocated time carries at the satellite's downlink rate,
    /// Gbit (0 when the rate is unknown).
    pub volume_gbit: f64,
}

/// Contacts of every satellite with every station in `[start, end]`,
/// sorted by start. Each station has one antenna and each satellite one
/// downlink chain: where contacts overlap, the one that started first keeps
/// the time and the other is allocated what remains (first come, first
/// served; contacts left with nothing are dropped).
///
/// # Errors
/// Propagation or pass-search failures.
pub fn contacts(
    sats: &[EoSatellite],
    stations: &[DownlinkStation],
    start: UtcTime,
    end: UtcTime,
) -> Result<Vec<Contact>, Error> {
    let mut raw = Vec::new();
    for sat in sats {
        for st in stations {
            let opts = PassOptions {
                min_elevation_deg: st.min_elevation_deg,
                refraction: false,
                tolerance_s: 1e-3,
            };
            for p in find_passes(&sat.orbit, &st.site, start, end, &opts)? {
                raw.push(Contact {
                    satellite: sat.id.clone(),
                    station: st.id.clone(),
                    aos: p.aos,
                    los: p.los,
                    max_elevation_deg: p.max_elevation_deg,
                    start: p.aos,
                    end: p.los,
                    duration_s: 0.0,
                    volume_gbit: 0.0,
                });
            }
        }
    }
    raw.sort_by(|a, b| {
        a.aos
            .partial_cmp(&b.aos)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.satellite.cmp(&b.satellite))
            .then_with(|| a.station.cmp(&b.station))
    });
    let mut kept: Vec<Contact> = Vec::new();
    for mut c in raw {
        for k in &kept {
            if (k.station == c.station || k.satellite == c.satellite)
                && k.end > c.start
                && k.start < c.end
            {
                c.start = k.end;
            }
        }
        if c.end.seconds_since(c.start) > 1.0 {
            let rate = sats
                .iter()
                .find(|s| s.id == c.satellite)
                .and_then(|s| s.imager.downlink_mbps)
                .unwrap_or(0.0);
            c.duration_s = c.end.seconds_since(c.start);
            c.volume_gbit = rate * c.duration_s / 1000.0;
            kept.push(c);
        }
    }
    Ok(kept)
}
