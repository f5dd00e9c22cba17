//! SGP4/SDP4 propagation through the `sgp4` crate, set up like the reference
//! implementation.
//!
//! Constants are built with the WGS-72 geopotential and the IAU-82 sidereal
//! time at epoch, as Vallado's `sgp4init` does in "improved" mode (`'i'`,
//! the default of python-sgp4 and of the verification run `tcppver.out`);
//! `Constants::from_elements` would use WGS-84 and differ by up to
//! kilometres. References: Vallado, Crawford, Hujsak, Kelso, "Revisiting
//! Spacetrack Report #3", AIAA 2006-6753; Hoots & Roehrich, Spacetrack
//! Report No. 3 (1980).
//!
//! Positions are in the TEME frame of date, km and km/s. A decayed satellite
//! (radius below one Earth radius, Vallado error 6), an eccentricity out of
//! range (errors 1, 3), a negative semi-latus rectum (error 4) or a
//! non-finite result is an [`OrbitError::Propagation`].

use crate::elements::ElementSet;
use crate::error::{OrbitError, Result};
use crate::time::{JD_J2000, UtcTime};

/// WGS-72 equatorial radius, km (the radius SGP4 uses for its decay test).
pub const WGS72_RADIUS_KM: f64 = 6378.135;

/// A state vector in TEME (True Equator, Mean Equinox of date).
///
/// # Units
/// Position km, velocity km/s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StateTeme {
    /// Position, km.
    pub position_km: [f64; 3],
    /// Velocity, km/s.
    pub velocity_km_s: [f64; 3],
}

/// An element set ready to propagate.
#[derive(Debug, Clone)]
pub struct Satellite {
    /// The element set it was built from.
    pub elements: ElementSet,
    constants: sgp4::Constants,
    mode: OpsMode,
}

/// Which sidereal-time convention to use at epoch (only affects deep-space
/// resonance terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OpsMode {
    /// IAU-82 GMST (Vallado `'i'`, python-sgp4 default).
    #[default]
    Improved,
    /// AFSPC polynomial and AFSPC Lyddane node handling (Vallado `'a'`).
    Afspc,
}

impl Satellite {
    /// Initialise SGP4 for an element set (improved mode).
    ///
    /// # Errors
    /// [`OrbitError::Elements`] when SGP4 rejects the elements.
    pub fn new(elements: ElementSet) -> Result<Self> {
        Self::with_mode(elements, OpsMode::Improved)
    }

    /// Initialise SGP4 in a chosen [`OpsMode`].
    ///
    /// # Errors
    /// [`OrbitError::Elements`] when SGP4 rejects the elements.
    pub fn with_mode(elements: ElementSet, mode: OpsMode) -> Result<Self> {
        let deg = std::f64::consts::PI / 180.0;
        let err = |message: String| OrbitError::Elements {
            satellite: elements.name.clone(),
            norad_id: elements.norad_id,
            message,
        };
        let orbit = sgp4::Orbit::from_kozai_elements(
            &sgp4::WGS72,
            elements.inclination_deg * deg,
            elements.raan_deg * deg,
            elements.eccentricity,
            elements.arg_perigee_deg * deg,
            elements.mean_anomaly_deg * deg,
            elements.mean_motion_rev_per_day * (std::f64::consts::PI / 720.0),
        )
        .map_err(|e| err(e.to_string()))?;
        // Years since J2000 from the epoch's UTC Julian date held in one
        // f64, as Vallado's `sgp4init(..., jdsatepoch + jdsatepochF - 2433281.5)`
        // and python-sgp4 do: that rounding is part of the reference results.
        let (whole, fraction) = elements.epoch.julian_date_split();
        let epoch_years = ((whole + fraction) - JD_J2000) / 365.25;
        let sidereal: fn(f64) -> f64 = match mode {
            OpsMode::Improved => sgp4::iau_epoch_to_sidereal_time,
            OpsMode::Afspc => sgp4::afspc_epoch_to_sidereal_time,
        };
        let constants =
            sgp4::Constants::new(sgp4::WGS72, sidereal, epoch_years, elements.bstar, orbit)
                .map_err(|e| err(e.to_string()))?;
        Ok(Self {
            elements,
            constants,
            mode,
        })
    }

    /// Build from a name and two TLE lines, e.g. a scenario's list of
    /// (name, NORAD number, element lines); `source` labels errors.
    ///
    /// # Errors
    /// [`OrbitError::Parse`] for bad lines, [`OrbitError::Elements`] when
    /// SGP4 rejects them.
    pub fn from_tle(source: &str, name: &str, line1: &str, line2: &str) -> Result<Self> {
        let set =
            crate::tle::parse_tle_lines(source, Some(name), line1, line2, Default::default())?;
        Self::new(set)
    }

    /// NORAD catalog number.
    pub fn norad_id(&self) -> u32 {
        self.elements.norad_id
    }

    /// Name (title line).
    pub fn name(&self) -> &str {
        &self.elements.name
    }

    /// Propagate to `minutes` after the epoch (may be negative).
    ///
    /// # Errors
    /// [`OrbitError::Propagation`] on decay, divergence or a non-finite state.
    pub fn propagate_minutes(&self, minutes: f64) -> Result<StateTeme> {
        let result = self.constants.propagate_from_state(
            sgp4::MinutesSinceEpoch(minutes),
            self.constants.initial_state().as_mut(),
            self.mode == OpsMode::Afspc,
        );
        self.check(minutes, result)
    }

    /// Propagate to a series of times (minutes since epoch), appending to
    /// `out`. For resonant deep-space orbits the resonance integrator
    /// carries on from one time to the next (as the reference
    /// implementation's `dspace` does) instead of restarting at the epoch,
    /// which is faster for monotonic series and gives the same states.
    pub fn propagate_minutes_series(&self, minutes: &[f64], out: &mut Vec<Result<StateTeme>>) {
        let mut state = self.constants.initial_state();
        let afspc = self.mode == OpsMode::Afspc;
        for &m in minutes {
            // The integrator only runs away from the epoch: restart it when
            // the series turns back or crosses the epoch (Vallado's `dspace`
            // does the same; the `sgp4` crate would panic instead).
            if let Some(st) = state.as_ref() {
                let at = st.t();
                if (at != 0.0 && at.is_sign_positive() != m.is_sign_positive())
                    || m.abs() < at.abs()
                {
                    state = self.constants.initial_state();
                }
            }
            let result = self.constants.propagate_from_state(
                sgp4::MinutesSinceEpoch(m),
                state.as_mut(),
                afspc,
            );
            out.push(self.check(m, result));
        }
    }

    fn check(
        &self,
        minutes: f64,
        result: std::result::Result<sgp4::Prediction, sgp4::Error>,
    ) -> Result<StateTeme> {
        let err = |message: String| OrbitError::Propagation {
            satellite: self.elements.name.clone(),
            norad_id: self.elements.norad_id,
            minutes_since_epoch: minutes,
            message,
        };
        let p = result.map_err(|e| err(e.to_string()))?;
        let finite = p
            .position
            .iter()
            .chain(p.velocity.iter())
            .all(|v| v.is_finite());
        if !finite {
            return Err(err("non-finite state (diverged)".to_owned()));
        }
        let r = (p.position[0].powi(2) + p.position[1].powi(2) + p.position[2].powi(2)).sqrt();
        if r < WGS72_RADIUS_KM {
            return Err(err(format!(
                "decayed: radius {r:.3} km is below the Earth's ({WGS72_RADIUS_KM} km)"
            )));
        }
        Ok(StateTeme {
            position_km: p.position,
            velocity_km_s: p.velocity,
        })
    }

    /// Minutes from the epoch to `t`.
    pub fn minutes_since_epoch(&self, t: UtcTime) -> f64 {
        t.seconds_since(self.elements.epoch) / 60.0
    }

    /// Propagate to a UTC instant.
    ///
    /// # Errors
    /// As [`Satellite::propagate_minutes`].
    pub fn propagate(&self, t: UtcTime) -> Result<StateTeme> {
        self.propagate_minutes(self.minutes_since_epoch(t))
    }
}
