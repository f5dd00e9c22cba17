//! Imaging access: for each area of interest, satellite and pass, the roll
//! that brings the area under the swath, the strips a large area is cut
//! into, each strip's footprint on the WGS-84 ellipsoid, its incidence and
//! sun elevation, and the fraction of the area it covers.
//!
//! # Method
//! - Passes near the area come from the orbit crate's pass finder on the
//!   area's centre ([`crate::timing::pass_spans`]).
//! - Every sample point of the area (a uniform grid, [`crate::aoi`]) gets its
//!   broadside instant (pitch 0) and the roll needed then
//!   ([`crate::geom::pointing`]).
//! - The samples' roll range is cut into the fewest strips of equal roll
//!   spacing whose width, the instrument's cross-track field of view
//!   (2 × half-FOV from the nadir swath) less an overlap margin, covers it;
//!   a strip is a constant-roll pushbroom acquisition at pitch 0 from the
//!   first to the last broadside instant of the samples it covers (a point
//!   target gets a standard scene, one swath long). Strips beyond the roll
//!   limit are pulled back to the limit and cover what they still reach.
//! - The footprint is traced like Orekit's `FieldOfViewDetector` /
//!   footprint: the two edge rays (roll ± half-FOV) intersected with the
//!   ellipsoid ([`crate::geom::ellipsoid`]) along the strip's duration.
//! - Incidence and sun elevation are taken at the strip's centre (the
//!   boresight's ground point at mid-strip); the point window is the agility
//!   window of the area's centre: |pitch| within the pitch limit, with the
//!   roll at broadside within the roll limit.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};
use silkway_orbit::UtcTime;
use silkway_orbit::aer::Observer;
use silkway_orbit::geodetic::{ecef_from_geodetic, geodetic_from_ecef};
use silkway_orbit::sun::sun_elevation_deg;

use crate::aoi::Aoi;
use crate::error::Error;
use crate::fleet::EoSatellite;
use crate::geom::ellipsoid::{ground_point, incidence_deg};
use crate::geom::pointing::{PointingFrame, half_fov_deg};
use crate::geom::vec3::norm;
use crate::timing::{PassSpan, look, pass_spans, pitch_crossing};

/// Settings of an access computation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AccessOptions {
    /// Use the extended roll limit instead of the standard one.
    pub extended_roll: bool,
    /// Share of the swath kept as overlap between adjacent strips (0..0.5).
    pub strip_overlap: f64,
}

impl Default for AccessOptions {
    fn default() -> Self {
        Self {
            extended_roll: false,
            strip_overlap: 0.1,
        }
    }
}

/// One strip of an area in one pass.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StripAccess {
    /// Index within the pass (0 = leftmost, smallest roll).
    pub index: usize,
    /// Roll of the acquisition, degrees (positive: right of the track).
    pub roll_deg: f64,
    /// Start of the acquisition.
    pub start: UtcTime,
    /// End of the acquisition.
    pub end: UtcTime,
    /// Duration, s.
    pub duration_s: f64,
    /// Incidence at the strip's centre, degrees.
    pub incidence_deg: f64,
    /// Sun elevation at the strip's centre, degrees.
    pub sun_elevation_deg: f64,
    /// Fraction of the area's samples inside this strip (0..1).
    pub coverage_fraction: f64,
    /// Within the sensor's sun and incidence limits.
    pub feasible: bool,
    /// Limits violated (empty when feasible).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
    /// Footprint ring, (lon, lat) degrees, closed.
    pub footprint: Vec<[f64; 2]>,
}

/// One pass of one satellite over one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opportunity {
    /// Area id.
    pub aoi: String,
    /// Satellite id.
    pub satellite: String,
    /// NORAD catalog number.
    pub norad_id: u32,
    /// Sensor id.
    pub sensor: String,
    /// Broadside instant of the area's centre.
    pub broadside: UtcTime,
    /// Start of the centre's agility window (pitch at +limit).
    pub window_start: UtcTime,
    /// End of the centre's agility window (pitch at −limit).
    pub window_end: UtcTime,
    /// Roll to the centre at broadside, degrees.
    pub roll_deg: f64,
    /// Incidence at the centre at broadside, degrees.
    pub incidence_deg: f64,
    /// Sun elevation at the centre at broadside, degrees.
    pub sun_elevation_deg: f64,
    /// Fraction of the area covered by the feasible strips together.
    pub coverage_fraction: f64,
    /// The strips.
    pub strips: Vec<StripAccess>,
}

/// All opportunities of `sats` over `aois` with broadside in `[start, end]`,
/// sorted by area, then time.
///
/// # Errors
/// Propagation or pass-search failures.
pub fn access(
    sats: &[EoSatellite],
    aois: &[Aoi],
    start: UtcTime,
    end: UtcTime,
    opts: &AccessOptions,
) -> Result<Vec<Opportunity>, Error> {
    if end.seconds_since(start).is_nan() || end.seconds_since(start) <= 0.0 {
        return Err(Error::Config(format!(
            "access window must end after it starts ({start} .. {end})"
        )));
    }
    let pairs: Vec<(usize, usize)> = (0..aois.len())
        .flat_map(|a| (0..sats.len()).map(move |s| (a, s)))
        .collect();
    let found: Vec<Result<Vec<Opportunity>, Error>> = pairs
        .par_iter()
        .map(|&(a, s)| access_one(&sats[s], &aois[a], start, end, opts))
        .collect();
    let mut out = Vec::new();
    for f in found {
        out.extend(f?);
    }
    out.sort_by(|a, b| {
        a.aoi.cmp(&b.aoi).then(
            a.broadside
                .partial_cmp(&b.broadside)
                .unwrap_or(std::cmp::Ordering::Equal),
        )
    });
    Ok(out)
}

/// Largest distance from the centroid to a sample, km.
pub fn aoi_radius_km(aoi: &Aoi) -> f64 {
    aoi.samples
        .iter()
        .map(|&s| {
            let xy = aoi.plane.to_xy(s);
            xy[0].hypot(xy[1])
        })
        .fold(0.0, f64::max)
}

fn access_one(
    sat: &EoSatellite,
    aoi: &Aoi,
    start: UtcTime,
    end: UtcTime,
    opts: &AccessOptions,
) -> Result<Vec<Opportunity>, Error> {
    let im = &sat.imager;
    let limit = im.roll_limit_deg(opts.extended_roll);
    let spans = pass_spans(
        sat,
        aoi.centroid,
        aoi_radius_km(aoi),
        start,
        end,
        limit + 3.0,
        im.pitch_max_deg,
    )?;
    let mut out = Vec::new();
    for span in spans {
        if let Some(o) = pass_opportunity(sat, aoi, span, start, end, limit, opts)? {
            out.push(o);
        }
    }
    Ok(out)
}

fn ecef(lon_lat: [f64; 2]) -> [f64; 3] {
    ecef_from_geodetic(lon_lat[1], lon_lat[0], 0.0)
}

/// Incidence and sun elevation where the boresight (roll, pitch) meets the
/// ground at `t`; `None` when it misses the Earth.
pub fn boresight_conditions(
    sat: &EoSatellite,
    t: UtcTime,
    roll_deg: f64,
    pitch_deg: f64,
) -> Result<Option<(f64, f64)>, Error> {
    let frame = PointingFrame::new(&sat.state(t)?);
    Ok(
        ground_point(frame.position_km, frame.direction(roll_deg, pitch_deg)).map(|(p, g)| {
            let inc = incidence_deg(&g, p, frame.position_km);
            let sun = sun_elevation_deg(&Observer::new(g.lat_deg, g.lon_deg, 0.0), t);
            (inc, sun)
        }),
    )
}

/// Half cross-track field of view at `t`, degrees.
pub fn half_fov_at(sat: &EoSatellite, frame: &PointingFrame) -> f64 {
    let r = norm(frame.position_km);
    let h = geodetic_from_ecef(frame.position_km).height_km;
    half_fov_deg(sat.imager.swath_km, r, r - h)
}

/// Ground speed of the sub-satellite point, km/s (Earth-fixed speed scaled
/// to the ground).
pub fn ground_speed_km_s(sat: &EoSatellite, t: UtcTime) -> Result<f64, Error> {
    let s = sat.state(t)?;
    let r = norm(s.position_km);
    let h = geodetic_from_ecef(s.position_km).height_km;
    Ok(norm(s.velocity_km_s) * (r - h) / r)
}

/// Footprint ring of a constant-attitude acquisition: the swath's edge rays
/// intersected with the ellipsoid at 9 instants, (lon, lat) degrees, closed.
pub fn footprint(
    sat: &EoSatellite,
    t0: UtcTime,
    t1: UtcTime,
    roll_deg: f64,
    pitch_deg: f64,
) -> Result<Vec<[f64; 2]>, Error> {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let span = t1.seconds_since(t0);
    for k in 0..9 {
        let t = t0.plus_seconds(span * k as f64 / 8.0);
        let frame = PointingFrame::new(&sat.state(t)?);
        let h = half_fov_at(sat, &frame);
        for (edge, list) in [(roll_deg - h, &mut left), (roll_deg + h, &mut right)] {
            if let Some((_, g)) = ground_point(frame.position_km, frame.direction(edge, pitch_deg))
            {
                list.push([g.lon_deg, g.lat_deg]);
            }
        }
    }
    let mut ring = left;
    ring.extend(right.into_iter().rev());
    if let Some(&f) = ring.first() {
        ring.push(f);
    }
    Ok(ring)
}

fn pass_opportunity(
    sat: &EoSatellite,
    aoi: &Aoi,
    span: PassSpan,
    start: UtcTime,
    end: UtcTime,
    limit: f64,
    opts: &AccessOptions,
) -> Result<Option<Opportunity>, Error> {
    let im = &sat.imager;
    let centre = ecef(aoi.centroid);
    let Some(tb) = pitch_crossing(sat, centre, span.start, span.end, 0.0)? else {
        return Ok(None);
    };
    if tb < start || tb > end {
        return Ok(None);
    }
    let (frame_b, angles_b) = look(sat, centre, tb)?;
    let h = half_fov_at(sat, &frame_b);
    if angles_b.roll_deg.abs() > limit + h + 15.0 {
        return Ok(None); // far outside reach: not worth sampling
    }
    let pmax = im.pitch_max_deg;
    let (mut w0, mut w1) = (tb, tb);
    if pmax > 0.0 {
        w0 = pitch_crossing(sat, centre, span.start, tb, pmax)?.unwrap_or(span.start);
        w1 = pitch_crossing(sat, centre, tb, span.end, -pmax)?.unwrap_or(span.end);
    }
    let g = geodetic_from_ecef(centre);
    let inc_c = incidence_deg(&g, centre, frame_b.position_km);
    let sun_c = sun_elevation_deg(&Observer::new(aoi.centroid[1], aoi.centroid[0], 0.0), tb);

    // Broadside instant and roll of every sample.
    let mut samples = Vec::with_capacity(aoi.samples.len());
    for &s in &aoi.samples {
        let p = ecef(s);
        if let Some(t) = pitch_crossing(sat, p, span.start, span.end, 0.0)? {
            samples.push((t, look(sat, p, t)?.1.roll_deg));
        }
    }
    if samples.is_empty() {
        return Ok(None);
    }
    let n_total = aoi.samples.len() as f64;
    let rmin = samples.iter().map(|s| s.1).fold(f64::MAX, f64::min);
    let rmax = samples.iter().map(|s| s.1).fold(f64::MIN, f64::max);
    let width = 2.0 * h * (1.0 - opts.strip_overlap.clamp(0.0, 0.5));
    let n = (((rmax - rmin) / width).ceil() as usize).max(1);
    let spacing = (rmax - rmin) / n as f64;
    let scene_s = im.swath_km / ground_speed_km_s(sat, tb)?;
    let mut strips = Vec::new();
    let mut covered_any = vec![false; samples.len()];
    for k in 0..n {
        let c = (rmin + spacing * (k as f64 + 0.5)).clamp(-limit, limit);
        let inside: Vec<usize> = (0..samples.len())
            .filter(|&i| (samples[i].1 - c).abs() <= h)
            .collect();
        if inside.is_empty() {
            continue;
        }
        let mut t0 = inside
            .iter()
            .map(|&i| samples[i].0)
            .fold(tb.plus_seconds(1e9), |a, b| if b < a { b } else { a });
        let mut t1 = inside
            .iter()
            .map(|&i| samples[i].0)
            .fold(tb.plus_seconds(-1e9), |a, b| if b > a { b } else { a });
        let min_s = if aoi.area_km2 == 0.0 { scene_s } else { 1.0 };
        let short = min_s - t1.seconds_since(t0);
        if short > 0.0 {
            t0 = t0.plus_seconds(-0.5 * short);
            t1 = t1.plus_seconds(0.5 * short);
        }
        let tm = t0.plus_seconds(0.5 * t1.seconds_since(t0));
        let (inc, sun) = boresight_conditions(sat, tm, c, 0.0)?.unwrap_or((90.0, -90.0));
        let mut limits = Vec::new();
        if sun < im.min_sun_elevation_deg {
            limits.push(format!(
                "sun elevation {sun:.1}° below {}°",
                im.min_sun_elevation_deg
            ));
        }
        if inc > im.max_incidence_deg {
            limits.push(format!(
                "incidence {inc:.1}° above {}°",
                im.max_incidence_deg
            ));
        }
        let feasible = limits.is_empty();
        if feasible {
            for &i in &inside {
                covered_any[i] = true;
            }
        }
        strips.push(StripAccess {
            index: strips.len(),
            roll_deg: c,
            start: t0,
            end: t1,
            duration_s: t1.seconds_since(t0),
            incidence_deg: inc,
            sun_elevation_deg: sun,
            coverage_fraction: inside.len() as f64 / n_total,
            feasible,
            limits,
            footprint: footprint(sat, t0, t1, c, 0.0)?,
        });
    }
    if strips.is_empty() {
        return Ok(None);
    }
    Ok(Some(Opportunity {
        aoi: aoi.id.clone(),
        satellite: sat.id.clone(),
        norad_id: sat.norad_id,
        sensor: im.id.clone(),
        broadside: tb,
        window_start: w0.max_time(start),
        window_end: w1.min_time(end),
        roll_deg: angles_b.roll_deg,
        incidence_deg: inc_c,
        sun_elevation_deg: sun_c,
        coverage_fraction: covered_any.iter().filter(|&&c| c).count() as f64 / n_total,
        strips,
    }))
}

trait TimeOrd {
    fn max_time(self, other: Self) -> Self;
    fn min_time(self, other: Self) -> Self;
}

impl TimeOrd for UtcTime {
    fn max_time(self, other: Self) -> Self {
        if other > self { other } else { self }
    }
    fn min_time(self, other: Self) -> Self {
        if other < self { other } else { self }
    }
}

/// Opportunities as a GeoJSON FeatureCollection: each area (`layer: aoi`)
/// and each strip footprint (`layer: strip`) with its figures.
pub fn access_geojson(aois: &[Aoi], opportunities: &[Opportunity]) -> Value {
    let mut features = Vec::new();
    for a in aois {
        features.push(json!({
            "type": "Feature",
            "geometry": a.geometry_geojson(),
            "properties": {"layer": "aoi", "id": a.id, "area_km2": a.area_km2},
        }));
    }
    for o in opportunities {
        for s in &o.strips {
            features.push(json!({
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [s.footprint]},
                "properties": {
                    "layer": "strip", "aoi": o.aoi, "satellite": o.satellite,
                    "broadside": o.broadside, "strip": s.index, "roll_deg": s.roll_deg,
                    "start": s.start, "end": s.end, "incidence_deg": s.incidence_deg,
                    "sun_elevation_deg": s.sun_elevation_deg,
                    "coverage_fraction": s.coverage_fraction, "feasible": s.feasible,
                },
            }));
        }
    }
    json!({"type": "FeatureCollection", "features": features})
}
