//! Filled contour bands (isobands) of a quantity over a regular
//! latitude/longitude grid, as GeoJSON (RFC 7946) — the map layer of
//! `silkway link map`.

use contour::ContourBuilder;
use serde_json::{Value, json};

use crate::error::{Error, Result};

/// Isobands of `values` (row-major: all longitudes of the first latitude
/// first) over the grid `lats_deg × lons_deg` (both evenly spaced and
/// increasing), between consecutive `thresholds`.
///
/// Grid points with no value (`None`: e.g. below the model's minimum
/// elevation) are treated as above every threshold, so no band covers them.
/// Each feature's properties carry `min` and `max` of its band.
///
/// # Errors
/// [`Error::Contour`] when the grid is smaller than 2 × 2, not increasing,
/// the values do not match it, or fewer than two thresholds are given.
pub fn isobands_geojson(
    lats_deg: &[f64],
    lons_deg: &[f64],
    values: &[Option<f64>],
    thresholds: &[f64],
) -> Result<Value> {
    let invalid = |message: String| Error::Contour { message };
    if lats_deg.len() < 2 || lons_deg.len() < 2 {
        return Err(invalid("a contour map needs at least a 2 x 2 grid".into()));
    }
    if values.len() != lats_deg.len() * lons_deg.len() {
        return Err(invalid(format!(
            "{} values for a {} x {} grid",
            values.len(),
            lats_deg.len(),
            lons_deg.len()
        )));
    }
    let increasing = |v: &[f64]| v.windows(2).all(|w| w[1] > w[0]);
    if !increasing(lats_deg) || !increasing(lons_deg) {
        return Err(invalid(
            "grid latitudes and longitudes must increase".into(),
        ));
    }
    if thresholds.len() < 2 || !increasing(thresholds) || thresholds.iter().any(|t| !t.is_finite())
    {
        return Err(invalid(
            "give at least two increasing, finite thresholds".into(),
        ));
    }
    let above_all = thresholds[thresholds.len() - 1] + 1.0e3;
    let grid: Vec<f64> = values
        .iter()
        .map(|v| v.filter(|x| x.is_finite()).unwrap_or(above_all))
        .collect();
    // The builder treats values as pixels centred half a step from its
    // origin: shift the origin so the samples sit on the grid nodes, and
    // interpolate linearly between them (so the outer edge of the map lies
    // half a grid step outside the outermost nodes).
    let (dx, dy) = (lons_deg[1] - lons_deg[0], lats_deg[1] - lats_deg[0]);
    let builder = ContourBuilder::new(lons_deg.len(), lats_deg.len(), true)
        .x_origin(lons_deg[0] - dx / 2.0)
        .y_origin(lats_deg[0] - dy / 2.0)
        .x_step(dx)
        .y_step(dy);
    let bands = builder
        .isobands(&grid, thresholds)
        .map_err(|e| invalid(format!("contouring failed: {e}")))?;
    let features: Vec<Value> = bands
        .iter()
        .filter(|b| !b.geometry().0.is_empty())
        .map(|b| {
            let polygons: Vec<Value> = b
                .geometry()
                .0
                .iter()
                .map(|poly| {
                    let ring = |r: &geo_types::LineString<f64>| {
                        Value::Array(r.0.iter().map(|c| json!([c.x, c.y])).collect())
                    };
                    let mut rings = vec![ring(poly.exterior())];
                    rings.extend(poly.interiors().iter().map(ring));
                    Value::Array(rings)
                })
                .collect();
            json!({
                "type": "Feature",
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
                "properties": {"min": b.min_v(), "max": b.max_v()},
            })
        })
        .collect();
    Ok(json!({"type": "FeatureCollection", "features": features}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ramp_gives_one_band_per_threshold_pair() {
        // Value = longitude index: 0..4 over 5 columns, 3 rows.
        let lats = [40.0, 41.0, 42.0];
        let lons = [44.0, 45.0, 46.0, 47.0, 48.0];
        let values: Vec<Option<f64>> = (0..15).map(|k| Some((k % 5) as f64)).collect();
        let fc = isobands_geojson(&lats, &lons, &values, &[0.0, 2.0, 4.0]).unwrap();
        let features = fc["features"].as_array().unwrap();
        assert_eq!(features.len(), 2);
        // The first band holds values 0..2: its exterior is the whole map
        // (43.5..48.5 with the half-step margin) and its hole, the region at
        // or above 2, starts on the 2-valued column, longitude 46.
        let rings = features[0]["geometry"]["coordinates"][0]
            .as_array()
            .unwrap();
        let span = |ring: &serde_json::Value| {
            ring.as_array()
                .unwrap()
                .iter()
                .map(|c| c[0].as_f64().unwrap())
                .fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)))
        };
        let (lo, hi) = span(&rings[0]);
        assert!(
            (lo - 43.5).abs() < 1e-9 && (hi - 48.5).abs() < 1e-9,
            "{lo} {hi}"
        );
        let (hole_lo, _) = span(&rings[1]);
        assert!((hole_lo - 46.0).abs() < 1e-9, "{hole_lo}");
    }

    #[test]
    fn bad_grids_are_errors() {
        assert!(isobands_geojson(&[1.0], &[1.0, 2.0], &[Some(1.0); 2], &[0.0, 1.0]).is_err());
        assert!(isobands_geojson(&[1.0, 2.0], &[1.0, 2.0], &[Some(1.0); 3], &[0.0, 1.0]).is_err());
        assert!(isobands_geojson(&[2.0, 1.0], &[1.0, 2.0], &[Some(1.0); 4], &[0.0, 1.0]).is_err());
        assert!(isobands_geojson(&[1.0, 2.0], &[1.0, 2.0], &[Some(1.0); 4], &[1.0]).is_err());
    }
}
