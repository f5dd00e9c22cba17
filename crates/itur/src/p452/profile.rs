//! The terrain path profile of ITU-R P.452-18: distances, terrain heights,
//! representative clutter (ground-cover) heights and radio-climatic zones.
//!
//! # References
//! ITU-R P.452-18 Annex 1 §3.2 (the path profile and its radio-climatic
//! zones, Table 2: A1 coastal land, A2 inland, B sea) and §4.2 (the
//! diffraction model runs on the terrain plus the representative clutter
//! height, except within 50 m of either terminal, where the terminal's own
//! ground height is used).

use crate::{Error, Result};

/// Radio-climatic zone of a profile point, ITU-R P.452-18 Table 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// A1: coastal land (land adjacent to sea, within 50 km of the coast
    /// and below 100 m above mean sea level).
    CoastalLand,
    /// A2: inland (all land other than coastal land).
    Inland,
    /// B: sea, oceans and other large bodies of water (≥ 100 km across).
    Sea,
}

impl Zone {
    /// The numeric code of the ITU validation profiles (1 = A1, 2 = A2,
    /// 3 = B).
    pub fn code(self) -> u8 {
        match self {
            Zone::CoastalLand => 1,
            Zone::Inland => 2,
            Zone::Sea => 3,
        }
    }

    /// The zone for a numeric code 1, 2 or 3.
    pub fn from_code(code: u8) -> Option<Zone> {
        match code {
            1 => Some(Zone::CoastalLand),
            2 => Some(Zone::Inland),
            3 => Some(Zone::Sea),
            _ => None,
        }
    }

    /// The zone's label in P.452-18 Table 2 (`A1`, `A2`, `B`).
    pub fn label(self) -> &'static str {
        match self {
            Zone::CoastalLand => "A1",
            Zone::Inland => "A2",
            Zone::Sea => "B",
        }
    }

    /// The zone for a label `A1`, `A2` or `B` (case-insensitive).
    pub fn from_label(label: &str) -> Option<Zone> {
        match label.trim().to_ascii_uppercase().as_str() {
            "A1" => Some(Zone::CoastalLand),
            "A2" => Some(Zone::Inland),
            "B" => Some(Zone::Sea),
            _ => None,
        }
    }

    /// Whether the zone is land (A1 or A2).
    pub fn is_land(self) -> bool {
        !matches!(self, Zone::Sea)
    }
}

/// A terrain path profile from the transmitter (first point, distance 0)
/// to the receiver (last point).
///
/// # Units
/// Distances in km, heights in metres above mean sea level, clutter
/// heights in metres above the terrain.
#[derive(Debug, Clone, PartialEq)]
pub struct PathProfile {
    d_km: Vec<f64>,
    h_m: Vec<f64>,
    clutter_m: Vec<f64>,
    zones: Vec<Zone>,
}

/// Distance from either terminal within which the clutter height is not
/// added to the terrain (P.452-18 §4.2: 50 m).
pub const TERMINAL_CLUTTER_EXCLUSION_KM: f64 = 0.05;

impl PathProfile {
    /// Build a profile, checking that it has at least 4 points, starts at
    /// distance 0, has strictly increasing distances, finite heights and
    /// non-negative clutter heights, and that all columns have the same
    /// length.
    pub fn new(
        d_km: Vec<f64>,
        h_m: Vec<f64>,
        clutter_m: Vec<f64>,
        zones: Vec<Zone>,
    ) -> Result<Self> {
        let n = d_km.len();
        if h_m.len() != n || clutter_m.len() != n || zones.len() != n {
            return Err(Error::InvalidProfile(format!(
                "columns differ in length: {n} distances, {} heights, {} clutter heights, {} zones",
                h_m.len(),
                clutter_m.len(),
                zones.len()
            )));
        }
        if n < 4 {
            return Err(Error::InvalidProfile(format!(
                "{n} points; P.452 needs at least 4 (two terminals and two intermediate points)"
            )));
        }
        if d_km[0] != 0.0 {
            return Err(Error::InvalidProfile(format!(
                "the first distance must be 0 km (the transmitter), found {}",
                d_km[0]
            )));
        }
        for i in 0..n {
            if !d_km[i].is_finite() || !h_m[i].is_finite() || !clutter_m[i].is_finite() {
                return Err(Error::InvalidProfile(format!(
                    "point {}: non-finite value (d {} km, h {} m, clutter {} m)",
                    i + 1,
                    d_km[i],
                    h_m[i],
                    clutter_m[i]
                )));
            }
            if clutter_m[i] < 0.0 {
                return Err(Error::InvalidProfile(format!(
                    "point {}: negative clutter height {} m",
                    i + 1,
                    clutter_m[i]
                )));
            }
            if i > 0 && d_km[i] <= d_km[i - 1] {
                return Err(Error::InvalidProfile(format!(
                    "point {}: distance {} km does not increase (previous {} km)",
                    i + 1,
                    d_km[i],
                    d_km[i - 1]
                )));
            }
        }
        Ok(PathProfile {
            d_km,
            h_m,
            clutter_m,
            zones,
        })
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.d_km.len()
    }

    /// Always `false`: a valid profile has at least 4 points.
    pub fn is_empty(&self) -> bool {
        self.d_km.is_empty()
    }

    /// Distances from the transmitter (km).
    pub fn d_km(&self) -> &[f64] {
        &self.d_km
    }

    /// Terrain heights above mean sea level (m).
    pub fn h_m(&self) -> &[f64] {
        &self.h_m
    }

    /// Representative clutter heights above the terrain (m).
    pub fn clutter_m(&self) -> &[f64] {
        &self.clutter_m
    }

    /// Radio-climatic zones.
    pub fn zones(&self) -> &[Zone] {
        &self.zones
    }

    /// Great-circle path length d (km).
    pub fn length_km(&self) -> f64 {
        self.d_km[self.d_km.len() - 1]
    }

    /// Terrain plus representative clutter height g_i (m), used by the
    /// diffraction model; within 50 m of either terminal the clutter is not
    /// added (P.452-18 §4.2).
    pub fn surface_m(&self) -> Vec<f64> {
        let end = self.length_km() - TERMINAL_CLUTTER_EXCLUSION_KM;
        self.d_km
            .iter()
            .zip(&self.h_m)
            .zip(&self.clutter_m)
            .map(|((&d, &h), &r)| {
                if d < TERMINAL_CLUTTER_EXCLUSION_KM || d > end {
                    h
                } else {
                    h + r
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_profiles() {
        let z = vec![Zone::Inland; 4];
        let ok = PathProfile::new(
            vec![0.0, 1.0, 2.0, 3.0],
            vec![0.0; 4],
            vec![10.0; 4],
            z.clone(),
        )
        .unwrap();
        assert_eq!(ok.surface_m(), vec![0.0, 10.0, 10.0, 0.0]);
        assert!(
            PathProfile::new(
                vec![0.0, 1.0, 2.0],
                vec![0.0; 3],
                vec![0.0; 3],
                z[..3].to_vec()
            )
            .is_err()
        );
        assert!(
            PathProfile::new(
                vec![0.1, 1.0, 2.0, 3.0],
                vec![0.0; 4],
                vec![0.0; 4],
                z.clone()
            )
            .is_err()
        );
        let e = PathProfile::new(
            vec![0.0, 1.0, 1.0, 3.0],
            vec![0.0; 4],
            vec![0.0; 4],
            z.clone(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("point 3"), "{e}");
        assert!(
            PathProfile::new(vec![0.0, 1.0, 2.0, 3.0], vec![0.0; 4], vec![-1.0; 4], z).is_err()
        );
        assert_eq!(Zone::from_label("a1"), Some(Zone::CoastalLand));
        assert_eq!(Zone::from_code(3), Some(Zone::Sea));
    }
}
