//! Azimuth-dependent elevation masks (terrain/obstruction horizons).

use crate::error::{OrbitError, Result};

/// A horizon mask: minimum elevation as a piecewise-linear function of
/// azimuth, wrapping around north.
///
/// # Units
/// Degrees (azimuth clockwise from north).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ElevationMask {
    points: Vec<(f64, f64)>,
}

impl ElevationMask {
    /// A mask through `(azimuth_deg, elevation_deg)` points (any order).
    ///
    /// # Errors
    /// [`OrbitError::InvalidInput`] when empty or out of range.
    pub fn new(mut points: Vec<(f64, f64)>) -> Result<Self> {
        if points.is_empty() {
            return Err(OrbitError::InvalidInput(
                "an elevation mask needs at least one point".into(),
            ));
        }
        for &(az, el) in &points {
            if !(0.0..360.0).contains(&az) || !(-90.0..=90.0).contains(&el) {
                return Err(OrbitError::InvalidInput(format!(
                    "mask point azimuth {az} / elevation {el}: azimuth must be in [0, 360) and elevation in [-90, 90] degrees"
                )));
            }
        }
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        Ok(Self { points })
    }

    /// Parse `AZ/EL,AZ/EL,...` (degrees), e.g. `0/5,90/12,180/5,270/20`.
    ///
    /// # Errors
    /// [`OrbitError::InvalidInput`] naming the bad item.
    pub fn parse(text: &str) -> Result<Self> {
        let mut points = Vec::new();
        for item in text.split(',') {
            let bad = || {
                OrbitError::InvalidInput(format!(
                    "mask item {item:?}: expected AZIMUTH_DEG/ELEVATION_DEG such as 90/12"
                ))
            };
            let (az, el) = item.trim().split_once('/').ok_or_else(bad)?;
            let az: f64 = az.trim().parse().map_err(|_| bad())?;
            let el: f64 = el.trim().parse().map_err(|_| bad())?;
            points.push((az, el));
        }
        Self::new(points)
    }

    /// Mask elevation at an azimuth, degrees (linear between points, wrapping).
    pub fn elevation_deg(&self, azimuth_deg: f64) -> f64 {
        let az = azimuth_deg.rem_euclid(360.0);
        let p = &self.points;
        let n = p.len();
        let idx = p.partition_point(|q| q.0 <= az);
        let (lo, hi) = if idx == 0 || idx == n {
            (p[n - 1], p[0])
        } else {
            (p[idx - 1], p[idx])
        };
        let span = (hi.0 - lo.0).rem_euclid(360.0);
        if span == 0.0 {
            return lo.1;
        }
        let x = (az - lo.0).rem_euclid(360.0) / span;
        lo.1 + x * (hi.1 - lo.1)
    }

    /// Lowest elevation anywhere on the mask, degrees.
    pub fn min_elevation_deg(&self) -> f64 {
        self.points
            .iter()
            .map(|p| p.1)
            .fold(f64::INFINITY, f64::min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_and_wraps() {
        let m = ElevationMask::parse("0/10,90/20,270/0").unwrap();
        assert!((m.elevation_deg(45.0) - 15.0).abs() < 1e-12);
        assert!((m.elevation_deg(315.0) - 5.0).abs() < 1e-12);
        assert!((m.elevation_deg(360.0) - 10.0).abs() < 1e-12);
        assert_eq!(m.min_elevation_deg(), 0.0);
        assert!(ElevationMask::parse("0/10,x").is_err());
    }
}
