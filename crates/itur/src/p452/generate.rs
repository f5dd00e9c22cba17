//! A P.452 path profile generated along the great circle between two
//! stations: terrain heights from ITU-R P.1511-2, radio-climatic zones and
//! distances from the coast from the Natural Earth land outline.
//!
//! # References
//! ITU-R P.452-18 Annex 1 §3.2 (the profile: terrain heights at points
//! along the great-circle path, with their zones) and Attachment 6 (the
//! great-circle path); ITU-R P.1511-2 (topography, bicubic per P.1144);
//! zones per [`super::zones`].

use super::coastline::Coastline;
use super::great_circle::{LonLat, bearing_deg, destination, distance_km};
use super::profile::{PathProfile, Zone};
use super::zones::zone_at;
use crate::error::check_range;
use crate::maps::Maps;
use crate::{Error, Result, p1511};

/// Options of a generated profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProfileOptions {
    /// Spacing of the profile points (km); the last interval is shortened
    /// to end at the receiver.
    pub step_km: f64,
    /// Representative clutter height added on land points (m); 0 for
    /// open terrain.
    pub land_clutter_m: f64,
}

impl Default for ProfileOptions {
    fn default() -> Self {
        ProfileOptions {
            step_km: 0.25,
            land_clutter_m: 0.0,
        }
    }
}

/// Farthest distance from the coast searched for d_ct / d_cr (km);
/// P.452-18 eq. (49) only uses distances up to 5 km.
pub const COAST_SEARCH_KM: f64 = 500.0;

/// A generated profile with the terminals' distances from the coast.
#[derive(Debug, Clone)]
pub struct GeneratedPath {
    /// The profile, transmitter first.
    pub profile: PathProfile,
    /// Transmitter distance from the coast over land d_ct (km; 0 at sea,
    /// capped at [`COAST_SEARCH_KM`]).
    pub dct_km: f64,
    /// Receiver distance from the coast over land d_cr (km).
    pub dcr_km: f64,
}

/// Generate the profile from `tx` to `rx`.
pub fn great_circle_profile(
    maps: &Maps,
    coast: &Coastline,
    tx: LonLat,
    rx: LonLat,
    opts: &ProfileOptions,
) -> Result<GeneratedPath> {
    check_range(
        "step_km",
        opts.step_km,
        1e-3,
        100.0,
        "a profile spacing in [0.001, 100] km",
    )?;
    check_range(
        "land_clutter_m",
        opts.land_clutter_m,
        0.0,
        500.0,
        "a clutter height in [0, 500] m",
    )?;
    let dtot = distance_km(tx, rx);
    if dtot < 4.0 * 1e-3 {
        return Err(Error::InvalidProfile(format!(
            "the stations are {dtot:.4} km apart; P.452 needs a path"
        )));
    }
    // At least 4 points, spaced at most `step_km`.
    let intervals = ((dtot / opts.step_km).ceil() as usize).max(3);
    let bearing = bearing_deg(tx, rx);
    let n = intervals + 1;
    let (mut d, mut h, mut r, mut z) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for i in 0..n {
        let di = if i == intervals {
            dtot
        } else {
            dtot * i as f64 / intervals as f64
        };
        let pt = if i == 0 {
            tx
        } else if i == intervals {
            rx
        } else {
            destination(tx, bearing, di)
        };
        let lon = wrap_lon(pt.lon_deg);
        let height = p1511::topographic_height_km(maps, pt.lat_deg, lon)? * 1000.0;
        let zone = zone_at(coast, lon, pt.lat_deg, height)?;
        d.push(di);
        h.push(height);
        r.push(if zone == Zone::Sea {
            0.0
        } else {
            opts.land_clutter_m
        });
        z.push(zone);
    }
    let coast_distance = |p: LonLat, zone: Zone| -> Result<f64> {
        if zone == Zone::Sea {
            Ok(0.0)
        } else {
            coast.distance_to_coast_km(wrap_lon(p.lon_deg), p.lat_deg, COAST_SEARCH_KM)
        }
    };
    let dct_km = coast_distance(tx, z[0])?;
    let dcr_km = coast_distance(rx, z[n - 1])?;
    Ok(GeneratedPath {
        profile: PathProfile::new(d, h, r, z)?,
        dct_km,
        dcr_km,
    })
}

fn wrap_lon(lon: f64) -> f64 {
    let w = (lon + 180.0).rem_euclid(360.0) - 180.0;
    if w == -180.0 && lon > 0.0 { 180.0 } else { w }
}
