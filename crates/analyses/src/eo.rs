//! Earth-observation analyses as `silkway eo access | contacts | plan`
//! compute them (`silkway-eo`): imaging opportunities over areas, downlink
//! contacts, and acquisition + downlink plans checked by the independent
//! checker.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_eo::access::{AccessOptions, access, access_geojson};
use silkway_eo::contacts::{contacts, stations_from_scenario};
use silkway_eo::fleet::from_scenario;
use silkway_eo::plan::geojson::plan_geojson;
use silkway_eo::plan::search::SearchProgress;
use silkway_eo::plan::{PlanInput, PlanOptions, PlanProgress, plan};
use silkway_eo::tasking::parse_requests;
use silkway_eo::{Error as EoError, aoi};
use silkway_model::Scenario;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::Body;
use crate::jobs::Control;
use crate::kinds::Problems;
use crate::orbit::{time, too_long};
use crate::problem::{ApiResult, Problem};

/// Longest planning search answered synchronously, s; longer ones run as
/// job `eo_plan`.
pub const SYNC_MAX_TIME_LIMIT_S: f64 = 2.0;
/// Longest access or contact window, days.
pub const MAX_WINDOW_DAYS: f64 = 31.0;

/// An EO engine error as a problem: parse errors name the field (prefixed
/// with the request member they come from).
fn eo_problem(member: &str, e: EoError) -> Problem {
    match e {
        EoError::Parse {
            field,
            expected,
            found,
            ..
        } => {
            let field = if field.is_empty() || field == "(document)" {
                member.to_owned()
            } else {
                format!("{member}.{field}")
            };
            Problem::invalid(field, format!("expected {expected}, found {found}"))
        }
        EoError::Config(m) => Problem::invalid(member, m),
        EoError::Internal(m) => Problem::internal(m),
        other => Problem::internal(other.to_string()),
    }
}

fn window(start: &str, end: &str) -> ApiResult<(silkway_orbit::UtcTime, silkway_orbit::UtcTime)> {
    let (s, e) = (time(start, "start")?, time(end, "end")?);
    let span = e.seconds_since(s);
    if span.is_nan() || span <= 0.0 {
        return Err(Problem::invalid("end", "must be after start"));
    }
    if span > MAX_WINDOW_DAYS * 86_400.0 {
        return Err(Problem::invalid(
            "end",
            format!("the window is longer than {MAX_WINDOW_DAYS} days"),
        ));
    }
    Ok((s, e))
}

fn format_of(f: &Option<String>) -> ApiResult<bool> {
    match f.as_deref() {
        None | Some("json") => Ok(false),
        Some("geojson") => Ok(true),
        Some(other) => Err(Problem::invalid(
            "format",
            format!("expected json or geojson, found {other:?}"),
        )),
    }
}

/// Opportunities over areas.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessRequest {
    /// Areas: a GeoJSON FeatureCollection, Feature or geometry (Point,
    /// Polygon, MultiPolygon).
    #[schema(value_type = Object)]
    pub aois: Value,
    /// Satellites (ids, names or NORAD numbers; empty: every active imager).
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Window start (RFC 3339).
    pub start: String,
    /// Window end.
    pub end: String,
    /// Use the sensors' extended roll limit.
    #[serde(default)]
    pub extended_roll: bool,
    /// `json` (opportunities with strips) or `geojson` (areas and footprints).
    #[serde(default)]
    pub format: Option<String>,
}

/// Compute the opportunities of `req`.
pub fn eo_access(sc: &Scenario, req: &AccessRequest, _ctl: &Control) -> ApiResult<Value> {
    let geojson = format_of(&req.format)?;
    let sats = from_scenario(sc, &req.satellites).map_err(|e| eo_problem("satellites", e))?;
    let aois =
        aoi::parse_geojson(&req.aois.to_string(), "aois").map_err(|e| eo_problem("aois", e))?;
    let (start, end) = window(&req.start, &req.end)?;
    let opts = AccessOptions {
        extended_roll: req.extended_roll,
        ..Default::default()
    };
    let found = access(&sats, &aois, start, end, &opts).map_err(|e| eo_problem("start", e))?;
    Ok(if geojson {
        access_geojson(&aois, &found)
    } else {
        json!({"start": start, "end": end, "opportunities": found})
    })
}

/// Downlink contacts.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactsRequest {
    /// Satellites (empty: every active imager).
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Receiving station ids (empty: every `ground_station`).
    #[serde(default)]
    pub stations: Vec<String>,
    /// Window start (RFC 3339).
    pub start: String,
    /// Window end.
    pub end: String,
}

/// Compute the contacts of `req`.
pub fn eo_contacts(sc: &Scenario, req: &ContactsRequest, _ctl: &Control) -> ApiResult<Value> {
    let sats = from_scenario(sc, &req.satellites).map_err(|e| eo_problem("satellites", e))?;
    let stations =
        stations_from_scenario(sc, &req.stations).map_err(|e| eo_problem("stations", e))?;
    let (start, end) = window(&req.start, &req.end)?;
    let found = contacts(&sats, &stations, start, end).map_err(|e| eo_problem("start", e))?;
    serde_json::to_value(found).map_err(|e| Problem::internal(e.to_string()))
}

fn d_time_limit() -> f64 {
    2.0
}
fn d_iterations() -> u64 {
    3000
}

/// An acquisition plan.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    /// Tasking requests: `{"requests": [...]}` as in the CLI's requests file.
    #[schema(value_type = Object)]
    pub requests: Value,
    /// Horizon start (RFC 3339).
    pub start: String,
    /// Horizon end.
    pub end: String,
    /// Search time limit, s (synchronous: at most 2; longer as job `eo_plan`).
    #[serde(default = "d_time_limit")]
    pub time_limit_s: f64,
    /// LNS iterations (reproducible for a seed when the time limit is not hit).
    #[serde(default = "d_iterations")]
    pub max_iterations: u64,
    /// Seed.
    #[serde(default)]
    pub seed: u64,
    /// Satellites (empty: every active imager).
    #[serde(default)]
    pub satellites: Vec<String>,
    /// Downlink stations (empty: every `ground_station`).
    #[serde(default)]
    pub stations: Vec<String>,
    /// Use the sensors' extended roll limit.
    #[serde(default)]
    pub extended_roll: bool,
    /// `json` (the plan) or `geojson` (footprints of the acquisitions).
    #[serde(default)]
    pub format: Option<String>,
}

/// Plan `req`; progress goes to the job. The independent checker has
/// accepted every plan returned (a rejected one is a 500, never returned).
pub fn eo_plan(sc: &Scenario, req: &PlanRequest, ctl: &Control) -> ApiResult<Value> {
    let geojson = format_of(&req.format)?;
    if !(req.time_limit_s.is_finite() && (0.0..=600.0).contains(&req.time_limit_s)) {
        return Err(Problem::invalid(
            "time_limit_s",
            "expected 0 to 600 seconds",
        ));
    }
    let sats = from_scenario(sc, &req.satellites).map_err(|e| eo_problem("satellites", e))?;
    let stations =
        stations_from_scenario(sc, &req.stations).map_err(|e| eo_problem("stations", e))?;
    let requests = parse_requests(&req.requests.to_string(), "requests")
        .map_err(|e| eo_problem("requests", e))?;
    let (start, end) = window(&req.start, &req.end)?;
    let opts = PlanOptions {
        time_limit: Duration::from_secs_f64(req.time_limit_s),
        max_iterations: req.max_iterations,
        seed: req.seed,
        extended_roll: req.extended_roll,
        ..Default::default()
    };
    let limit = req.time_limit_s.max(1e-3);
    let progress = |p: &PlanProgress| match p {
        PlanProgress::Prepared {
            contacts,
            candidates,
            ..
        } => ctl.report(
            0.05,
            format!("eo_plan: {contacts} contacts, {candidates} candidate acquisitions"),
        ),
        PlanProgress::Search(SearchProgress::Improved { value, by, elapsed }) => ctl.report(
            (0.05 + 0.95 * elapsed.as_secs_f64() / limit).min(0.99),
            format!("eo_plan: value {value:.4} ({by})"),
        ),
    };
    let input = PlanInput {
        requests: &requests,
        satellites: &sats,
        stations: &stations,
        start,
        end,
    };
    let result = plan(&input, &opts, &progress).map_err(|e| eo_problem("requests", e))?;
    if geojson {
        Ok(plan_geojson(&result, &requests))
    } else {
        serde_json::to_value(result).map_err(|e| Problem::internal(e.to_string()))
    }
}

/// Imaging opportunities of satellites over areas; job kind `eo_access`.
#[utoipa::path(post, path = "/eo/access", tag = "eo", request_body = AccessRequest,
    responses((status = 200, description = "opportunities (or GeoJSON)", body = Object), Problems))]
async fn access_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<AccessRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| eo_access(sc, &req, ctl))
        .await
        .map(Json)
}

/// Downlink contacts of satellites with receiving stations.
#[utoipa::path(post, path = "/eo/contacts", tag = "eo", request_body = ContactsRequest,
    responses((status = 200, description = "contacts with allocated time and volume", body = Object), Problems))]
async fn contacts_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<ContactsRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| eo_contacts(sc, &req, ctl))
        .await
        .map(Json)
}

/// Acquisition and downlink plan; searches over 2 s: job kind `eo_plan`.
#[utoipa::path(post, path = "/eo/plan", tag = "eo", request_body = PlanRequest,
    responses((status = 200, description = "the plan, accepted by the independent checker", body = Object), Problems))]
async fn plan_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<PlanRequest>,
) -> ApiResult<Json<Value>> {
    if req.time_limit_s > SYNC_MAX_TIME_LIMIT_S {
        return Err(too_long(
            "eo_plan",
            format!(
                "a {} s search (at most {SYNC_MAX_TIME_LIMIT_S} s)",
                req.time_limit_s
            ),
        ));
    }
    st.compute(move |sc, ctl| eo_plan(sc, &req, ctl))
        .await
        .map(Json)
}

/// The routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(access_handler))
        .routes(routes!(contacts_handler))
        .routes(routes!(plan_handler))
}
