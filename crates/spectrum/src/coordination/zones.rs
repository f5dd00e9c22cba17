//! App. 7 radio-climatic zones from Natural Earth land polygons.
//!
//! RR App. 7 Annex 1 (and ITU-R P.452 §3.3) distinguish zone A1 (coastal
//! land: land within 50 km of the coast), A2 (inland: all other land) and
//! B (seas, oceans and large bodies of inland water). Zone C (the
//! "cold sea" of App. 7, e.g. the North Sea) does not occur around the
//! Caspian and is not produced here.
//!
//! Land is the Natural Earth 4.1.0 *Land* layer at 1:50m (public domain),
//! extracted around the Caspian (20–80 E, 15–60 N) by
//! `data/extract_land.py`; the coastline is the boundary of those
//! polygons. Simplifications, stated: inland lakes (Urmia, Aral, Sevan)
//! are land in this layer, so they count as A2 rather than B; the 1:50m
//! coastline is a few km off in places; distance to the coast is measured
//! to the nearest polygon vertex (vertices are a few km apart at 1:50m).

use crate::error::Result;
use crate::geometry::haversine_km;

/// A radio-climatic zone (App. 7 Annex 1 §4.1, P.452 Table 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Zone {
    /// Coastal land: within 50 km of the sea.
    A1,
    /// Inland.
    A2,
    /// Sea and large inland water.
    B,
}

/// Coastal strip width of zone A1, km (App. 7 Annex 1; P.452 Table 1).
pub const COASTAL_STRIP_KM: f64 = 50.0;

const LAND_CSV: &str = include_str!("../../data/land_caspian_50m.csv");

/// Land polygons with a latitude-band index for fast point-in-polygon and
/// distance-to-coast queries.
#[derive(Debug, Clone)]
pub struct LandMap {
    /// Edges (lon1, lat1, lon2, lat2) bucketed by latitude band.
    bands: Vec<Vec<[f64; 4]>>,
    /// Vertices (lat, lon) bucketed by latitude band.
    vertices: Vec<Vec<(f64, f64)>>,
    lat0: f64,
    band_deg: f64,
    /// Where the data come from.
    pub source: String,
}

impl LandMap {
    /// The embedded Caspian-region extract (Natural Earth 4.1.0 Land 1:50m).
    ///
    /// # Errors
    /// None in practice (the embedded file is checked by the tests).
    pub fn caspian() -> Result<Self> {
        Self::from_csv(
            LAND_CSV,
            "<builtin:land_caspian_50m.csv>",
            "Natural Earth 4.1.0 Land 1:50m (public domain), via world-atlas 2.0.2",
        )
    }

    /// Parse `ring,lon_deg,lat_deg` rows (header first); each ring is closed
    /// implicitly (last vertex joins the first).
    ///
    /// # Errors
    /// [`Error::Parse`] naming the line.
    pub fn from_csv(text: &str, origin: &str, source: &str) -> Result<Self> {
        let rings = crate::lonlat_csv::grouped_lon_lat(text, origin, "ring")?;
        let (lat0, band_deg) = (-90.0, 0.25);
        let nb = (180.0 / band_deg) as usize + 1;
        let mut bands = vec![Vec::new(); nb];
        let mut vertices = vec![Vec::new(); nb];
        let idx = |lat: f64| (((lat - lat0) / band_deg).floor().max(0.0) as usize).min(nb - 1);
        for (_, pts) in &rings {
            for (k, &(x1, y1)) in pts.iter().enumerate() {
                let (x2, y2) = pts[(k + 1) % pts.len()];
                let (lo, hi) = (idx(y1.min(y2)), idx(y1.max(y2)));
                for band in &mut bands[lo..=hi] {
                    band.push([x1, y1, x2, y2]);
                }
                vertices[idx(y1)].push((y1, x1));
            }
        }
        Ok(Self {
            bands,
            vertices,
            lat0,
            band_deg,
            source: source.to_owned(),
        })
    }

    fn band(&self, lat: f64) -> usize {
        (((lat - self.lat0) / self.band_deg).floor().max(0.0) as usize).min(self.bands.len() - 1)
    }

    /// Whether (lat, lon) is on land (even-odd rule over the rings).
    pub fn is_land(&self, lat_deg: f64, lon_deg: f64) -> bool {
        let mut inside = false;
        for &[x1, y1, x2, y2] in &self.bands[self.band(lat_deg)] {
            if (y1 > lat_deg) != (y2 > lat_deg)
                && lon_deg < x1 + (lat_deg - y1) * (x2 - x1) / (y2 - y1)
            {
                inside = !inside;
            }
        }
        inside
    }

    /// Distance to the nearest coastline vertex, km (searched within
    /// `max_km`; `f64::INFINITY` when none is that close).
    pub fn distance_to_coast_km(&self, lat_deg: f64, lon_deg: f64, max_km: f64) -> f64 {
        let dlat = max_km / 111.0 + self.band_deg;
        let (lo, hi) = (self.band(lat_deg - dlat), self.band(lat_deg + dlat));
        let mut best = f64::INFINITY;
        for band in &self.vertices[lo..=hi] {
            for &(la, lo) in band {
                if (la - lat_deg).abs() * 111.0 > max_km {
                    continue;
                }
                let d = haversine_km(lat_deg, lon_deg, la, lo);
                if d < best {
                    best = d;
                }
            }
        }
        if best <= max_km { best } else { f64::INFINITY }
    }

    /// The zone of a point.
    pub fn zone(&self, lat_deg: f64, lon_deg: f64) -> Zone {
        if !self.is_land(lat_deg, lon_deg) {
            Zone::B
        } else if self
            .distance_to_coast_km(lat_deg, lon_deg, COASTAL_STRIP_KM)
            .is_finite()
        {
            Zone::A1
        } else {
            Zone::A2
        }
    }
}

/// Where the zones along each azimuth come from.
#[derive(Debug, Clone)]
pub enum ZoneSource {
    /// Natural Earth land polygons.
    Map(LandMap),
    /// One zone everywhere (when no coastline data applies).
    Uniform(Zone),
}

impl ZoneSource {
    /// The zone at a point.
    pub fn zone(&self, lat_deg: f64, lon_deg: f64) -> Zone {
        match self {
            ZoneSource::Map(m) => m.zone(lat_deg, lon_deg),
            ZoneSource::Uniform(z) => *z,
        }
    }
    /// Distance to the coast, km (infinite for uniform zones other than the
    /// case "all sea", where it is 0).
    pub fn distance_to_coast_km(&self, lat_deg: f64, lon_deg: f64, max_km: f64) -> f64 {
        match self {
            ZoneSource::Map(m) => m.distance_to_coast_km(lat_deg, lon_deg, max_km),
            ZoneSource::Uniform(Zone::B) => 0.0,
            ZoneSource::Uniform(_) => f64::INFINITY,
        }
    }
    /// Describe the source.
    pub fn describe(&self) -> String {
        match self {
            ZoneSource::Map(m) => m.source.clone(),
            ZoneSource::Uniform(z) => format!("uniform zone {z:?} (given)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caspian_points_fall_in_the_right_zones() {
        let m = LandMap::caspian().unwrap();
        // Mid-Caspian, Kara-Bogaz-Gol, Black Sea, Persian Gulf: sea.
        for (la, lo) in [(42.0, 51.0), (41.2, 53.5), (43.0, 34.0), (27.0, 52.0)] {
            assert_eq!(m.zone(la, lo), Zone::B, "{la} {lo}");
        }
        // Baku (on the coast): A1. Tehran (~90 km from the Caspian): A2.
        assert_eq!(m.zone(40.41, 49.87), Zone::A1);
        assert_eq!(m.zone(35.69, 51.39), Zone::A2);
        // Ardabil (~60–70 km from the coast at Astara, 38.25N 48.29E): A2.
        assert_eq!(m.zone(38.25, 48.29), Zone::A2);
        // Lankaran (coast): A1.
        assert_eq!(m.zone(38.75, 48.85), Zone::A1);
    }

    #[test]
    fn bad_csv_names_the_line() {
        let e = LandMap::from_csv("ring,lon_deg,lat_deg\n0,1,2\n0,x,3\n", "land.csv", "t")
            .unwrap_err()
            .to_string();
        assert!(e.contains("land.csv") && e.contains("line 3"), "{e}");
    }
}
