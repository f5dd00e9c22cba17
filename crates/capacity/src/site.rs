//! Earth stations as the link budget needs them: position, antenna gain,
//! receive noise.

use silkway_link::antenna_gain_dbi;
use silkway_model::Scenario;

use crate::error::{Result, field};

/// Default clear-sky antenna noise temperature of a receiving end, K
/// (a Ku-band dish at medium elevation; Maral & Bousquet, 5th ed., §5.5.2).
pub const DEFAULT_ANTENNA_NOISE_TEMP_K: f64 = 50.0;
/// Default LNB noise temperature, K (≈ 1 dB noise figure).
pub const DEFAULT_LNB_NOISE_TEMP_K: f64 = 75.0;

/// An antenna by gain or by aperture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Aperture {
    /// Fixed gain, dBi.
    Gain(f64),
    /// Diameter (m) and efficiency (fraction).
    Dish {
        /// Reflector diameter, m.
        diameter_m: f64,
        /// Aperture efficiency.
        efficiency: f64,
    },
}

/// One end of a link: where and with what antenna.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Name for messages.
    pub name: String,
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Height above sea level, m.
    pub height_m: f64,
    /// Antenna.
    pub aperture: Aperture,
    /// Clear-sky antenna noise temperature when receiving, K.
    pub antenna_noise_temp_k: f64,
    /// LNB noise temperature when receiving, K.
    pub lnb_noise_temp_k: f64,
}

impl Site {
    /// Antenna gain at `freq_ghz`, dBi.
    pub fn gain_dbi(&self, freq_ghz: f64, path: &str) -> Result<f64> {
        match self.aperture {
            Aperture::Gain(g) => Ok(g),
            Aperture::Dish {
                diameter_m,
                efficiency,
            } => antenna_gain_dbi(diameter_m, freq_ghz, efficiency).map_err(|source| {
                crate::error::Error::Link {
                    path: path.to_owned(),
                    source,
                }
            }),
        }
    }

    /// Diameter for the propagation model (scintillation); 1 m when only a
    /// gain is known.
    pub fn diameter_m(&self) -> f64 {
        match self.aperture {
            Aperture::Dish { diameter_m, .. } => diameter_m,
            Aperture::Gain(_) => 1.0,
        }
    }

    /// Efficiency for the propagation model; 0.6 when only a gain is known.
    pub fn efficiency(&self) -> f64 {
        match self.aperture {
            Aperture::Dish { efficiency, .. } => efficiency,
            Aperture::Gain(_) => 0.6,
        }
    }

    /// A scenario station with one of its antennas (`path` names the
    /// reference in messages, e.g. `carriers[0].uplink`).
    pub fn from_station(
        scenario: &Scenario,
        station: &str,
        antenna: &str,
        path: &str,
    ) -> Result<Site> {
        let st = scenario.station(station).ok_or_else(|| {
            field(
                format!("{path}.station"),
                format!("unknown station {station:?}"),
            )
        })?;
        let ant = st
            .antennas
            .iter()
            .find(|a| a.id == antenna)
            .ok_or_else(|| {
                field(
                    format!("{path}.antenna"),
                    format!("station {station:?} has no antenna {antenna:?}"),
                )
            })?;
        let aperture = match (ant.gain_dbi, ant.diameter_m, ant.efficiency) {
            (Some(g), _, _) => Aperture::Gain(g),
            (None, Some(d), Some(e)) => Aperture::Dish {
                diameter_m: d,
                efficiency: e,
            },
            _ => {
                return Err(field(
                    format!("{path}.antenna"),
                    format!(
                        "antenna {antenna:?} of {station:?} needs gain_dbi or diameter_m with efficiency"
                    ),
                ));
            }
        };
        Ok(Site {
            name: st.name.clone(),
            lat_deg: st.position.lat_deg,
            lon_deg: st.position.lon_deg,
            height_m: st.position.alt_m,
            aperture,
            antenna_noise_temp_k: DEFAULT_ANTENNA_NOISE_TEMP_K,
            lnb_noise_temp_k: DEFAULT_LNB_NOISE_TEMP_K,
        })
    }
}
