//! Maps toward a GEO satellite over a latitude/longitude grid: ITU-R
//! P.618-13 total attenuation at every grid point, its contour bands, and
//! a link file's figures with its downlink site moved to every point — the
//! engine of `silkway link map` and of the API's attenuation maps.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;
use serde_json::{Value, json};
use silkway_itur::Maps;
use silkway_itur::grid::{GridLink, GridPoint, linspace, total_attenuation_grid_cancellable};

use crate::contours::isobands_geojson;
use crate::error::{Error, Result};
use crate::file::LinkFile;
use crate::p618_fade::P618Fade;
use crate::report::link_report;

/// Largest number of grid points along either axis.
pub const MAX_GRID_SIDE: usize = 2000;

/// What to map: the satellite, the region and grid, the carrier and the
/// receiving antenna.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapSpec {
    /// Longitude of the GEO satellite, degrees east.
    pub sat_lon_deg: f64,
    /// Region as [west, south, east, north], degrees (edges inclusive).
    pub bbox_deg: [f64; 4],
    /// Grid points along latitude.
    pub nlat: usize,
    /// Grid points along longitude.
    pub nlon: usize,
    /// Frequency, GHz.
    pub freq_ghz: f64,
    /// Percentage of an average year, %.
    pub p_pct: f64,
    /// Antenna diameter, m.
    pub d_m: f64,
    /// Antenna efficiency (0–1].
    pub eta: f64,
    /// Polarization tilt relative to the horizontal, degrees (45: circular).
    pub tau_deg: f64,
}

impl MapSpec {
    /// Checks the region and grid (the P.618 ranges are checked by the model).
    ///
    /// # Errors
    /// [`Error::InvalidField`] naming `bbox`, `nlat` or `nlon`.
    pub fn validate(&self) -> Result<()> {
        let [w, s, e, n] = self.bbox_deg;
        let field = |field: &str, message: String| Error::InvalidField {
            field: field.to_owned(),
            message,
        };
        if !(-90.0..=90.0).contains(&s) || !(-90.0..=90.0).contains(&n) || s >= n {
            return Err(field(
                "bbox",
                format!("need -90 <= south < north <= 90, got south {s}, north {n}"),
            ));
        }
        if !(-180.0..=180.0).contains(&w) || !(-180.0..=180.0).contains(&e) || w >= e {
            return Err(field(
                "bbox",
                format!(
                    "need -180 <= west < east <= 180, got west {w}, east {e} (split a region across the antimeridian in two)"
                ),
            ));
        }
        for (name, n) in [("nlat", self.nlat), ("nlon", self.nlon)] {
            if !(1..=MAX_GRID_SIDE).contains(&n) {
                return Err(field(
                    name,
                    format!("expected 1..={MAX_GRID_SIDE} grid points, got {n}"),
                ));
            }
        }
        Ok(())
    }

    /// Grid latitudes, south to north, degrees.
    pub fn lats_deg(&self) -> Vec<f64> {
        linspace(self.bbox_deg[1], self.bbox_deg[3], self.nlat)
    }

    /// Grid longitudes, west to east, degrees.
    pub fn lons_deg(&self) -> Vec<f64> {
        linspace(self.bbox_deg[0], self.bbox_deg[2], self.nlon)
    }

    fn grid_link(&self) -> GridLink {
        GridLink {
            sat_lon_deg: self.sat_lon_deg,
            freq_ghz: self.freq_ghz,
            p_pct: self.p_pct,
            d_m: self.d_m,
            eta: self.eta,
            tau_deg: self.tau_deg,
        }
    }
}

/// Elevation and attenuation at every point of a [`MapSpec`]'s grid.
#[derive(Debug, Clone, PartialEq)]
pub struct AttenuationMap {
    /// What was mapped.
    pub spec: MapSpec,
    /// Grid latitudes, degrees.
    pub lats_deg: Vec<f64>,
    /// Grid longitudes, degrees.
    pub lons_deg: Vec<f64>,
    /// Row-major points (all longitudes of the first latitude first).
    pub points: Vec<GridPoint>,
}

/// P.618-13 total attenuation over the grid of `spec` (in parallel);
/// `each_row(done, total)` is called per finished latitude row and may stop
/// the run.
///
/// # Errors
/// [`Error::InvalidField`] for a bad region or grid; [`Error::Propagation`]
/// for a model error (missing maps, value out of range); [`Error::Cancelled`]
/// when `each_row` broke.
pub fn attenuation_map(
    maps: &Maps,
    spec: &MapSpec,
    each_row: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Result<AttenuationMap> {
    spec.validate()?;
    let (lats_deg, lons_deg) = (spec.lats_deg(), spec.lons_deg());
    let points =
        total_attenuation_grid_cancellable(maps, &spec.grid_link(), &lats_deg, &lons_deg, each_row)
            .map_err(|e| match e {
                silkway_itur::Error::Cancelled => Error::Cancelled,
                other => Error::Propagation(Box::new(other)),
            })?;
    Ok(AttenuationMap {
        spec: *spec,
        lats_deg,
        lons_deg,
        points,
    })
}

impl AttenuationMap {
    /// Contour bands of the total attenuation between consecutive
    /// `levels_db`, as a GeoJSON FeatureCollection (RFC 7946) whose
    /// `properties` record the quantity, the model and the inputs.
    ///
    /// # Errors
    /// [`Error::Contour`] for a grid smaller than 2 × 2 or fewer than two levels.
    pub fn isobands_geojson(&self, levels_db: &[f64]) -> Result<Value> {
        let values: Vec<Option<f64>> = self
            .points
            .iter()
            .map(|p| p.attenuation.map(|a| a.a_total_db))
            .collect();
        let mut fc = isobands_geojson(&self.lats_deg, &self.lons_deg, &values, levels_db)?;
        let s = &self.spec;
        fc["properties"] = json!({
            "quantity": "a_total_db", "model": "ITU-R P.618-13 §2.5",
            "sat_lon_deg": s.sat_lon_deg, "f_ghz": s.freq_ghz, "p_pct": s.p_pct,
            "d_m": s.d_m, "eta": s.eta,
        });
        Ok(fc)
    }
}

/// A link file's figures with its downlink site at one grid point.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct LinkAtPoint {
    /// Clear-sky C/(N+I), dB.
    pub cnir_clear_db: f64,
    /// ACM availability over an average year, % (P.618 covers 0.001–50 %
    /// of the year, so 99.999 % is a lower bound).
    pub availability_pct: f64,
    /// ACM outage, minutes per year.
    pub outage_minutes_per_year: f64,
    /// Mean information throughput, Mbit/s.
    pub mean_throughput_mbps: f64,
}

/// The link `file` evaluated with its downlink site at every grid point
/// (in parallel; P.618-13 fades); `None` where the satellite is below 5°
/// or the budget cannot be made there. `each_point(done, total)` may stop
/// the run.
///
/// # Errors
/// The link's own error when it does not work at its own downlink site
/// (checked first); [`Error::Cancelled`] when `each_point` broke.
pub fn link_over_grid(
    maps: &Maps,
    file: &LinkFile,
    points: &[GridPoint],
    each_point: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Result<Vec<Option<LinkAtPoint>>> {
    let fade = P618Fade::new(maps);
    link_report(file, &fade)?;
    let total = points.len();
    let done = AtomicUsize::new(0);
    let stopped = AtomicBool::new(false);
    let out: Vec<Option<LinkAtPoint>> = points
        .par_iter()
        .map(|p| {
            if stopped.load(Ordering::Relaxed) {
                return None;
            }
            let at = p.attenuation.and_then(|_| {
                let here = file.at_downlink_site(p.lat_deg, p.lon_deg, None);
                let report = link_report(&here, &fade).ok()?;
                Some(LinkAtPoint {
                    cnir_clear_db: report.clear_sky.cnir_db,
                    availability_pct: 100.0 - report.acm.outage_pct,
                    outage_minutes_per_year: report.acm.outage_minutes_per_year,
                    mean_throughput_mbps: report.acm.mean_throughput_bps / 1e6,
                })
            });
            if each_point(done.fetch_add(1, Ordering::Relaxed) + 1, total).is_break() {
                stopped.store(true, Ordering::Relaxed);
            }
            at
        })
        .collect();
    if stopped.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    Ok(out)
}
