//! Positions on the WGS84 ellipsoid and great-circle distance.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Mean Earth radius R1 = (2a + b)/3 of WGS84, km (IUGG; the figure used
/// for great-circle distances throughout silkway, see FACTS.md).
pub const MEAN_EARTH_RADIUS_KM: f64 = 6371.0088;

/// A geodetic position (WGS84).
///
/// # Units
/// Degrees north and east, metres above the ellipsoid.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GeoPoint {
    /// Geodetic latitude, degrees north (−90..90).
    pub lat_deg: f64,
    /// Longitude, degrees east (−180..180).
    pub lon_deg: f64,
    /// Height above the WGS84 ellipsoid, metres.
    #[serde(default)]
    pub alt_m: f64,
}

/// Great-circle distance between two points by the haversine formula on a
/// sphere of radius [`MEAN_EARTH_RADIUS_KM`].
///
/// # Examples
/// ```
/// use silkway_model::geo::haversine_km;
/// // Aktau – Siyazan, the TCFO main route's landing points (~300 km straight).
/// let d = haversine_km(43.65, 51.17, 41.08, 49.11);
/// assert!((d - 336.0).abs() < 5.0, "{d}");
/// ```
pub fn haversine_km(lat1_deg: f64, lon1_deg: f64, lat2_deg: f64, lon2_deg: f64) -> f64 {
    let (p1, p2) = (lat1_deg.to_radians(), lat2_deg.to_radians());
    let dp = p2 - p1;
    let dl = (lon2_deg - lon1_deg).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * MEAN_EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_meridian() {
        let d = haversine_km(0.0, 0.0, 90.0, 0.0);
        assert!((d - MEAN_EARTH_RADIUS_KM * std::f64::consts::FRAC_PI_2).abs() < 1e-9);
    }

    #[test]
    fn antipodes_do_not_produce_nan() {
        let d = haversine_km(0.0, 0.0, 0.0, 180.0);
        assert!((d - MEAN_EARTH_RADIUS_KM * std::f64::consts::PI).abs() < 1e-6);
    }
}
