//! Ground tracks (sub-satellite points) and their GeoJSON, split at the
//! antimeridian as RFC 7946 §3.1.9 asks.

use serde_json::{Value, json};

use crate::error::{OrbitError, Result};
use crate::frames::teme_to_itrf;
use crate::geodetic::geodetic_from_ecef;
use crate::propagate::Satellite;
use crate::time::UtcTime;

/// One sub-satellite point.
///
/// # Units
/// Degrees, km.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct TrackPoint {
    /// Time (UTC).
    pub time: UtcTime,
    /// Geodetic latitude, degrees.
    pub lat_deg: f64,
    /// Longitude, degrees east in (-180, 180].
    pub lon_deg: f64,
    /// Height above the WGS-84 ellipsoid, km.
    pub height_km: f64,
}

/// Sub-satellite points from `start` to `end` every `step_s` seconds (the
/// end included).
///
/// # Errors
/// [`OrbitError::InvalidInput`] for a bad window or step; propagation errors.
pub fn ground_track(
    sat: &Satellite,
    start: UtcTime,
    end: UtcTime,
    step_s: f64,
) -> Result<Vec<TrackPoint>> {
    let span = end.seconds_since(start);
    if span.is_nan()
        || span < 0.0
        || step_s.is_nan()
        || step_s <= 0.0
        || span / step_s > 10_000_000.0
    {
        return Err(OrbitError::InvalidInput(format!(
            "ground track needs start <= end and a positive step (got {span} s window, {step_s} s step)"
        )));
    }
    let n = (span / step_s).floor() as usize;
    let mut times: Vec<f64> = (0..=n).map(|i| i as f64 * step_s).collect();
    if times.last().is_some_and(|&t| t < span) {
        times.push(span);
    }
    times
        .into_iter()
        .map(|dt| {
            let t = start.plus_seconds(dt);
            let itrf = teme_to_itrf(&sat.propagate(t)?, t);
            let g = geodetic_from_ecef(itrf.position_km);
            Ok(TrackPoint {
                time: t,
                lat_deg: g.lat_deg,
                lon_deg: g.lon_deg,
                height_km: g.height_km,
            })
        })
        .collect()
}

/// Split a lon/lat polyline where it crosses ±180°: each crossing ends one
/// part at the antimeridian and starts the next on the other side, at the
/// linearly interpolated latitude. A step of more than 180° in longitude is
/// taken as a crossing.
pub fn split_antimeridian(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let mut parts: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for &(lon, lat) in points {
        if let Some(&(plon, plat)) = current.last() {
            let d = lon - plon;
            if d.abs() > 180.0 {
                // Unwrap the new point next to the previous one.
                let (edge, lon_u) = if d < 0.0 {
                    (180.0, lon + 360.0)
                } else {
                    (-180.0, lon - 360.0)
                };
                let f = if lon_u == plon {
                    0.0
                } else {
                    (edge - plon) / (lon_u - plon)
                };
                let lat_x = plat + f * (lat - plat);
                current.push((edge, lat_x));
                parts.push(std::mem::take(&mut current));
                current.push((-edge, lat_x));
            }
        }
        current.push((lon, lat));
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// A GeoJSON Feature (MultiLineString) of a ground track, split at the
/// antimeridian, with `properties`.
pub fn track_geojson(points: &[TrackPoint], properties: Value) -> Value {
    let lonlat: Vec<(f64, f64)> = points.iter().map(|p| (p.lon_deg, p.lat_deg)).collect();
    let lines: Vec<Vec<[f64; 2]>> = split_antimeridian(&lonlat)
        .into_iter()
        .map(|part| part.into_iter().map(|(lo, la)| [lo, la]).collect())
        .collect();
    json!({
        "type": "Feature",
        "geometry": { "type": "MultiLineString", "coordinates": lines },
        "properties": properties,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn wrap(lon: f64) -> f64 {
        let w = (lon + 180.0).rem_euclid(360.0) - 180.0;
        if w == -180.0 { 180.0 } else { w }
    }

    proptest! {
        #[test]
        fn split_parts_never_jump(start in -180.0f64..180.0, steps in proptest::collection::vec((-40.0f64..40.0, -5.0f64..5.0), 1..200)) {
            let mut lon = start;
            let mut lat = 0.0f64;
            let mut pts = vec![(wrap(lon), lat)];
            let mut crossings = 0;
            for (dlon, dlat) in steps {
                let before = lon;
                lon += dlon;
                lat = (lat + dlat).clamp(-80.0, 80.0);
                crossings += i64::from(((lon + 180.0) / 360.0).floor() != ((before + 180.0) / 360.0).floor());
                let w = wrap(lon);
                // A point exactly on ±180 is not a crossing of the wrapped line.
                pts.push((w, lat));
            }
            let parts = split_antimeridian(&pts);
            let total: usize = parts.iter().map(Vec::len).sum();
            prop_assert!(total >= pts.len());
            prop_assert!(parts.len() as i64 <= crossings + 1);
            for part in &parts {
                for w in part.windows(2) {
                    prop_assert!((w[1].0 - w[0].0).abs() <= 180.0, "{:?}", w);
                }
                for p in part {
                    prop_assert!((-180.0..=180.0).contains(&p.0));
                }
            }
        }
    }

    #[test]
    fn crossing_is_interpolated() {
        let parts = split_antimeridian(&[(170.0, 0.0), (-170.0, 10.0)]);
        assert_eq!(
            parts,
            vec![
                vec![(170.0, 0.0), (180.0, 5.0)],
                vec![(-180.0, 5.0), (-170.0, 10.0)]
            ]
        );
    }
}
