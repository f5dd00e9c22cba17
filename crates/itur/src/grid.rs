//! Parallel evaluation of P.618-13 total attenuation over a latitude /
//! longitude grid toward a geostationary satellite (the engine of
//! `silkway link map`).

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::geo::geo_look;
use crate::maps::Maps;
use crate::p618::total::{TotalAttenuation, TotalInput, total_attenuation};
use crate::{Error, Result};

/// Link parameters shared by every grid point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridLink {
    /// Longitude of the GEO satellite (degrees east).
    pub sat_lon_deg: f64,
    /// Frequency (GHz).
    pub freq_ghz: f64,
    /// Percentage of an average year (%).
    pub p_pct: f64,
    /// Antenna diameter (m).
    pub d_m: f64,
    /// Antenna efficiency (0–1].
    pub eta: f64,
    /// Polarization tilt (degrees).
    pub tau_deg: f64,
}

/// One evaluated grid point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridPoint {
    /// Latitude (degrees).
    pub lat_deg: f64,
    /// Longitude (degrees).
    pub lon_deg: f64,
    /// Elevation toward the satellite (degrees).
    pub elevation_deg: f64,
    /// Slant range (km).
    pub slant_range_km: f64,
    /// Attenuation; `None` where the elevation is below 5° (outside P.618).
    pub attenuation: Option<TotalAttenuation>,
}

/// `n` evenly spaced values from `a` to `b` inclusive.
pub fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    match n {
        0 => Vec::new(),
        1 => vec![a],
        _ => (0..n)
            .map(|i| a + (b - a) * i as f64 / (n - 1) as f64)
            .collect(),
    }
}

fn point(maps: &Maps, link: &GridLink, lat: f64, lon: f64) -> Result<GridPoint> {
    let look = geo_look(lat, lon, link.sat_lon_deg)?;
    let attenuation = if look.elevation_deg >= 5.0 {
        Some(total_attenuation(
            maps,
            &TotalInput {
                lat_deg: lat,
                lon_deg: lon,
                hs_km: None,
                freq_ghz: link.freq_ghz,
                elevation_deg: look.elevation_deg,
                d_m: link.d_m,
                eta: link.eta,
                tau_deg: link.tau_deg,
                p_pct: link.p_pct,
            },
        )?)
    } else {
        None
    };
    Ok(GridPoint {
        lat_deg: lat,
        lon_deg: lon,
        elevation_deg: look.elevation_deg,
        slant_range_km: look.slant_range_km,
        attenuation,
    })
}

/// Evaluate every (lat, lon) of the grid `lats × lons` (row-major: all
/// longitudes of the first latitude first), in parallel on the current
/// rayon pool.
pub fn total_attenuation_grid(
    maps: &Maps,
    link: &GridLink,
    lats_deg: &[f64],
    lons_deg: &[f64],
) -> Result<Vec<GridPoint>> {
    let n = lats_deg.len() * lons_deg.len();
    (0..n)
        .into_par_iter()
        .map(|k| {
            point(
                maps,
                link,
                lats_deg[k / lons_deg.len()],
                lons_deg[k % lons_deg.len()],
            )
        })
        .collect()
}

/// [`total_attenuation_grid`] that reports progress and can be stopped:
/// `each_row(done, total)` is called once per finished latitude row (from
/// worker threads); when it returns [`ControlFlow::Break`], rows not yet
/// started are skipped and the call returns [`Error::Cancelled`].
///
/// # Errors
/// As [`total_attenuation_grid`], and [`Error::Cancelled`].
pub fn total_attenuation_grid_cancellable(
    maps: &Maps,
    link: &GridLink,
    lats_deg: &[f64],
    lons_deg: &[f64],
    each_row: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Result<Vec<GridPoint>> {
    let total = lats_deg.len();
    let done = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let rows: Vec<Vec<GridPoint>> = lats_deg
        .par_iter()
        .map(|&lat| {
            if stopped.load(Ordering::Relaxed) {
                return Err(Error::Cancelled);
            }
            let row = lons_deg
                .iter()
                .map(|&lon| point(maps, link, lat, lon))
                .collect::<Result<Vec<_>>>()?;
            if each_row(done.fetch_add(1, Ordering::Relaxed) + 1, total).is_break() {
                stopped.store(true, Ordering::Relaxed);
            }
            Ok(row)
        })
        .collect::<Result<_>>()?;
    if stopped.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    Ok(rows.into_iter().flatten().collect())
}

/// Same as [`total_attenuation_grid`] on the calling thread only.
pub fn total_attenuation_grid_serial(
    maps: &Maps,
    link: &GridLink,
    lats_deg: &[f64],
    lons_deg: &[f64],
) -> Result<Vec<GridPoint>> {
    let mut out = Vec::with_capacity(lats_deg.len() * lons_deg.len());
    for &lat in lats_deg {
        for &lon in lons_deg {
            out.push(point(maps, link, lat, lon)?);
        }
    }
    Ok(out)
}
