//! A scenario's satellites and stations as orbit objects: the element sets
//! its satellites carry, and its ground stations as observers.

use silkway_model::Scenario;

use crate::elements::ElementSet;
use crate::error::{OrbitError, Result};
use crate::station::GroundStation;
use crate::tle::parse_tle_lines;

/// One scenario satellite with its element set.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioElementSet {
    /// The satellite's id in the scenario.
    pub satellite_id: String,
    /// Its element set, named with the scenario's catalog name.
    pub elements: ElementSet,
}

/// The element sets of `scenario`'s satellites, in scenario order, and the
/// ids of the satellites that carry none. `label` names the scenario in
/// error messages (e.g. `scenario caspian`).
///
/// # Errors
/// [`OrbitError::Parse`] for a malformed element set;
/// [`OrbitError::InvalidInput`] when a satellite's `norad_id` differs from
/// the catalog number of its element set.
pub fn scenario_element_sets(
    scenario: &Scenario,
    label: &str,
) -> Result<(Vec<ScenarioElementSet>, Vec<String>)> {
    let mut sets = Vec::new();
    let mut without = Vec::new();
    for sat in &scenario.satellites {
        let Some(tle) = &sat.tle else {
            without.push(sat.id.clone());
            continue;
        };
        let source = format!("{label}, satellite {}", sat.id);
        let set = parse_tle_lines(
            &source,
            Some(&sat.name),
            &tle.line1,
            &tle.line2,
            Default::default(),
        )?;
        if set.norad_id != sat.norad_id {
            return Err(OrbitError::InvalidInput(format!(
                "{source}: norad_id {} but the element set is for {}",
                sat.norad_id, set.norad_id
            )));
        }
        sets.push(ScenarioElementSet {
            satellite_id: sat.id.clone(),
            elements: set,
        });
    }
    Ok((sets, without))
}

/// The scenario station `id` as a ground station (named with its display
/// name, no horizon mask: the caller applies `elevation_mask_deg` as it sees fit).
///
/// # Errors
/// [`OrbitError::InvalidInput`] when the scenario has no such station or its
/// position is out of range.
pub fn scenario_station(scenario: &Scenario, id: &str) -> Result<GroundStation> {
    let st = scenario
        .stations
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| {
            OrbitError::InvalidInput(format!("no station with id {id:?} in the scenario"))
        })?;
    GroundStation::new(
        &st.name,
        st.position.lat_deg,
        st.position.lon_deg,
        st.position.alt_m,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caspian_sets_and_stations() {
        let sc = silkway_model::builtin::load("caspian").unwrap();
        let (sets, without) = scenario_element_sets(&sc, "scenario caspian").unwrap();
        assert!(sets.iter().any(|s| s.elements.norad_id == 39079));
        assert_eq!(sets.len() + without.len(), sc.satellites.len());
        let st = scenario_station(&sc, "baku-teleport").unwrap();
        assert!((st.observer.lat_deg - 40.4).abs() < 0.2);
        assert!(scenario_station(&sc, "nowhere").is_err());
    }
}
