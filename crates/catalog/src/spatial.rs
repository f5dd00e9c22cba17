//! Spatial search: the `bbox` and `intersects` parameters.
//!
//! A bbox whose west edge is east of its east edge crosses the antimeridian
//! (STAC API Item Search and RFC 7946 §5.2): it is split into two boxes,
//! `[west, 180]` and `[-180, east]`. Matching is exact: after an index
//! pre-filter on the items' bounding boxes, an item matches when its GeoJSON
//! geometry intersects the query region (`geo`'s `Intersects`).

use geo::{BoundingRect, Geometry, Intersects, MultiPolygon, Rect, coord};
use serde_json::Value;

use crate::error::{CatalogError, Result};

/// Longitude/latitude box in degrees, west ≤ east (never crossing).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLatBox {
    /// West edge, degrees.
    pub west_deg: f64,
    /// South edge, degrees.
    pub south_deg: f64,
    /// East edge, degrees.
    pub east_deg: f64,
    /// North edge, degrees.
    pub north_deg: f64,
}

impl LonLatBox {
    fn to_rect(self) -> Rect<f64> {
        Rect::new(
            coord! { x: self.west_deg, y: self.south_deg },
            coord! { x: self.east_deg, y: self.north_deg },
        )
    }
}

/// A spatial query region.
#[derive(Debug, Clone)]
pub struct Region {
    /// Boxes used to pre-filter items by their stored bounding boxes.
    pub boxes: Vec<LonLatBox>,
    /// Exact geometry the item geometry must intersect.
    pub geometry: Geometry<f64>,
}

impl Region {
    /// Region of a STAC bbox: 4 numbers `[w, s, e, n]` or 6 numbers
    /// `[w, s, zmin, e, n, zmax]` (heights ignored).
    ///
    /// # Examples
    ///
    /// ```
    /// use silkway_catalog::spatial::Region;
    /// // Fiji: west edge east of the east edge, so the box crosses 180°.
    /// let fiji = Region::from_bbox(&[177.0, -19.0, -178.0, -16.0], "bbox").unwrap();
    /// assert_eq!(fiji.boxes.len(), 2);
    /// assert!(Region::from_bbox(&[0.0, 1.0, 1.0, 0.0], "bbox").is_err());
    /// ```
    pub fn from_bbox(values: &[f64], parameter: &str) -> Result<Region> {
        let bad = |detail: String| CatalogError::bad(parameter, detail);
        let (w, s, e, n) = match values {
            [w, s, e, n] => (*w, *s, *e, *n),
            [w, s, zmin, e, n, zmax] => {
                if zmin > zmax {
                    return Err(bad(format!("minimum height {zmin} exceeds maximum {zmax}")));
                }
                (*w, *s, *e, *n)
            }
            _ => {
                return Err(bad(format!(
                    "expected 4 or 6 numbers (west,south,east,north), found {}",
                    values.len()
                )));
            }
        };
        if values.iter().any(|v| !v.is_finite()) {
            return Err(bad("coordinates must be finite numbers".into()));
        }
        for (name, lon) in [("west", w), ("east", e)] {
            if !(-180.0..=180.0).contains(&lon) {
                return Err(bad(format!(
                    "{name} longitude {lon} is outside [-180, 180]"
                )));
            }
        }
        for (name, lat) in [("south", s), ("north", n)] {
            if !(-90.0..=90.0).contains(&lat) {
                return Err(bad(format!("{name} latitude {lat} is outside [-90, 90]")));
            }
        }
        if s > n {
            return Err(bad(format!(
                "south latitude {s} is north of north latitude {n}"
            )));
        }
        let boxes = if w <= e {
            vec![LonLatBox {
                west_deg: w,
                south_deg: s,
                east_deg: e,
                north_deg: n,
            }]
        } else {
            vec![
                LonLatBox {
                    west_deg: w,
                    south_deg: s,
                    east_deg: 180.0,
                    north_deg: n,
                },
                LonLatBox {
                    west_deg: -180.0,
                    south_deg: s,
                    east_deg: e,
                    north_deg: n,
                },
            ]
        };
        let geometry = Geometry::MultiPolygon(MultiPolygon(
            boxes.iter().map(|b| b.to_rect().to_polygon()).collect(),
        ));
        Ok(Region { boxes, geometry })
    }

    /// Region of a GeoJSON geometry object (the `intersects` parameter).
    pub fn from_geojson(value: &Value, parameter: &str) -> Result<Region> {
        let geometry =
            geometry_from_json(value).map_err(|detail| CatalogError::bad(parameter, detail))?;
        let rect = geometry
            .bounding_rect()
            .ok_or_else(|| CatalogError::bad(parameter, "the geometry is empty"))?;
        Ok(Region {
            boxes: vec![LonLatBox {
                west_deg: rect.min().x,
                south_deg: rect.min().y,
                east_deg: rect.max().x,
                north_deg: rect.max().y,
            }],
            geometry,
        })
    }

    /// Whether `item_geometry` intersects this region.
    pub fn intersects(&self, item_geometry: &Geometry<f64>) -> bool {
        self.geometry.intersects(item_geometry)
    }
}

/// Parses a GeoJSON geometry object into a `geo` geometry, with an error
/// message saying what was wrong.
pub fn geometry_from_json(value: &Value) -> std::result::Result<Geometry<f64>, String> {
    if !value.is_object() {
        return Err(format!("expected a GeoJSON geometry object, found {value}"));
    }
    let geometry = geojson::Geometry::from_json_value(value.clone())
        .map_err(|e| format!("not a GeoJSON geometry: {e}"))?;
    let geometry: Geometry<f64> = geometry
        .try_into()
        .map_err(|e| format!("unsupported GeoJSON geometry: {e}"))?;
    let mut bad_coordinate = None;
    geo::CoordsIter::coords_iter(&geometry).for_each(|c| {
        if bad_coordinate.is_none()
            && (!c.x.is_finite()
                || !c.y.is_finite()
                || !(-180.0..=180.0).contains(&c.x)
                || !(-90.0..=90.0).contains(&c.y))
        {
            bad_coordinate = Some(c);
        }
    });
    if let Some(c) = bad_coordinate {
        return Err(format!(
            "coordinate ({}, {}) is outside longitude [-180, 180] / latitude [-90, 90]",
            c.x, c.y
        ));
    }
    Ok(geometry)
}

/// Bounding box `[west, south, east, north]` of a geometry, degrees.
pub fn bbox_of(geometry: &Geometry<f64>) -> Option<[f64; 4]> {
    geometry
        .bounding_rect()
        .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y])
}

/// Parses a GET `bbox` value: comma-separated numbers, no brackets.
pub fn parse_bbox_csv(text: &str, parameter: &str) -> Result<Vec<f64>> {
    text.split(',')
        .map(|part| {
            part.trim().parse::<f64>().map_err(|_| {
                CatalogError::bad(
                    parameter,
                    format!("expected comma-separated numbers, found {part:?} in {text:?}"),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn antimeridian_bbox_splits_in_two() {
        let r = Region::from_bbox(&[170.0, -10.0, -170.0, 10.0], "bbox").unwrap();
        assert_eq!(r.boxes.len(), 2);
        let east_side =
            geometry_from_json(&json!({"type":"Point","coordinates":[175.0, 0.0]})).unwrap();
        let west_side =
            geometry_from_json(&json!({"type":"Point","coordinates":[-175.0, 0.0]})).unwrap();
        let outside =
            geometry_from_json(&json!({"type":"Point","coordinates":[0.0, 0.0]})).unwrap();
        assert!(r.intersects(&east_side));
        assert!(r.intersects(&west_side));
        assert!(!r.intersects(&outside));
    }

    #[test]
    fn bad_boxes_are_rejected() {
        assert!(Region::from_bbox(&[0.0, 1.0, 1.0, 0.0], "bbox").is_err());
        assert!(Region::from_bbox(&[0.0, 0.0, 1.0], "bbox").is_err());
        assert!(Region::from_bbox(&[0.0, 0.0, 200.0, 1.0], "bbox").is_err());
        assert!(parse_bbox_csv("[1,2,3,4]", "bbox").is_err());
    }
}
