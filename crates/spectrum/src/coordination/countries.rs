//! Which countries a coordination area reaches (RR No. 9.17: coordination
//! is required with the administrations whose territory lies inside the
//! coordination area of the earth station).
//!
//! Country polygons: Natural Earth 4.1.0 *Admin 0 – Countries* at 1:110m
//! (public domain, via world-atlas 2.0.2; `data/extract_countries.py`),
//! every country with a vertex in 25–75 E, 25–55 N. At 1:110m vertices are
//! 10–30 km apart: good for listing the countries a contour of hundreds of
//! km reaches, not for points within ~20 km of a border (use the 1:10m
//! border of [`crate::border`] for those).

use serde::Serialize;

use crate::error::{Error, Result};

/// One country: ISO codes, name, rings (lon, lat) and bounding box.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 numeric (empty for unrecognised territories).
    pub iso_n3: String,
    /// ISO 3166-1 alpha-2 (filled for the region's countries).
    pub alpha2: String,
    /// Name.
    pub name: String,
    rings: Vec<Vec<(f64, f64)>>,
    bbox: [f64; 4],
}

impl Country {
    /// Whether (lat, lon) is inside (even-odd over the rings).
    pub fn contains(&self, lat_deg: f64, lon_deg: f64) -> bool {
        let [x0, y0, x1, y1] = self.bbox;
        if lon_deg < x0 || lon_deg > x1 || lat_deg < y0 || lat_deg > y1 {
            return false;
        }
        let mut inside = false;
        for r in &self.rings {
            for k in 0..r.len() {
                let (xa, ya) = r[k];
                let (xb, yb) = r[(k + 1) % r.len()];
                if (ya > lat_deg) != (yb > lat_deg)
                    && lon_deg < xa + (lat_deg - ya) * (xb - xa) / (yb - ya)
                {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// The countries of the region.
#[derive(Debug, Clone)]
pub struct CountryMap {
    /// The countries.
    pub countries: Vec<Country>,
    /// Where they come from.
    pub source: String,
}

const CSV: &str = include_str!("../../data/countries_caspian_110m.csv");

impl CountryMap {
    /// The embedded extract.
    ///
    /// # Errors
    /// None in practice (checked by the tests).
    pub fn caspian() -> Result<Self> {
        Self::from_csv(
            CSV,
            "<builtin:countries_caspian_110m.csv>",
            "Natural Earth 4.1.0 Admin 0 – Countries 1:110m (public domain), via world-atlas 2.0.2",
        )
    }

    /// Parse `iso_n3,alpha2,name,ring,lon_deg,lat_deg` rows (header first).
    ///
    /// # Errors
    /// [`Error::Parse`] naming the line.
    pub fn from_csv(text: &str, origin: &str, source: &str) -> Result<Self> {
        let mut countries: Vec<Country> = Vec::new();
        let mut last_ring = String::new();
        for (n, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let bad = |m: &str| Error::Parse {
                origin: origin.to_owned(),
                message: format!("line {}: {m}, found {line:?}", n + 1),
            };
            let f: Vec<&str> = line.split(',').collect();
            if f.len() != 6 {
                return Err(bad("expected iso_n3,alpha2,name,ring,lon_deg,lat_deg"));
            }
            let lon: f64 = f[4].trim().parse().map_err(|_| bad("lon_deg: a number"))?;
            let lat: f64 = f[5].trim().parse().map_err(|_| bad("lat_deg: a number"))?;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(bad("coordinates out of range"));
            }
            let same_country = countries
                .last()
                .is_some_and(|c| c.iso_n3 == f[0] && c.name == f[2]);
            if !same_country {
                countries.push(Country {
                    iso_n3: f[0].to_owned(),
                    alpha2: f[1].to_owned(),
                    name: f[2].to_owned(),
                    rings: Vec::new(),
                    bbox: [
                        f64::INFINITY,
                        f64::INFINITY,
                        f64::NEG_INFINITY,
                        f64::NEG_INFINITY,
                    ],
                });
                last_ring.clear();
            }
            let c = countries.last_mut().expect("pushed above");
            if f[3] != last_ring || c.rings.is_empty() {
                c.rings.push(Vec::new());
                last_ring = f[3].to_owned();
            }
            c.rings.last_mut().expect("pushed above").push((lon, lat));
            c.bbox = [
                c.bbox[0].min(lon),
                c.bbox[1].min(lat),
                c.bbox[2].max(lon),
                c.bbox[3].max(lat),
            ];
        }
        if countries.is_empty() {
            return Err(Error::Parse {
                origin: origin.to_owned(),
                message: "no vertices".into(),
            });
        }
        Ok(Self {
            countries,
            source: source.to_owned(),
        })
    }

    /// The country at a point (none at sea).
    pub fn at(&self, lat_deg: f64, lon_deg: f64) -> Option<&Country> {
        self.countries.iter().find(|c| c.contains(lat_deg, lon_deg))
    }
}

/// A country that a coordination area reaches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryReach {
    /// ISO 3166-1 alpha-2 (may be empty outside the region's list).
    pub alpha2: String,
    /// Name.
    pub name: String,
    /// Azimuths (degrees) along which the area enters the country.
    pub azimuths_deg: Vec<f64>,
    /// Shortest distance from the earth station to where the area first
    /// enters it, km (sampled every `step_km`).
    pub nearest_km: f64,
    /// Whether it is the earth station's own country.
    pub own: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_in_their_countries() {
        let m = CountryMap::caspian().unwrap();
        for (la, lo, a2) in [
            (40.41, 49.87, "AZ"),
            (35.69, 51.39, "IR"),
            (43.65, 51.17, "KZ"),
            (41.72, 44.79, "GE"),
            (40.18, 44.51, "AM"),
            (37.95, 58.38, "TM"),
        ] {
            assert_eq!(
                m.at(la, lo).map(|c| c.alpha2.as_str()),
                Some(a2),
                "{la} {lo}"
            );
        }
        // Mid-Caspian: no country.
        assert!(m.at(42.0, 51.0).is_none());
        let e = CountryMap::from_csv("h\n031,AZ,x,0,1\n", "c.csv", "t")
            .unwrap_err()
            .to_string();
        assert!(e.contains("c.csv") && e.contains("line 2"), "{e}");
    }
}
