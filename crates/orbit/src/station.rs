//! Ground stations: a named observer with an optional horizon mask.

use crate::aer::Observer;
use crate::error::{OrbitError, Result};
use crate::mask::ElevationMask;

/// A named ground station.
#[derive(Debug, Clone, PartialEq)]
pub struct GroundStation {
    /// Name used in reports.
    pub name: String,
    /// Position and local axes.
    pub observer: Observer,
    /// Azimuth-dependent minimum elevation, if any (applied on top of the
    /// global minimum elevation: the higher of the two counts).
    pub mask: Option<ElevationMask>,
}

impl GroundStation {
    /// A station at geodetic latitude/longitude (degrees) and height (m).
    ///
    /// # Errors
    /// [`OrbitError::InvalidInput`] for out-of-range coordinates.
    pub fn new(name: &str, lat_deg: f64, lon_deg: f64, alt_m: f64) -> Result<Self> {
        if !(-90.0..=90.0).contains(&lat_deg)
            || !(-180.0..=360.0).contains(&lon_deg)
            || !(-12_000.0..=100_000.0).contains(&alt_m)
        {
            return Err(OrbitError::InvalidInput(format!(
                "station {name}: latitude {lat_deg} must be in [-90, 90], longitude {lon_deg} in [-180, 360], altitude {alt_m} m in [-12000, 100000]"
            )));
        }
        Ok(Self {
            name: name.to_owned(),
            observer: Observer::new(lat_deg, lon_deg, alt_m),
            mask: None,
        })
    }

    /// Parse `NAME:LAT,LON,ALT_M` (degrees, metres), e.g. `Baku:40.41,49.87,0`;
    /// the altitude may be omitted.
    ///
    /// # Errors
    /// [`OrbitError::InvalidInput`] saying what was expected.
    pub fn parse(spec: &str) -> Result<Self> {
        let bad = |why: &str| {
            OrbitError::InvalidInput(format!(
                "station {spec:?}: {why}; expected NAME:LAT,LON,ALT_M such as Baku:40.41,49.87,0"
            ))
        };
        let (name, coords) = spec.rsplit_once(':').ok_or_else(|| bad("missing ':'"))?;
        if name.trim().is_empty() {
            return Err(bad("empty name"));
        }
        let values: Vec<&str> = coords.split(',').map(str::trim).collect();
        if !(2..=3).contains(&values.len()) {
            return Err(bad("need 2 or 3 comma-separated numbers"));
        }
        let num = |s: &str, what: &str| {
            s.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| bad(&format!("{what} {s:?} is not a number")))
        };
        let lat = num(values[0], "latitude")?;
        let lon = num(values[1], "longitude")?;
        let alt = if values.len() == 3 {
            num(values[2], "altitude")?
        } else {
            0.0
        };
        Self::new(name.trim(), lat, lon, alt)
    }

    /// This station with a horizon mask.
    #[must_use]
    pub fn with_mask(mut self, mask: ElevationMask) -> Self {
        self.mask = Some(mask);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spec() {
        let s = GroundStation::parse("Baku:40.41,49.87,-28").unwrap();
        assert_eq!(s.name, "Baku");
        assert_eq!(s.observer.alt_m, -28.0);
        assert!(GroundStation::parse("Baku:40.41").is_err());
        assert!(GroundStation::parse("Baku:95,49.87,0").is_err());
        assert!(GroundStation::parse("40.41,49.87").is_err());
    }
}
