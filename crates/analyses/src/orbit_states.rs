//! Satellite states and the sun, as `silkway orbit propagate` and
//! `silkway orbit sun` give them: SGP4 states on a time grid in TEME, ITRF
//! or geodetic coordinates, and the sun's elevation at stations.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_model::Scenario;
use silkway_orbit::frames::teme_to_itrf;
use silkway_orbit::geodetic::geodetic_from_ecef;
use silkway_orbit::sun::sun_elevation_deg;
use silkway_orbit::{Satellite, StateTeme, UtcTime};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::Body;
use crate::jobs::{Control, cancelled};
use crate::kinds::Problems;
use crate::orbit::{
    StationInput, default_step_s, orbit_failure, satellites, station, time, time_grid,
};
use crate::problem::ApiResult;

/// Coordinates of the states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    /// SGP4's true equator, mean equinox frame, km and km/s.
    #[default]
    Teme,
    /// Earth-fixed (ITRF, no polar motion), km and km/s.
    Itrf,
    /// WGS84 latitude, longitude, height.
    Geodetic,
}

/// States of satellites on a time grid.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PropagateRequest {
    /// Scenario satellite ids, catalog names or NORAD numbers (empty: all).
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Element sets as text (TLE/3LE or OMM) instead of the scenario's.
    #[serde(default)]
    pub elements: Option<String>,
    /// Start (RFC 3339).
    pub start: String,
    /// End (RFC 3339).
    pub end: String,
    /// Step, s.
    #[serde(default = "default_step_s")]
    pub step_s: f64,
    /// Frame of the output.
    #[serde(default)]
    pub frame: Frame,
}

/// One state as a row: `satellite`, `norad_id`, `time` and the frame's
/// columns (`x_km`... `vz_km_s`, or `lat_deg`, `lon_deg`, `height_km`);
/// the rows of `silkway orbit propagate` too.
pub fn state_row(sat: &Satellite, t: UtcTime, state: &StateTeme, frame: Frame) -> Value {
    match frame {
        Frame::Teme | Frame::Itrf => {
            let (r, v) = if frame == Frame::Teme {
                (state.position_km, state.velocity_km_s)
            } else {
                let s = teme_to_itrf(state, t);
                (s.position_km, s.velocity_km_s)
            };
            json!({"satellite": sat.name(), "norad_id": sat.norad_id(), "time": t,
                "x_km": r[0], "y_km": r[1], "z_km": r[2],
                "vx_km_s": v[0], "vy_km_s": v[1], "vz_km_s": v[2]})
        }
        Frame::Geodetic => {
            let g = geodetic_from_ecef(teme_to_itrf(state, t).position_km);
            json!({"satellite": sat.name(), "norad_id": sat.norad_id(), "time": t,
                "lat_deg": g.lat_deg, "lon_deg": g.lon_deg, "height_km": g.height_km})
        }
    }
}

/// One row per satellite and time, with the CLI's columns; a satellite
/// whose propagation fails (decay) stops there, with the reason in
/// `failures`.
pub fn propagate(sc: &Scenario, req: &PropagateRequest, ctl: &Control) -> ApiResult<Value> {
    let sats = satellites(sc, &req.satellites, req.elements.as_deref())?;
    let times = time_grid(&req.start, &req.end, req.step_s, sats.len())?;
    let mut rows = Vec::with_capacity(sats.len() * times.len());
    let mut failures = Vec::new();
    for (i, sat) in sats.iter().enumerate() {
        for &t in &times {
            let state = match sat.propagate(t) {
                Ok(s) => s,
                Err(e) => {
                    failures.push(json!({"satellite": sat.name(), "time": t, "error": orbit_failure(e).detail}));
                    break;
                }
            };
            rows.push(state_row(sat, t, &state, req.frame));
        }
        ctl.report(
            (i + 1) as f64 / sats.len() as f64,
            format!("propagate: satellites {}/{}", i + 1, sats.len()),
        );
        if ctl.is_cancelled() {
            return Err(cancelled());
        }
    }
    Ok(json!({"frame": req.frame_name(), "states": rows, "failures": failures}))
}

impl PropagateRequest {
    fn frame_name(&self) -> &'static str {
        match self.frame {
            Frame::Teme => "teme",
            Frame::Itrf => "itrf",
            Frame::Geodetic => "geodetic",
        }
    }
}

/// The sun's elevation at stations at one instant.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SunRequest {
    /// Stations: scenario ids or positions.
    pub stations: Vec<StationInput>,
    /// The instant (RFC 3339).
    pub at: String,
}

/// Sun elevation (apparent, no refraction) per station.
pub fn sun(sc: &Scenario, req: &SunRequest) -> ApiResult<Value> {
    let at = time(&req.at, "at")?;
    let rows = req
        .stations
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let st = station(sc, s, &format!("stations[{i}]"))?;
            Ok(json!({"station": st.name, "time": at, "sun_elevation_deg": sun_elevation_deg(&st.observer, at)}))
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(json!(rows))
}

/// SGP4 states on a time grid (TEME, ITRF or geodetic); job kind `propagate`.
#[utoipa::path(post, path = "/orbit/propagate", tag = "orbit", request_body = PropagateRequest,
    responses((status = 200, description = "states per satellite and time", body = Object), Problems))]
async fn propagate_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<PropagateRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| propagate(sc, &req, ctl))
        .await
        .map(Json)
}

/// Sun elevation at stations.
#[utoipa::path(post, path = "/orbit/sun", tag = "orbit", request_body = SunRequest,
    responses((status = 200, description = "sun elevation per station", body = Object), Problems))]
async fn sun_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<SunRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, _| sun(sc, &req)).await.map(Json)
}

/// The routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(propagate_handler))
        .routes(routes!(sun_handler))
}
