//! The embedded polyline/polygon CSVs (`group,lon_deg,lat_deg`, header
//! first): consecutive rows with the same group id form one line or ring.

use crate::error::{Error, Result};

/// One group: its id and its `(lon_deg, lat_deg)` vertices.
pub(crate) type LonLatGroup = (String, Vec<(f64, f64)>);

/// Runs of `(lon_deg, lat_deg)` vertices per group id, in file order.
/// `group` names the first column in error messages (`segment`, `ring`).
///
/// # Errors
/// [`Error::Parse`] naming the line and the field; no vertices at all.
pub(crate) fn grouped_lon_lat(text: &str, origin: &str, group: &str) -> Result<Vec<LonLatGroup>> {
    let mut groups: Vec<LonLatGroup> = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |m: &str| Error::Parse {
            origin: origin.to_owned(),
            message: format!("line {}: {m}, found {line:?}", n + 1),
        };
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 3 {
            return Err(bad(&format!("expected {group},lon_deg,lat_deg")));
        }
        let lon: f64 = f[1].trim().parse().map_err(|_| bad("lon_deg: a number"))?;
        let lat: f64 = f[2].trim().parse().map_err(|_| bad("lat_deg: a number"))?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(bad("coordinates out of range"));
        }
        match groups.last_mut() {
            Some((id, pts)) if id == f[0] => pts.push((lon, lat)),
            _ => groups.push((f[0].to_owned(), vec![(lon, lat)])),
        }
    }
    if groups.is_empty() {
        return Err(Error::Parse {
            origin: origin.to_owned(),
            message: "no vertices".into(),
        });
    }
    Ok(groups)
}
