//! Spectrum analyses over the scenario's assignment register
//! (`silkway-spectrum`): interference into receivers (I, I/N, C/I,
//! C/(N+I)) and cross-border screening against a trigger.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_model::Scenario;
use silkway_spectrum::border::{self, Border, Trigger};
use silkway_spectrum::interference::{self, Options};
use silkway_spectrum::{FreeSpace, PatternKind};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::Body;
use crate::jobs::Control;
use crate::kinds::Problems;
use crate::problem::{ApiResult, Problem};

/// A spectrum error as a problem naming the field where it can.
pub(crate) fn spectrum_problem(e: silkway_spectrum::Error) -> Problem {
    use silkway_spectrum::Error as E;
    match &e {
        E::InvalidInput { field, .. } => Problem::invalid(field.clone(), e.to_string()),
        E::Scenario(_) => Problem::invalid("body", e.to_string()),
        E::OutOfValidity { .. } => Problem::invalid("body", e.to_string()),
        _ => Problem::internal(e.to_string()),
    }
}

fn to_value<T: serde::Serialize>(v: &T) -> ApiResult<Value> {
    serde_json::to_value(v).map_err(|e| Problem::internal(e.to_string()))
}

/// Reference pattern of terrestrial (fixed-service) stations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FsPattern {
    /// ITU-R F.699-8 (peak envelope, single entry).
    #[default]
    F699,
    /// ITU-R F.1245-3 (average, aggregate).
    F1245,
}

/// Reference pattern of earth stations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EsPattern {
    /// ITU-R S.465-6.
    #[default]
    S465,
    /// ITU-R S.580-6 (D/λ ≥ 50).
    S580,
    /// RR Appendix 8 earth-station pattern.
    App8,
}

fn p20() -> f64 {
    20.0
}

/// Interference into receive assignments of the scenario (free-space path loss).
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterferenceRequest {
    /// Victim receive assignment id (default: every receive assignment).
    #[serde(default)]
    pub victim: Option<String>,
    /// Wanted transmit assignment of the victim (gives C).
    #[serde(default)]
    pub wanted: Option<String>,
    /// Wanted carrier at the victim's antenna output, dBW (overrides `wanted`).
    #[serde(default)]
    pub c_dbw: Option<f64>,
    /// Time percentage for the path-loss model, %.
    #[serde(default = "p20")]
    pub p_pct: f64,
    /// Pattern of terrestrial stations.
    #[serde(default)]
    pub fs_pattern: FsPattern,
    /// Pattern of earth stations.
    #[serde(default)]
    pub es_pattern: EsPattern,
    /// Ignore interferers farther than this, km.
    #[serde(default)]
    pub max_distance_km: Option<f64>,
}

/// Compute the interference reports of `req` (the `VictimReport`s of
/// `silkway spectrum interference --format json`).
pub fn interference(sc: &Scenario, req: &InterferenceRequest, ctl: &Control) -> ApiResult<Value> {
    let opts = Options {
        p_pct: req.p_pct,
        terrestrial_pattern: match req.fs_pattern {
            FsPattern::F699 => PatternKind::F699,
            FsPattern::F1245 => PatternKind::F1245,
        },
        earth_station_pattern: match req.es_pattern {
            EsPattern::S465 => PatternKind::S465,
            EsPattern::S580 => PatternKind::S580,
            EsPattern::App8 => PatternKind::App8,
        },
        max_distance_km: req.max_distance_km,
        wanted: req.wanted.clone(),
        c_dbw: req.c_dbw,
    };
    let reports = match &req.victim {
        Some(v) => {
            if !sc.assignments.iter().any(|a| &a.id == v) {
                return Err(Problem::invalid(
                    "victim",
                    format!("no assignment {v:?} in the scenario"),
                ));
            }
            vec![interference::analyze_victim(sc, v, &FreeSpace, &opts).map_err(spectrum_problem)?]
        }
        None => interference::analyze_all(sc, &FreeSpace, &opts).map_err(spectrum_problem)?,
    };
    ctl.report(1.0, "interference: done");
    to_value(&reports)
}

/// Interference into receivers: I per interferer, I/N, C/I, C/(N+I), aggregate.
#[utoipa::path(post, path = "/spectrum/interference", tag = "spectrum",
    request_body = InterferenceRequest,
    responses((status = 200, description = "one report per victim", body = Object), Problems))]
async fn interference_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<InterferenceRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| interference(sc, &req, ctl))
        .await
        .map(Json)
}

fn minus10() -> f64 {
    -10.0
}
fn one_km() -> f64 {
    1.0
}
fn ten_m() -> f64 {
    10.0
}

/// Worst field strength on the Azerbaijan–Iran border from each transmit
/// assignment, against a trigger.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BorderRequest {
    /// Fixed trigger, dB(µV/m) (default: derived from the other side's
    /// overlapping receivers at `i_over_n_db`).
    #[serde(default)]
    pub trigger_dbuv_m: Option<f64>,
    /// Protection criterion for the derived trigger, dB (F.758 long-term).
    #[serde(default = "minus10")]
    pub i_over_n_db: f64,
    /// Time percentage for the path-loss model, %.
    #[serde(default = "p20")]
    pub p_pct: f64,
    /// Border sampling step, km.
    #[serde(default = "one_km")]
    pub step_km: f64,
    /// Receiving height on the border, m.
    #[serde(default = "ten_m")]
    pub height_m: f64,
}

/// Compute the border screening of `req`: `{border, source, reports}` as
/// `silkway spectrum border --format json`.
pub fn border(sc: &Scenario, req: &BorderRequest, ctl: &Control) -> ApiResult<Value> {
    let line = Border::azerbaijan_iran().map_err(spectrum_problem)?;
    let trigger = match req.trigger_dbuv_m {
        Some(dbuv_m) => Trigger::FieldStrength { dbuv_m },
        None => Trigger::FromRegister {
            i_over_n_db: req.i_over_n_db,
        },
    };
    let opts = Options {
        p_pct: req.p_pct,
        ..Options::default()
    };
    let reports = border::screen(
        sc,
        &line,
        &FreeSpace,
        trigger,
        &opts,
        req.step_km,
        req.height_m,
    )
    .map_err(spectrum_problem)?;
    ctl.report(1.0, "border screening: done");
    Ok(json!({"border": line.countries, "source": line.source, "reports": to_value(&reports)?}))
}

/// Cross-border screening: worst field strength on the border, trigger,
/// margin and who must coordinate.
#[utoipa::path(post, path = "/spectrum/border", tag = "spectrum",
    request_body = BorderRequest,
    responses((status = 200, description = "border reports", body = Object), Problems))]
async fn border_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<BorderRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| border(sc, &req, ctl))
        .await
        .map(Json)
}

/// The spectrum routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(interference_handler))
        .routes(routes!(border_handler))
}
