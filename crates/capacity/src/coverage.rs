//! Beam coverage: the contour level of a beam at a site.
//!
//! Contours are polygons in longitude/latitude with a level relative to
//! the beam peak; a site takes the highest level whose polygon contains it.
//! Treating lon/lat as plane coordinates is adequate for the coarse,
//! illustrative contours a scenario carries (no polygon crosses ±180°).
//!
//! # References
//! Maral & Bousquet, 5th ed., §9.2 (coverage, EIRP and G/T contours).

use silkway_model::Beam;

/// Whether (`lon_deg`, `lat_deg`) lies inside `polygon` (`[[lon, lat], ...]`),
/// by the even-odd ray-casting rule. Points on an edge may go either way.
///
/// # Examples
/// ```
/// let square = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
/// assert!(silkway_capacity::coverage::contains(&square, 5.0, 5.0));
/// assert!(!silkway_capacity::coverage::contains(&square, 15.0, 5.0));
/// ```
pub fn contains(polygon: &[[f64; 2]], lon_deg: f64, lat_deg: f64) -> bool {
    let n = polygon.len();
    if n < 3 {
        return false;
    }
    let mut inside = false;
    let mut j = n - 1;
    for i in 0..n {
        let [xi, yi] = polygon[i];
        let [xj, yj] = polygon[j];
        if (yi > lat_deg) != (yj > lat_deg) {
            let x_cross = xj + (lat_deg - yj) * (xi - xj) / (yi - yj);
            if lon_deg < x_cross {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Level of `beam` at a site relative to its peak, dB (≤ 0), or `None`
/// when the site is outside every contour.
pub fn level_db(beam: &Beam, lat_deg: f64, lon_deg: f64) -> Option<f64> {
    beam.contours
        .iter()
        .filter(|c| contains(&c.polygon, lon_deg, lat_deg))
        .map(|c| c.level_db)
        .max_by(f64::total_cmp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use silkway_model::BeamContour;

    fn beam() -> Beam {
        let sq = |a: f64| vec![[-a, -a], [a, -a], [a, a], [-a, a]];
        Beam {
            id: "b".into(),
            satellite: "s".into(),
            name: "b".into(),
            contours: vec![
                BeamContour {
                    level_db: -4.0,
                    polygon: sq(30.0),
                },
                BeamContour {
                    level_db: 0.0,
                    polygon: sq(10.0),
                },
                BeamContour {
                    level_db: -2.0,
                    polygon: sq(20.0),
                },
            ],
            illustrative: true,
            source: None,
        }
    }

    #[test]
    fn highest_containing_contour_wins() {
        let b = beam();
        assert_eq!(level_db(&b, 0.0, 0.0), Some(0.0));
        assert_eq!(level_db(&b, 15.0, 0.0), Some(-2.0));
        assert_eq!(level_db(&b, 0.0, -25.0), Some(-4.0));
        assert_eq!(level_db(&b, 40.0, 0.0), None);
    }

    #[test]
    fn concave_polygon() {
        // An L shape: the notch (7, 7) is outside.
        let l = [
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 5.0],
            [5.0, 5.0],
            [5.0, 10.0],
            [0.0, 10.0],
        ];
        assert!(contains(&l, 2.0, 8.0));
        assert!(!contains(&l, 7.0, 7.0));
        assert!(!contains(&l[..2], 1.0, 0.0));
    }
}
