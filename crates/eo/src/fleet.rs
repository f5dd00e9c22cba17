//! Imaging satellites of a scenario: SGP4 state and imager together.

use silkway_model::Scenario;
use silkway_model::satellite::SatelliteStatus;
use silkway_orbit::frames::{StateItrf, teme_to_itrf};
use silkway_orbit::{Satellite, UtcTime};

use crate::error::Error;
use crate::sensor::Imager;

/// An Earth-observation satellite: its propagator and its imager.
#[derive(Debug, Clone)]
pub struct EoSatellite {
    /// Scenario id (e.g. `spot-6`).
    pub id: String,
    /// Catalog name.
    pub name: String,
    /// NORAD catalog number.
    pub norad_id: u32,
    /// SGP4 propagator.
    pub orbit: Satellite,
    /// The imager.
    pub imager: Imager,
}

impl EoSatellite {
    /// Earth-fixed state at `t`.
    ///
    /// # Errors
    /// Propagation failures (decay, divergence).
    pub fn state(&self, t: UtcTime) -> Result<StateItrf, Error> {
        let teme = self.orbit.propagate(t)?;
        Ok(teme_to_itrf(&teme, t))
    }
}

/// Imaging satellites of a scenario: those named in `wanted` (id, name or
/// NORAD number, case-insensitive), or when `wanted` is empty every active
/// satellite with a sensor and an element set.
///
/// # Errors
/// [`Error::Config`] for an unknown name, a satellite without a sensor or an
/// element set, or no satellite at all; element-set errors.
pub fn from_scenario(scenario: &Scenario, wanted: &[String]) -> Result<Vec<EoSatellite>, Error> {
    let mut picked = Vec::new();
    if wanted.is_empty() {
        for s in &scenario.satellites {
            if s.status == SatelliteStatus::Active && s.sensor.is_some() && s.tle.is_some() {
                picked.push(s);
            }
        }
    } else {
        for w in wanted {
            let s = scenario
                .satellites
                .iter()
                .find(|s| {
                    s.id.eq_ignore_ascii_case(w)
                        || s.name.eq_ignore_ascii_case(w)
                        || s.norad_id.to_string() == *w
                })
                .ok_or_else(|| {
                    Error::Config(format!(
                        "--sat {w}: no such satellite in the scenario (imaging satellites: {})",
                        scenario
                            .satellites
                            .iter()
                            .filter(|s| s.sensor.is_some())
                            .map(|s| s.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?;
            picked.push(s);
        }
    }
    if picked.is_empty() {
        return Err(Error::Config("no imaging satellite selected".into()));
    }
    let mut out = Vec::new();
    for s in picked {
        let sensor_id = s.sensor.as_ref().ok_or_else(|| {
            Error::Config(format!("satellite {} carries no imaging sensor", s.id))
        })?;
        let sensor = scenario
            .sensors
            .iter()
            .find(|x| &x.id == sensor_id)
            .ok_or_else(|| {
                Error::Config(format!(
                    "satellite {}: sensor {sensor_id} not in the scenario",
                    s.id
                ))
            })?;
        let tle = s
            .tle
            .as_ref()
            .ok_or_else(|| Error::Config(format!("satellite {} has no element set", s.id)))?;
        let orbit = Satellite::from_tle(
            &format!("scenario satellite {}", s.id),
            &s.name,
            &tle.line1,
            &tle.line2,
        )?;
        out.push(EoSatellite {
            id: s.id.clone(),
            name: s.name.clone(),
            norad_id: s.norad_id,
            orbit,
            imager: Imager::from_sensor(sensor),
        });
    }
    Ok(out)
}
