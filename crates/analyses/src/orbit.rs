//! Orbit analyses: passes, look angles (AER time series), ground tracks
//! (GeoJSON), GEO look angles from a site, eclipses — over the scenario's
//! satellites or element sets sent with the request (`silkway-orbit`).

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use silkway_model::Scenario;
use silkway_orbit::eclipse::eclipse_intervals;
use silkway_orbit::geo_look::{geo_look, visible_geo_arc};
use silkway_orbit::mask::ElevationMask;
use silkway_orbit::passes::{PassOptions, find_passes_many_cancellable, sort_by_aos};
use silkway_orbit::scenario::{scenario_element_sets, scenario_station};
use silkway_orbit::station::GroundStation;
use silkway_orbit::track::{ground_track, track_geojson};
use silkway_orbit::{ElementSet, OrbitError, Satellite, UtcTime, parse_elements};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::body::Body;
use crate::jobs::{Control, cancelled};
use crate::problem::{ApiResult, Problem};
use crate::{AnalysesState, kinds::Problems};

/// Largest satellite-station pair-days a synchronous pass request computes
/// (≈ 0.5 s); larger requests go through the `passes` job kind.
pub const SYNC_MAX_PAIR_DAYS: f64 = 2_000.0;
/// Largest number of samples (satellites × time steps) of a look-angle,
/// ground-track or eclipse request.
pub const MAX_SAMPLES: f64 = 2_000_000.0;

/// A ground station: a scenario station `id`, or a position.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StationInput {
    /// Scenario station id (e.g. `baku-teleport`); or give `lat_deg`/`lon_deg`.
    #[serde(default)]
    pub id: Option<String>,
    /// Name used in the results (default: the id, or `site`).
    #[serde(default)]
    pub name: Option<String>,
    /// Geodetic latitude, degrees north.
    #[serde(default)]
    pub lat_deg: Option<f64>,
    /// Longitude, degrees east.
    #[serde(default)]
    pub lon_deg: Option<f64>,
    /// Height above the WGS-84 ellipsoid, m (default 0).
    #[serde(default)]
    pub alt_m: Option<f64>,
    /// Horizon mask as `[azimuth_deg, elevation_deg]` points (a scenario
    /// station without one uses its `elevation_mask_deg`).
    #[serde(default)]
    pub mask: Option<Vec<[f64; 2]>>,
}

/// Build the ground station of `input`; errors name `field`.
pub fn station(sc: &Scenario, input: &StationInput, field: &str) -> ApiResult<GroundStation> {
    let bad = |sub: &str, e: OrbitError| Problem::invalid(format!("{field}.{sub}"), e.to_string());
    let mut st = match (&input.id, input.lat_deg, input.lon_deg) {
        (Some(id), None, None) => {
            let mut st = scenario_station(sc, id).map_err(|e| bad("id", e))?;
            if let Some(name) = &input.name {
                st.name.clone_from(name);
            }
            let mask_deg = sc
                .stations
                .iter()
                .find(|s| &s.id == id)
                .map_or(0.0, |s| s.elevation_mask_deg);
            if input.mask.is_none() && mask_deg > 0.0 {
                st.mask =
                    Some(ElevationMask::new(vec![(0.0, mask_deg)]).map_err(|e| bad("id", e))?);
            }
            st
        }
        (None, Some(lat), Some(lon)) => {
            let name = input.name.as_deref().unwrap_or("site");
            GroundStation::new(name, lat, lon, input.alt_m.unwrap_or(0.0))
                .map_err(|e| bad("lat_deg", e))?
        }
        _ => {
            return Err(Problem::invalid(
                field,
                "give either `id` (a scenario station) or `lat_deg` and `lon_deg`",
            ));
        }
    };
    if let Some(points) = &input.mask {
        let mask = ElevationMask::new(points.iter().map(|p| (p[0], p[1])).collect())
            .map_err(|e| bad("mask", e))?;
        st.mask = Some(mask);
    }
    Ok(st)
}

/// Parse an RFC 3339 time; errors name `field`.
pub fn time(text: &str, field: &str) -> ApiResult<UtcTime> {
    UtcTime::parse_rfc3339(text).map_err(|e| Problem::invalid(field, e.to_string()))
}

/// `start`..`end` parsed and checked (end after start); the span in seconds.
fn window(start: &str, end: &str) -> ApiResult<(UtcTime, UtcTime, f64)> {
    let (s, e) = (time(start, "start")?, time(end, "end")?);
    let span = e.seconds_since(s);
    if span.is_nan() || span <= 0.0 {
        return Err(Problem::invalid("end", "must be after start"));
    }
    Ok((s, e, span))
}

/// The satellites chosen by `wanted` (scenario ids, catalog names or
/// NORAD numbers; empty: all) among the element sets of `elements` (text:
/// TLE/3LE, OMM JSON/CSV/XML) or else of the scenario.
pub fn satellites(
    sc: &Scenario,
    wanted: &[String],
    elements: Option<&str>,
) -> ApiResult<Vec<Satellite>> {
    let sets: Vec<(Option<String>, ElementSet)> = match elements {
        Some(text) => {
            let report = parse_elements("elements", text);
            if let Some(e) = report.rejected.first() {
                return Err(Problem::invalid("elements", e.to_string()));
            }
            report.sets.into_iter().map(|s| (None, s)).collect()
        }
        None => scenario_element_sets(sc, "scenario")
            .map_err(|e| Problem::internal(format!("the scenario's element sets: {e}")))?
            .0
            .into_iter()
            .map(|s| (Some(s.satellite_id), s.elements))
            .collect(),
    };
    let chosen: Vec<ElementSet> = if wanted.is_empty() {
        sets.into_iter().map(|s| s.1).collect()
    } else {
        let mut out = Vec::new();
        for (i, want) in wanted.iter().enumerate() {
            let want = want.trim();
            let norad: Option<u32> = want.parse().ok();
            let before = out.len();
            out.extend(
                sets.iter()
                    .filter(|(id, s)| {
                        id.as_deref() == Some(want)
                            || Some(s.norad_id) == norad
                            || s.name.eq_ignore_ascii_case(want)
                    })
                    .map(|s| s.1.clone()),
            );
            if out.len() == before {
                return Err(Problem::invalid(
                    format!("satellites[{i}]"),
                    format!(
                        "no satellite {want:?} (scenario id, catalog name or NORAD number) with an element set"
                    ),
                ));
            }
        }
        out
    };
    if chosen.is_empty() {
        return Err(Problem::invalid("satellites", "no element sets to work on"));
    }
    chosen
        .into_iter()
        .map(|set| Satellite::new(set).map_err(|e| Problem::invalid("satellites", e.to_string())))
        .collect()
}

pub(crate) fn orbit_failure(e: OrbitError) -> Problem {
    match e {
        OrbitError::Cancelled => cancelled(),
        OrbitError::InvalidInput(m) => Problem::invalid("body", m),
        other => Problem::invalid("satellites", other.to_string()),
    }
}

pub(crate) fn default_step_s() -> f64 {
    60.0
}

// ---------------------------------------------------------------- passes

/// Passes of satellites over ground stations in a window.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PassesRequest {
    /// Scenario satellite ids, catalog names or NORAD numbers (empty: all).
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Element sets as text (TLE/3LE, OMM JSON/CSV/XML) instead of the scenario's.
    #[serde(default)]
    pub elements: Option<String>,
    /// Ground stations.
    pub stations: Vec<StationInput>,
    /// Window start (RFC 3339).
    pub start: String,
    /// Window end (RFC 3339).
    pub end: String,
    /// Minimum elevation, degrees (a station mask can raise it).
    #[serde(default)]
    pub min_elevation_deg: f64,
    /// Use refracted (apparent) elevation.
    #[serde(default)]
    pub refraction: bool,
}

/// One pass (AOS, TCA, LOS).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PassRow {
    /// Satellite name.
    pub satellite: String,
    /// NORAD catalog number.
    pub norad_id: u32,
    /// Station name.
    pub station: String,
    /// Acquisition of signal (RFC 3339 UTC).
    pub aos: String,
    /// Time of closest approach (maximum elevation).
    pub tca: String,
    /// Loss of signal.
    pub los: String,
    /// Maximum elevation, degrees.
    pub max_elevation_deg: f64,
    /// Azimuth at AOS, degrees.
    pub aos_azimuth_deg: f64,
    /// Azimuth at TCA, degrees.
    pub tca_azimuth_deg: f64,
    /// Azimuth at LOS, degrees.
    pub los_azimuth_deg: f64,
    /// Duration, s.
    pub duration_s: f64,
    /// Already up at the window start (AOS = start).
    pub in_progress_at_start: bool,
    /// Still up at the window end (LOS = end).
    pub in_progress_at_end: bool,
}

/// Passes sorted by AOS, and the pairs that could not be computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PassesResponse {
    /// The passes.
    pub passes: Vec<PassRow>,
    /// Satellite-station pairs that failed (e.g. decayed), with the reason.
    pub failures: Vec<String>,
}

/// Compute the passes of `req`, reporting per satellite-station pair.
pub fn passes(sc: &Scenario, req: &PassesRequest, ctl: &Control) -> ApiResult<PassesResponse> {
    let sats = satellites(sc, &req.satellites, req.elements.as_deref())?;
    if req.stations.is_empty() {
        return Err(Problem::invalid("stations", "give at least one station"));
    }
    let stations: Vec<GroundStation> = req
        .stations
        .iter()
        .enumerate()
        .map(|(i, s)| station(sc, s, &format!("stations[{i}]")))
        .collect::<ApiResult<_>>()?;
    let (start, end, _) = window(&req.start, &req.end)?;
    if !(-90.0..=90.0).contains(&req.min_elevation_deg) {
        return Err(Problem::invalid(
            "min_elevation_deg",
            "must be in [-90, 90] degrees",
        ));
    }
    let options = PassOptions {
        min_elevation_deg: req.min_elevation_deg,
        refraction: req.refraction,
        ..Default::default()
    };
    let step = |done, total| ctl.step(done, total, "passes: satellite-station pairs");
    let results = find_passes_many_cancellable(&sats, &stations, start, end, &options, &step)
        .map_err(orbit_failure)?;
    let mut all = Vec::new();
    let mut failures = Vec::new();
    for r in results {
        match r.passes {
            Ok(p) => all.extend(p),
            Err(e) => failures.push(format!(
                "{} over {}: {e}",
                sats[r.satellite_index].name(),
                stations[r.station_index].name
            )),
        }
    }
    sort_by_aos(&mut all);
    let passes = all
        .into_iter()
        .map(|p| PassRow {
            duration_s: p.duration_s(),
            satellite: p.satellite,
            norad_id: p.norad_id,
            station: p.station,
            aos: p.aos.to_rfc3339_ms(),
            tca: p.tca.to_rfc3339_ms(),
            los: p.los.to_rfc3339_ms(),
            max_elevation_deg: p.max_elevation_deg,
            aos_azimuth_deg: p.aos_azimuth_deg,
            tca_azimuth_deg: p.tca_azimuth_deg,
            los_azimuth_deg: p.los_azimuth_deg,
            in_progress_at_start: p.in_progress_at_start,
            in_progress_at_end: p.in_progress_at_end,
        })
        .collect();
    Ok(PassesResponse { passes, failures })
}

/// Passes of satellites over stations (AOS/TCA/LOS, maximum elevation).
#[utoipa::path(post, path = "/orbit/passes", tag = "orbit",
    request_body = PassesRequest,
    responses((status = 200, description = "passes sorted by AOS", body = PassesResponse), Problems))]
async fn passes_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<PassesRequest>,
) -> ApiResult<Json<PassesResponse>> {
    st.compute(move |sc, ctl| {
        // The cost: satellite-station pair-days.
        let n_sats = satellites(sc, &req.satellites, req.elements.as_deref())?.len();
        let (_, _, span) = window(&req.start, &req.end)?;
        let cost = (n_sats * req.stations.len()) as f64 * span / 86_400.0;
        if cost > SYNC_MAX_PAIR_DAYS {
            return Err(too_long(
                "passes",
                format!("{cost:.0} satellite-station pair-days (at most {SYNC_MAX_PAIR_DAYS:.0})"),
            ));
        }
        passes(sc, &req, ctl)
    })
    .await
    .map(Json)
}

/// A 422 for a synchronous request too large: use the job kind.
pub(crate) fn too_long(kind: &str, what: String) -> Problem {
    let mut p = Problem::invalid(
        "body",
        format!(
            "{what} is too long for a synchronous request; submit it as a job: POST jobs with {{\"kind\": \"{kind}\", \"params\": ...}}"
        ),
    );
    p.title = "Request too large for a synchronous answer".into();
    p
}

// ---------------------------------------------------------------- look angles

/// Azimuth, elevation and range of satellites from a station over a time grid.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LookRequest {
    /// Scenario satellite ids, catalog names or NORAD numbers (empty: all).
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Element sets as text instead of the scenario's.
    #[serde(default)]
    pub elements: Option<String>,
    /// The observing station.
    pub station: StationInput,
    /// First time (RFC 3339).
    pub start: String,
    /// Last time (RFC 3339; included when on the grid).
    pub end: String,
    /// Step, s.
    #[serde(default = "default_step_s")]
    pub step_s: f64,
}

/// One look-angle sample.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LookRow {
    /// Satellite name.
    pub satellite: String,
    /// NORAD catalog number.
    pub norad_id: u32,
    /// Time (RFC 3339 UTC).
    pub time: String,
    /// Azimuth, degrees from north through east.
    pub azimuth_deg: f64,
    /// Elevation above the horizon, degrees (geometric).
    pub elevation_deg: f64,
    /// Slant range, km.
    pub range_km: f64,
    /// Range rate, km/s (positive: receding).
    pub range_rate_km_s: f64,
}

/// Look angles per satellite and time, and satellites that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LookResponse {
    /// Station name.
    pub station: String,
    /// Samples, satellite by satellite in time order.
    pub samples: Vec<LookRow>,
    /// Satellites whose propagation failed, with the reason.
    pub failures: Vec<String>,
}

pub(crate) fn time_grid(
    start: &str,
    end: &str,
    step_s: f64,
    n_sats: usize,
) -> ApiResult<Vec<UtcTime>> {
    let (s, _, span) = window(start, end)?;
    if !(step_s.is_finite() && step_s > 0.0) {
        return Err(Problem::invalid(
            "step_s",
            "must be a positive number of seconds",
        ));
    }
    let n = (span / step_s).floor() + 1.0;
    if n * n_sats as f64 > MAX_SAMPLES {
        return Err(Problem::invalid(
            "step_s",
            format!(
                "{:.0} samples requested; at most {MAX_SAMPLES:.0} per request: use a larger step or a shorter window",
                n * n_sats as f64
            ),
        ));
    }
    Ok((0..n as usize)
        .map(|i| s.plus_seconds(i as f64 * step_s))
        .collect())
}

/// Compute the look angles of `req`.
pub fn look_angles(sc: &Scenario, req: &LookRequest, ctl: &Control) -> ApiResult<LookResponse> {
    let sats = satellites(sc, &req.satellites, req.elements.as_deref())?;
    let st = station(sc, &req.station, "station")?;
    let times = time_grid(&req.start, &req.end, req.step_s, sats.len())?;
    let mut samples = Vec::new();
    let mut failures = Vec::new();
    for (i, sat) in sats.iter().enumerate() {
        for &t in &times {
            match st.observer.look(sat, t) {
                Ok(a) => samples.push(LookRow {
                    satellite: sat.name().to_owned(),
                    norad_id: sat.norad_id(),
                    time: t.to_rfc3339_ms(),
                    azimuth_deg: a.azimuth_deg,
                    elevation_deg: a.elevation_deg,
                    range_km: a.range_km,
                    range_rate_km_s: a.range_rate_km_s,
                }),
                Err(e) => {
                    failures.push(e.to_string());
                    break;
                }
            }
        }
        if ctl
            .step(i + 1, sats.len(), "look angles: satellites")
            .is_break()
        {
            return Err(cancelled());
        }
    }
    Ok(LookResponse {
        station: st.name,
        samples,
        failures,
    })
}

/// Azimuth/elevation/range time series of satellites from one station.
#[utoipa::path(post, path = "/orbit/look-angles", tag = "orbit",
    request_body = LookRequest,
    responses((status = 200, description = "look-angle samples", body = LookResponse), Problems))]
async fn look_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<LookRequest>,
) -> ApiResult<Json<LookResponse>> {
    st.compute(move |sc, ctl| look_angles(sc, &req, ctl))
        .await
        .map(Json)
}

// ---------------------------------------------------------------- ground tracks

/// Sub-satellite points of satellites over a window.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrackRequest {
    /// Scenario satellite ids, catalog names or NORAD numbers (empty: all).
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Element sets as text instead of the scenario's.
    #[serde(default)]
    pub elements: Option<String>,
    /// Start (RFC 3339).
    pub start: String,
    /// End (RFC 3339).
    pub end: String,
    /// Step, s.
    #[serde(default = "default_step_s")]
    pub step_s: f64,
}

/// Compute the ground tracks of `req` as a GeoJSON FeatureCollection
/// (one MultiLineString per satellite, split at the antimeridian).
pub fn ground_tracks(sc: &Scenario, req: &TrackRequest, ctl: &Control) -> ApiResult<Value> {
    let sats = satellites(sc, &req.satellites, req.elements.as_deref())?;
    let (start, end, _) = window(&req.start, &req.end)?;
    time_grid(&req.start, &req.end, req.step_s, sats.len())?;
    let mut features = Vec::new();
    for (i, sat) in sats.iter().enumerate() {
        let points = ground_track(sat, start, end, req.step_s).map_err(orbit_failure)?;
        features.push(track_geojson(
            &points,
            json!({"satellite": sat.name(), "norad_id": sat.norad_id(),
                   "start": start, "end": end, "step_s": req.step_s}),
        ));
        if ctl
            .step(i + 1, sats.len(), "ground tracks: satellites")
            .is_break()
        {
            return Err(cancelled());
        }
    }
    Ok(json!({"type": "FeatureCollection", "features": features}))
}

/// Ground tracks as a GeoJSON FeatureCollection (RFC 7946).
#[utoipa::path(post, path = "/orbit/ground-tracks", tag = "orbit",
    request_body = TrackRequest,
    responses((status = 200, description = "GeoJSON FeatureCollection", body = Object, content_type = "application/geo+json"), Problems))]
async fn track_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<TrackRequest>,
) -> ApiResult<impl axum::response::IntoResponse> {
    let fc = st
        .compute(move |sc, ctl| ground_tracks(sc, &req, ctl))
        .await?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/geo+json")],
        Json(fc),
    ))
}

// ---------------------------------------------------------------- eclipses

/// Penumbra and umbra intervals of satellites.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EclipseRequest {
    /// Scenario satellite ids, catalog names or NORAD numbers (empty: all).
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Element sets as text instead of the scenario's.
    #[serde(default)]
    pub elements: Option<String>,
    /// Start (RFC 3339).
    pub start: String,
    /// End (RFC 3339).
    pub end: String,
}

/// One eclipse interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EclipseRow {
    /// Satellite name.
    pub satellite: String,
    /// NORAD catalog number.
    pub norad_id: u32,
    /// `penumbra` or `umbra`.
    pub kind: String,
    /// Start (RFC 3339 UTC).
    pub start: String,
    /// End.
    pub end: String,
    /// Duration, s.
    pub duration_s: f64,
    /// Already in shadow at the window start.
    pub in_progress_at_start: bool,
    /// Still in shadow at the window end.
    pub in_progress_at_end: bool,
}

/// Propagations an eclipse search makes: the window sampled at 1/200 of
/// each satellite's period, 5–120 s (`silkway_orbit::eclipse`), twice.
fn eclipse_samples(sats: &[Satellite], span_s: f64) -> f64 {
    sats.iter()
        .map(|s| 2.0 * span_s / (s.elements.period_s() / 200.0).clamp(5.0, 120.0))
        .sum()
}

/// Compute the eclipse intervals of `req`.
pub fn eclipses(sc: &Scenario, req: &EclipseRequest, ctl: &Control) -> ApiResult<Vec<EclipseRow>> {
    let sats = satellites(sc, &req.satellites, req.elements.as_deref())?;
    let (start, end, span) = window(&req.start, &req.end)?;
    let samples = eclipse_samples(&sats, span);
    if samples > MAX_SAMPLES * 10.0 {
        return Err(Problem::invalid(
            "end",
            format!(
                "{samples:.0} propagations (at most {:.0}): use a shorter window",
                MAX_SAMPLES * 10.0
            ),
        ));
    }
    let mut rows = Vec::new();
    for (i, sat) in sats.iter().enumerate() {
        for e in eclipse_intervals(sat, start, end).map_err(orbit_failure)? {
            rows.push(EclipseRow {
                satellite: sat.name().to_owned(),
                norad_id: sat.norad_id(),
                kind: serde_json::to_value(e.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                start: e.start.to_rfc3339_ms(),
                end: e.end.to_rfc3339_ms(),
                duration_s: e.end.seconds_since(e.start),
                in_progress_at_start: e.in_progress_at_start,
                in_progress_at_end: e.in_progress_at_end,
            });
        }
        if ctl
            .step(i + 1, sats.len(), "eclipses: satellites")
            .is_break()
        {
            return Err(cancelled());
        }
    }
    Ok(rows)
}

/// Eclipse (penumbra/umbra) intervals of satellites.
#[utoipa::path(post, path = "/orbit/eclipses", tag = "orbit",
    request_body = EclipseRequest,
    responses((status = 200, description = "eclipse intervals", body = Vec<EclipseRow>), Problems))]
async fn eclipse_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<EclipseRequest>,
) -> ApiResult<Json<Vec<EclipseRow>>> {
    st.compute(move |sc, ctl| {
        let sats = satellites(sc, &req.satellites, req.elements.as_deref())?;
        let (_, _, span) = window(&req.start, &req.end)?;
        let samples = eclipse_samples(&sats, span);
        if samples > MAX_SAMPLES {
            return Err(too_long(
                "eclipses",
                format!("{samples:.0} propagations (at most {MAX_SAMPLES:.0})"),
            ));
        }
        eclipses(sc, &req, ctl)
    })
    .await
    .map(Json)
}

// ---------------------------------------------------------------- GEO look

/// Look angles toward GEO slots from a site, and its visible arc.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GeoLookRequest {
    /// The site.
    pub station: StationInput,
    /// GEO slot longitudes, degrees east.
    #[serde(default)]
    pub satellite_lon_deg: Vec<f64>,
    /// Scenario GEO satellites (ids), looked at in their nominal slots.
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Minimum elevation of the visible arc, degrees.
    #[serde(default = "default_arc_elevation")]
    pub min_elevation_deg: f64,
}

fn default_arc_elevation() -> f64 {
    5.0
}

/// Pointing toward one GEO slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct GeoLookRow {
    /// Scenario satellite id, when asked by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satellite: Option<String>,
    /// Slot longitude, degrees east.
    pub satellite_lon_deg: f64,
    /// Azimuth, degrees.
    pub azimuth_deg: f64,
    /// Elevation, degrees.
    pub elevation_deg: f64,
    /// Slant range, km.
    pub range_km: f64,
    /// Polarization skew, degrees.
    pub polarization_skew_deg: f64,
}

/// GEO look angles from one site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct GeoLookResponse {
    /// Site name.
    pub station: String,
    /// Westernmost slot visible above `min_elevation_deg`, degrees east.
    pub arc_west_lon_deg: Option<f64>,
    /// Easternmost visible slot.
    pub arc_east_lon_deg: Option<f64>,
    /// One row per slot asked.
    pub slots: Vec<GeoLookRow>,
}

/// Compute the GEO look angles of `req`.
pub fn geo(sc: &Scenario, req: &GeoLookRequest) -> ApiResult<GeoLookResponse> {
    let st = station(sc, &req.station, "station")?;
    if !(-90.0..=90.0).contains(&req.min_elevation_deg) {
        return Err(Problem::invalid(
            "min_elevation_deg",
            "must be in [-90, 90] degrees",
        ));
    }
    let mut slots: Vec<(Option<String>, f64)> = Vec::new();
    for (i, &lon) in req.satellite_lon_deg.iter().enumerate() {
        if !(-180.0..=360.0).contains(&lon) {
            return Err(Problem::invalid(
                format!("satellite_lon_deg[{i}]"),
                "must be in [-180, 360] degrees east",
            ));
        }
        slots.push((None, lon));
    }
    for (i, id) in req.satellites.iter().enumerate() {
        let lon = sc
            .satellite(id)
            .and_then(|s| s.geo_longitude_deg)
            .ok_or_else(|| {
                Problem::invalid(
                    format!("satellites[{i}]"),
                    format!("no GEO satellite {id:?} with a slot in the scenario"),
                )
            })?;
        slots.push((Some(id.clone()), lon));
    }
    if slots.is_empty() {
        return Err(Problem::invalid(
            "satellite_lon_deg",
            "give slot longitudes or scenario satellites",
        ));
    }
    let arc = visible_geo_arc(&st.observer, req.min_elevation_deg);
    Ok(GeoLookResponse {
        station: st.name.clone(),
        arc_west_lon_deg: arc.map(|a| a.0),
        arc_east_lon_deg: arc.map(|a| a.1),
        slots: slots
            .into_iter()
            .map(|(satellite, lon)| {
                let l = geo_look(&st.observer, lon);
                GeoLookRow {
                    satellite,
                    satellite_lon_deg: lon,
                    azimuth_deg: l.azimuth_deg,
                    elevation_deg: l.elevation_deg,
                    range_km: l.range_km,
                    polarization_skew_deg: l.polarization_skew_deg,
                }
            })
            .collect(),
    })
}

/// Azimuth, elevation, range and polarization skew toward GEO slots.
#[utoipa::path(post, path = "/orbit/geo-look", tag = "orbit",
    request_body = GeoLookRequest,
    responses((status = 200, description = "pointing per slot", body = GeoLookResponse), Problems))]
async fn geo_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<GeoLookRequest>,
) -> ApiResult<Json<GeoLookResponse>> {
    st.compute(move |sc, _| geo(sc, &req)).await.map(Json)
}

/// The orbit routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(passes_handler))
        .routes(routes!(look_handler))
        .routes(routes!(track_handler))
        .routes(routes!(eclipse_handler))
        .routes(routes!(geo_handler))
}
