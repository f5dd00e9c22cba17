//! Deterministic SPOT 6/7-like archive scenes over the Caspian region, for
//! the standalone example, the validator run, the tests and the load bench.
//!
//! Made up here, not copied: scene centres are drawn uniformly over
//! [`crate::seed::CASPIAN_BBOX`] by a SplitMix64 generator; each footprint is
//! a 60 km wide strip 60–120 km long, rotated to the descending ground-track
//! heading of a 98.2°-inclined sun-synchronous orbit; acquisitions happen
//! near the 10:00 local-time descending node; sun angles follow the usual
//! declination/hour-angle approximation.
//!
//! # References
//! - Airbus DS, *SPOT 6/7 Imagery User Guide* (2013): 60 km swath, 1.5 m
//!   panchromatic / 6 m multispectral, 694 km altitude, 98.2° inclination,
//!   10:00 descending node.
//! - Spencer-style declination: δ ≈ 23.44° sin(360°(N − 81)/365).

use serde_json::{Value, json};

use crate::datetime::format_rfc3339;
use crate::document::STAC_VERSION;
use crate::seed::{ARCHIVE_COLLECTION, CASPIAN_BBOX};

/// STAC EO extension schema URL.
pub const EO_EXTENSION: &str = "https://stac-extensions.github.io/eo/v2.0.0/schema.json";
/// STAC View extension schema URL.
pub const VIEW_EXTENSION: &str = "https://stac-extensions.github.io/view/v1.0.0/schema.json";

const KM_PER_DEG_LAT: f64 = 111.32;
const SWATH_KM: f64 = 60.0;
const INCLINATION_DEG: f64 = 98.2;
/// 2024-01-01T00:00:00Z in µs.
const ARCHIVE_START_US: i64 = 1_704_067_200_000_000;
/// 2026-07-01T00:00:00Z in µs.
const ARCHIVE_END_US: i64 = 1_782_864_000_000_000;

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, deterministic, good enough to
/// scatter sample scenes.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
}

/// Sun elevation and azimuth (degrees) at `lat_deg`, `lon_deg` and time
/// `us` (µs since the epoch), from the declination/hour-angle approximation.
pub fn sun_angles_deg(lat_deg: f64, lon_deg: f64, us: i64) -> (f64, f64) {
    let days = us as f64 / 86_400e6;
    let day_of_year = days.rem_euclid(365.2422) + 1.0;
    let utc_hours = days.fract() * 24.0;
    let declination =
        (23.44f64).to_radians() * ((360.0 / 365.0) * (day_of_year - 81.0)).to_radians().sin();
    let hour_angle = (15.0 * (utc_hours + lon_deg / 15.0 - 12.0)).to_radians();
    let lat = lat_deg.to_radians();
    let sin_el = lat.sin() * declination.sin() + lat.cos() * declination.cos() * hour_angle.cos();
    let elevation = sin_el.asin();
    let cos_az = (declination.sin() - elevation.sin() * lat.sin()) / (elevation.cos() * lat.cos());
    let mut azimuth = cos_az.clamp(-1.0, 1.0).acos().to_degrees();
    if hour_angle.sin() > 0.0 {
        azimuth = 360.0 - azimuth;
    }
    (elevation.to_degrees(), azimuth)
}

/// Footprint polygon ring of a strip centred at (`lon`, `lat`), `length_km`
/// along a track of heading `heading_deg` (clockwise from north).
fn strip_ring(lon: f64, lat: f64, length_km: f64, heading_deg: f64) -> Vec<[f64; 2]> {
    let (s, c) = heading_deg.to_radians().sin_cos();
    let km_per_deg_lon = KM_PER_DEG_LAT * lat.to_radians().cos();
    let corner = |along: f64, across: f64| {
        // along-track unit vector (east, north) = (sin h, cos h); across = (cos h, −sin h)
        let east_km = along * s + across * c;
        let north_km = along * c - across * s;
        let x = lon + east_km / km_per_deg_lon;
        let y = lat + north_km / KM_PER_DEG_LAT;
        [(x * 1e6).round() / 1e6, (y * 1e6).round() / 1e6]
    };
    let (a, w) = (length_km / 2.0, SWATH_KM / 2.0);
    let ring = vec![corner(a, -w), corner(a, w), corner(-a, w), corner(-a, -w)];
    // GeoJSON exterior rings are counter-clockwise (RFC 7946 §3.1.6).
    let area2: f64 = (0..4)
        .map(|i| {
            let (p, q) = (ring[i], ring[(i + 1) % 4]);
            p[0] * q[1] - q[0] * p[1]
        })
        .sum();
    let mut ring = if area2 < 0.0 {
        ring.into_iter().rev().collect()
    } else {
        ring
    };
    ring.push(ring[0]);
    ring
}

/// `count` archive items of the `spot6-7` collection, the same for the same
/// `seed`.
pub fn archive_items(count: usize, seed: u64) -> Vec<Value> {
    let mut rng = SplitMix64(seed);
    let span_us = (ARCHIVE_END_US - ARCHIVE_START_US) as f64;
    (0..count)
        .map(|i| {
            let lon = rng.range(CASPIAN_BBOX[0] + 1.0, CASPIAN_BBOX[2] - 1.0);
            let lat = rng.range(CASPIAN_BBOX[1] + 1.0, CASPIAN_BBOX[3] - 1.0);
            let day_us = ARCHIVE_START_US
                + ((rng.unit() * span_us) as i64 / 86_400_000_000) * 86_400_000_000;
            // Descending node at 10:00 mean local solar time, ±20 min of latitude drift.
            let local_hours = 10.0 + rng.range(-0.33, 0.33);
            let utc_hours = (local_hours - lon / 15.0).rem_euclid(24.0);
            let us = day_us + (utc_hours * 3_600e6) as i64;
            let platform = if rng.unit() < 0.5 { "spot-6" } else { "spot-7" };
            let length_km = if rng.unit() < 0.6 {
                60.0
            } else {
                rng.range(60.0, 120.0).round()
            };
            // Descending pass: heading 180° − asin(cos i / cos φ).
            let heading = 180.0
                - ((INCLINATION_DEG.to_radians().cos()) / lat.to_radians().cos())
                    .asin()
                    .to_degrees();
            let ring = strip_ring(lon, lat, length_km, heading);
            let off_nadir = (rng.unit().powi(2) * 30.0 * 100.0).round() / 100.0;
            // Incidence at the ground exceeds the off-nadir angle at the
            // satellite by the Earth-centre angle (694 km altitude).
            let r_ratio = 6378.137 / (6378.137 + 694.0);
            let incidence = (off_nadir.to_radians().sin() / r_ratio).asin().to_degrees();
            let cloud = (rng.unit().powi(3) * 100.0 * 10.0).round() / 10.0;
            let (sun_el, sun_az) = sun_angles_deg(lat, lon, us);
            let datetime = format_rfc3339(us);
            let compact: String = datetime
                .chars()
                .filter(char::is_ascii_digit)
                .take(14)
                .collect();
            let sat = if platform == "spot-6" {
                "spot6"
            } else {
                "spot7"
            };
            let id = format!("{sat}_{}_{}_{:04}", &compact[..8], &compact[8..14], i);
            let xs: Vec<f64> = ring.iter().map(|p| p[0]).collect();
            let ys: Vec<f64> = ring.iter().map(|p| p[1]).collect();
            let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
            let max = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            json!({
                "type": "Feature",
                "stac_version": STAC_VERSION,
                "stac_extensions": [EO_EXTENSION, VIEW_EXTENSION],
                "id": id,
                "collection": ARCHIVE_COLLECTION,
                "bbox": [min(&xs), min(&ys), max(&xs), max(&ys)],
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {
                    "datetime": datetime,
                    "platform": platform,
                    "constellation": "spot",
                    "instruments": ["naomi"],
                    "gsd": 1.5,
                    "eo:cloud_cover": cloud,
                    "view:off_nadir": off_nadir,
                    "view:incidence_angle": (incidence * 100.0).round() / 100.0,
                    "view:sun_elevation": (sun_el * 100.0).round() / 100.0,
                    "view:sun_azimuth": (sun_az * 100.0).round() / 100.0,
                    "silkway:strip_length_km": length_km
                },
                "assets": {
                    "data": {
                        "href": format!("s3://silkway-eo-archive/spot6-7/{id}/{id}_PMS.tif"),
                        "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                        "title": "Pan-sharpened scene (4 bands, 1.5 m)",
                        "roles": ["data"]
                    },
                    "metadata": {
                        "href": format!("s3://silkway-eo-archive/spot6-7/{id}/DIM_{id}.XML"),
                        "type": "application/xml",
                        "title": "DIMAP metadata",
                        "roles": ["metadata"]
                    }
                },
                "links": []
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_inside_the_region() {
        let a = archive_items(50, 7);
        assert_eq!(a, archive_items(50, 7));
        for item in &a {
            let b = item["bbox"].as_array().unwrap();
            assert!(
                b[0].as_f64().unwrap() > CASPIAN_BBOX[0]
                    && b[2].as_f64().unwrap() < CASPIAN_BBOX[2]
            );
            let sun = item["properties"]["view:sun_elevation"].as_f64().unwrap();
            // Mid-morning at 36–48° N: the sun is up all year.
            assert!((5.0..80.0).contains(&sun), "sun elevation {sun}");
        }
    }

    #[test]
    fn sun_at_equinox_noon_on_the_equator_is_overhead() {
        // 2025-03-20T12:00:00Z, (0°, 0°): declination ≈ 0, hour angle ≈ 0.
        let (el, _) = sun_angles_deg(0.0, 0.0, 1_742_472_000_000_000);
        assert!(el > 88.0, "{el}");
    }
}
