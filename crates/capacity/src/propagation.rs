//! Where the rain fade at an availability target comes from.
//!
//! Until `crates/itur` (ITU-R P.618-13) implements [`silkway_link::Fade`],
//! the fade is an explicit input (`rain_fade_db` of a service request, or
//! `fade_db` of a carrier end). Once a model exists, pass
//! [`Propagation::Model`] and the same sizing code asks it for the
//! attenuation exceeded `100 − availability` % of an average year.

use silkway_link::{EarthSpacePath, Fade};

use crate::error::{Result, field};

/// Source of the downlink fade to plan for.
#[derive(Clone, Copy)]
pub enum Propagation<'a> {
    /// A fixed attenuation, dB (given by the user at the availability target).
    Fixed {
        /// Downlink fade, dB (≥ 0).
        downlink_fade_db: f64,
    },
    /// A propagation model (ITU-R P.618 from `crates/itur`, a measured
    /// distribution...).
    Model(&'a dyn Fade),
}

impl std::fmt::Debug for Propagation<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Propagation::Fixed { downlink_fade_db } => f
                .debug_struct("Fixed")
                .field("downlink_fade_db", downlink_fade_db)
                .finish(),
            Propagation::Model(_) => f.write_str("Model(..)"),
        }
    }
}

impl Propagation<'_> {
    /// Downlink attenuation (dB) not exceeded `availability_pct` % of an
    /// average year on `path`.
    ///
    /// # References
    /// ITU-R P.618-13 §2.5 (through the model).
    pub fn downlink_fade_db(
        &self,
        path: &EarthSpacePath,
        availability_pct: f64,
        field_path: &str,
    ) -> Result<f64> {
        let a = match self {
            Propagation::Fixed { downlink_fade_db } => *downlink_fade_db,
            Propagation::Model(m) => {
                if !(availability_pct > 0.0 && availability_pct < 100.0) {
                    return Err(field(
                        field_path,
                        format!("availability must be within (0, 100) %, found {availability_pct}"),
                    ));
                }
                m.attenuation_db(path, 100.0 - availability_pct)
                    .map_err(|e| field(field_path, format!("propagation model: {e}")))?
            }
        };
        if a.is_finite() && a >= 0.0 {
            Ok(a)
        } else {
            Err(field(
                field_path,
                format!("expected a fade >= 0 dB, found {a}"),
            ))
        }
    }
}
