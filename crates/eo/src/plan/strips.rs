//! Ground strips: a request's area cut into bands parallel to the ground
//! track, fixed on the ground so that acquisitions from different passes
//! add up — the decomposition of the ROADEF 2003 challenge (Verfaillie,
//! Lemaître, Bataille & Agnèse, "Management of the mission of Earth
//! observation satellites", challenge description, ONERA/CNES 2002):
//! polygons are cut into strips of the instrument's width, each strip is
//! acquired whole or not at all, and the gain is the acquired share of the
//! area.

use crate::aoi::Aoi;

/// One band of a request's area.
#[derive(Debug, Clone, PartialEq)]
pub struct GroundStrip {
    /// Share of the area's samples in the band (0..1).
    pub fraction: f64,
    /// Representative points, (lon, lat) degrees: the band's extreme
    /// samples along and across the track and along two slanted axes, so
    /// that their roll range and time span bound the band's.
    pub points: Vec<[f64; 2]>,
}

/// Cut `aoi` into bands `width_km` wide parallel to the ground-track
/// heading `heading_deg` (clockwise from north). A point gives one strip.
pub fn ground_strips(aoi: &Aoi, heading_deg: f64, width_km: f64) -> Vec<GroundStrip> {
    if aoi.samples.len() == 1 {
        return vec![GroundStrip {
            fraction: 1.0,
            points: aoi.samples.clone(),
        }];
    }
    let (sh, ch) = heading_deg.to_radians().sin_cos();
    let along = [sh, ch];
    let across = [ch, -sh];
    let coords: Vec<(f64, f64)> = aoi
        .samples
        .iter()
        .map(|&s| {
            let xy = aoi.plane.to_xy(s);
            (
                xy[0] * across[0] + xy[1] * across[1],
                xy[0] * along[0] + xy[1] * along[1],
            )
        })
        .collect();
    let smin = coords.iter().map(|c| c.0).fold(f64::MAX, f64::min);
    let smax = coords.iter().map(|c| c.0).fold(f64::MIN, f64::max);
    let n = (((smax - smin) / width_km).ceil() as usize).max(1);
    let w = (smax - smin) / n as f64;
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, c) in coords.iter().enumerate() {
        let k = if w > 0.0 {
            (((c.0 - smin) / w) as usize).min(n - 1)
        } else {
            0
        };
        members[k].push(i);
    }
    let total = aoi.samples.len() as f64;
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|m| {
            let mut picks = Vec::new();
            let keys: [&dyn Fn(usize) -> f64; 4] = [
                &|i| coords[i].0,
                &|i| coords[i].1,
                &|i| coords[i].0 + 0.1 * coords[i].1,
                &|i| coords[i].0 - 0.1 * coords[i].1,
            ];
            for key in keys {
                let lo = m.iter().copied().min_by(|&a, &b| key(a).total_cmp(&key(b)));
                let hi = m.iter().copied().max_by(|&a, &b| key(a).total_cmp(&key(b)));
                picks.extend(lo);
                picks.extend(hi);
            }
            picks.sort_unstable();
            picks.dedup();
            GroundStrip {
                fraction: m.len() as f64 / total,
                points: picks.into_iter().map(|i| aoi.samples[i]).collect(),
            }
        })
        .collect()
}
