//! Land/sea and distance to the coast from the Natural Earth land
//! outline, for the radio-climatic zones of generated P.452 profiles.
//!
//! The embedded extract (`data/coastline/land_20e80e_25n55n.txt`) is the
//! Natural Earth 1:10m land polygon set (public domain) from the npm
//! package `world-atlas` 2.0.2 (`land-10m.json`, ISC), clipped to
//! 20–80°E, 25–55°N by `data/coastline/extract.py`. The Caspian Sea is
//! water; small lakes are land (as in Natural Earth's land layer).
//! Segments lying on the clip box are not coastline.

use std::sync::OnceLock;

use crate::{Error, Result};

/// Mean length of one degree of latitude on the 6371 km sphere (km).
const KM_PER_DEG: f64 = 6371.0 * std::f64::consts::PI / 180.0;
/// Side of the index cells (degrees).
const CELL_DEG: f64 = 0.5;

#[derive(Debug, Clone, Copy)]
struct Segment {
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
    /// `false` for edges along the clip box (not a real coast).
    coast: bool,
}

/// A land outline with a cell index for point-in-land and distance-to-
/// coast queries.
#[derive(Debug)]
pub struct Coastline {
    west: f64,
    east: f64,
    south: f64,
    north: f64,
    nx: usize,
    ny: usize,
    segments: Vec<Segment>,
    cells: Vec<Vec<u32>>,
}

const EXTRACT: &str = include_str!("../../data/coastline/land_20e80e_25n55n.txt");

impl Coastline {
    /// The embedded Natural Earth extract for 20–80°E, 25–55°N.
    pub fn caspian_region() -> &'static Coastline {
        static C: OnceLock<Coastline> = OnceLock::new();
        C.get_or_init(|| {
            Coastline::parse(EXTRACT, (20.0, 80.0, 25.0, 55.0))
                .expect("the embedded coastline extract parses")
        })
    }

    /// Parse rings ("ring" lines followed by "lon lat" lines) covering the
    /// box `(west, east, south, north)` in degrees.
    pub fn parse(text: &str, bounds: (f64, f64, f64, f64)) -> Result<Coastline> {
        let (west, east, south, north) = bounds;
        let mut rings: Vec<Vec<(f64, f64)>> = Vec::new();
        for (k, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line == "ring" {
                rings.push(Vec::new());
                continue;
            }
            let mut it = line.split_whitespace().map(str::parse::<f64>);
            let (Some(Ok(x)), Some(Ok(y)), None) = (it.next(), it.next(), it.next()) else {
                return Err(Error::Parse {
                    path: "coastline extract".into(),
                    line: k + 1,
                    column: "lon lat".into(),
                    reason: format!("expected two numbers, found `{line}`"),
                });
            };
            match rings.last_mut() {
                Some(r) => r.push((x, y)),
                None => {
                    return Err(Error::Parse {
                        path: "coastline extract".into(),
                        line: k + 1,
                        column: "ring".into(),
                        reason: "a point before the first `ring` line".into(),
                    });
                }
            }
        }
        let on_box = |x: f64, y: f64| {
            (x - west).abs() < 1e-9
                || (x - east).abs() < 1e-9
                || (y - south).abs() < 1e-9
                || (y - north).abs() < 1e-9
        };
        let mut segments = Vec::new();
        for r in &rings {
            for i in 0..r.len() {
                let (x1, y1) = r[i];
                let (x2, y2) = r[(i + 1) % r.len()];
                let same_box_edge = ((x1 - x2).abs() < 1e-12 && on_box(x1, y1) && on_box(x2, y2))
                    || ((y1 - y2).abs() < 1e-12 && on_box(x1, y1) && on_box(x2, y2));
                segments.push(Segment {
                    x1,
                    y1,
                    x2,
                    y2,
                    coast: !same_box_edge,
                });
            }
        }
        let nx = ((east - west) / CELL_DEG).ceil() as usize;
        let ny = ((north - south) / CELL_DEG).ceil() as usize;
        let mut c = Coastline {
            west,
            east,
            south,
            north,
            nx,
            ny,
            segments,
            cells: vec![Vec::new(); nx * ny],
        };
        for (k, s) in c.segments.iter().enumerate() {
            let (ix0, iy0) = c.cell_of(s.x1.min(s.x2), s.y1.min(s.y2));
            let (ix1, iy1) = c.cell_of(s.x1.max(s.x2), s.y1.max(s.y2));
            for iy in iy0..=iy1 {
                for ix in ix0..=ix1 {
                    c.cells[iy * nx + ix].push(k as u32);
                }
            }
        }
        Ok(c)
    }

    fn cell_of(&self, x: f64, y: f64) -> (usize, usize) {
        let ix = (((x - self.west) / CELL_DEG).floor().max(0.0) as usize).min(self.nx - 1);
        let iy = (((y - self.south) / CELL_DEG).floor().max(0.0) as usize).min(self.ny - 1);
        (ix, iy)
    }

    /// Whether (`lon_deg`, `lat_deg`) is inside the covered box.
    pub fn covers(&self, lon_deg: f64, lat_deg: f64) -> bool {
        (self.west..=self.east).contains(&lon_deg) && (self.south..=self.north).contains(&lat_deg)
    }

    fn check(&self, lon_deg: f64, lat_deg: f64) -> Result<()> {
        if self.covers(lon_deg, lat_deg) {
            Ok(())
        } else {
            Err(Error::InvalidProfile(format!(
                "point ({lon_deg:.4}°E, {lat_deg:.4}°N) is outside the coastline extract ({}–{}°E, {}–{}°N); give a profile CSV instead",
                self.west, self.east, self.south, self.north
            )))
        }
    }

    /// Whether the point is on land (even-odd rule over all rings).
    pub fn is_land(&self, lon_deg: f64, lat_deg: f64) -> Result<bool> {
        self.check(lon_deg, lat_deg)?;
        let (x, y) = (lon_deg, lat_deg);
        let (ix0, iy) = self.cell_of(x, y);
        let mut inside = false;
        for ix in ix0..self.nx {
            for &k in &self.cells[iy * self.nx + ix] {
                let s = self.segments[k as usize];
                if (s.y1 > y) != (s.y2 > y) {
                    let xc = s.x1 + (y - s.y1) * (s.x2 - s.x1) / (s.y2 - s.y1);
                    // Count each crossing once: in the cell that holds it.
                    if xc > x && self.cell_of(xc, y).0 == ix {
                        inside = !inside;
                    }
                }
            }
        }
        Ok(inside)
    }

    /// Distance (km) from the point to the nearest coast segment, capped
    /// at `max_km` (searching farther is not needed by the callers).
    pub fn distance_to_coast_km(&self, lon_deg: f64, lat_deg: f64, max_km: f64) -> Result<f64> {
        self.check(lon_deg, lat_deg)?;
        let kx = KM_PER_DEG * lat_deg.to_radians().cos().max(0.05);
        let ky = KM_PER_DEG;
        let rx = (max_km / kx / CELL_DEG).ceil() as isize;
        let ry = (max_km / ky / CELL_DEG).ceil() as isize;
        let (cx, cy) = self.cell_of(lon_deg, lat_deg);
        let mut best = max_km;
        for iy in (cy as isize - ry).max(0)..=(cy as isize + ry).min(self.ny as isize - 1) {
            for ix in (cx as isize - rx).max(0)..=(cx as isize + rx).min(self.nx as isize - 1) {
                for &k in &self.cells[iy as usize * self.nx + ix as usize] {
                    let s = self.segments[k as usize];
                    if !s.coast {
                        continue;
                    }
                    // Local equirectangular projection around the point.
                    let (ax, ay) = ((s.x1 - lon_deg) * kx, (s.y1 - lat_deg) * ky);
                    let (bx, by) = ((s.x2 - lon_deg) * kx, (s.y2 - lat_deg) * ky);
                    let (dx, dy) = (bx - ax, by - ay);
                    let len2 = dx * dx + dy * dy;
                    let t = if len2 > 0.0 {
                        (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
                    } else {
                        0.0
                    };
                    let (px, py) = (ax + t * dx, ay + t * dy);
                    best = best.min((px * px + py * py).sqrt());
                }
            }
        }
        Ok(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caspian_is_water_and_coast_distances_are_sane() {
        let c = Coastline::caspian_region();
        assert!(!c.is_land(51.0, 42.0).unwrap(), "Caspian Sea");
        assert!(!c.is_land(34.0, 43.0).unwrap(), "Black Sea");
        assert!(!c.is_land(52.0, 27.0).unwrap(), "Persian Gulf");
        assert!(c.is_land(51.39, 35.69).unwrap(), "Tehran");
        assert!(c.is_land(69.24, 41.30).unwrap(), "Tashkent");
        assert!(c.is_land(49.87, 40.41).unwrap(), "Baku");
        // Tehran is ≈ 100 km from the Caspian shore; Tashkent far inland.
        let d = c.distance_to_coast_km(51.39, 35.69, 500.0).unwrap();
        assert!((80.0..130.0).contains(&d), "{d}");
        assert_eq!(c.distance_to_coast_km(69.24, 41.30, 300.0).unwrap(), 300.0);
        assert!(c.is_land(10.0, 40.0).is_err());
    }
}
