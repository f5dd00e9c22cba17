//! Spectrum models that need no scenario, as `silkway spectrum dtt |
//! montecarlo | pattern` offer them: RR Appendix 8 ΔT/T between two GSO
//! networks, seeded Monte Carlo aggregate interference, and reference
//! antenna patterns. The ΔT/T and Monte Carlo bodies have the fields of
//! the CLI's TOML files (`crates/spectrum/examples/dtt_example.toml`,
//! `montecarlo_border.toml`) as JSON.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_spectrum::dtt::DttInput;
use silkway_spectrum::montecarlo::McConfig;
use silkway_spectrum::{FreeSpace, PatternKind, PatternSpec};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::Body;
use crate::jobs::Control;
use crate::kinds::Problems;
use crate::orbit::too_long;
use crate::problem::{ApiResult, Problem};
use crate::spectrum::spectrum_problem;

/// Monte Carlo events answered synchronously; more run as job `montecarlo`
/// (about 150,000 events/s per thread).
pub const SYNC_MAX_EVENTS: u64 = 100_000;

fn to_value<T: serde::Serialize>(v: &T) -> ApiResult<Value> {
    serde_json::to_value(v).map_err(|e| Problem::internal(e.to_string()))
}

/// An Appendix 8 case (the fields of the CLI's ΔT/T file).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(value_type = Object)]
pub struct DttRequest(pub DttInput);

/// RR Appendix 8 ΔT/T and whether coordination is required.
pub fn dtt(r: &DttRequest) -> ApiResult<Value> {
    to_value(&r.0.evaluate().map_err(spectrum_problem)?)
}

/// A Monte Carlo run: the fields of the CLI's configuration file.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(value_type = Object)]
pub struct MontecarloRequest(pub McConfig);

/// Run the Monte Carlo (free-space path loss, as the CLI; seeded: the same
/// request gives the same result). Not interruptible once started.
pub fn montecarlo(r: &MontecarloRequest, ctl: &Control) -> ApiResult<Value> {
    ctl.report(0.0, format!("montecarlo: {} events", r.0.events));
    let out = r.0.run(&FreeSpace).map_err(spectrum_problem)?;
    to_value(&out)
}

/// A reference pattern and the off-axis angles to tabulate.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatternRequest {
    /// Recommendation: `s465`, `s580`, `f699`, `f1245`, `app8`, `s1528`, `s672`.
    #[schema(value_type = String)]
    pub kind: PatternKind,
    /// Frequency, GHz.
    pub freq_ghz: f64,
    /// Boresight gain, dBi (or give `diameter_m`).
    #[serde(default)]
    pub gain_dbi: Option<f64>,
    /// Diameter, m.
    #[serde(default)]
    pub diameter_m: Option<f64>,
    /// Aperture efficiency (default 0.7).
    #[serde(default)]
    pub efficiency: Option<f64>,
    /// Half 3 dB beamwidth, degrees (S.1528, S.672).
    #[serde(default)]
    pub half_beamwidth_deg: Option<f64>,
    /// LN (S.1528) or Ls (S.672), dB.
    #[serde(default)]
    pub sidelobe_db: Option<f64>,
    /// App. 8 side-lobe coefficient A: 32 (default) or 29 (App. 30B).
    #[serde(default)]
    pub coef_a: Option<f64>,
    /// Off-axis angles, degrees.
    #[serde(default = "default_angles")]
    pub angles_deg: Vec<f64>,
}

fn default_angles() -> Vec<f64> {
    vec![0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 48.0, 90.0, 180.0]
}

/// The pattern's gain at each angle, its maximum and 3 dB beamwidth.
pub fn pattern(r: &PatternRequest) -> ApiResult<Value> {
    let spec = PatternSpec {
        kind: r.kind,
        gain_dbi: r.gain_dbi,
        diameter_m: r.diameter_m,
        efficiency: r.efficiency,
        half_beamwidth_deg: r.half_beamwidth_deg,
        sidelobe_db: r.sidelobe_db,
        coef_a: r.coef_a,
        ..PatternSpec::from_gain(r.kind, 0.0)
    };
    let p = spec.build(r.freq_ghz).map_err(spectrum_problem)?;
    if let Some(i) = r.angles_deg.iter().position(|a| !a.is_finite()) {
        return Err(Problem::invalid(format!("angles_deg[{i}]"), "not a number"));
    }
    let gains: Vec<Value> = r
        .angles_deg
        .iter()
        .map(|&a| json!({"off_axis_deg": a, "gain_dbi": p.gain_dbi(a)}))
        .collect();
    Ok(json!({
        "model": p.name(), "max_gain_dbi": p.max_gain_dbi(),
        "beamwidth_3db_deg": p.beamwidth_3db_deg(), "gains": gains,
    }))
}

/// RR Appendix 8 ΔT/T between two GSO networks.
#[utoipa::path(post, path = "/spectrum/dtt", tag = "spectrum", request_body = DttRequest,
    responses((status = 200, description = "ΔT/T and the coordination verdict", body = Object), Problems))]
async fn dtt_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<DttRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |_, _| dtt(&req)).await.map(Json)
}

/// Seeded Monte Carlo aggregate interference (free space); more than
/// 100,000 events: job kind `montecarlo`.
#[utoipa::path(post, path = "/spectrum/montecarlo", tag = "spectrum", request_body = MontecarloRequest,
    responses((status = 200, description = "exceedance probability, percentiles, convergence", body = Object), Problems))]
async fn montecarlo_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<MontecarloRequest>,
) -> ApiResult<Json<Value>> {
    if req.0.events > SYNC_MAX_EVENTS {
        return Err(too_long(
            "montecarlo",
            format!("{} events (at most {SYNC_MAX_EVENTS})", req.0.events),
        ));
    }
    st.compute(move |_, ctl| montecarlo(&req, ctl))
        .await
        .map(Json)
}

/// Gain of a reference antenna pattern at off-axis angles.
#[utoipa::path(post, path = "/spectrum/pattern", tag = "spectrum", request_body = PatternRequest,
    responses((status = 200, description = "gain per off-axis angle", body = Object), Problems))]
async fn pattern_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<PatternRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |_, _| pattern(&req)).await.map(Json)
}

/// The routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(dtt_handler))
        .routes(routes!(montecarlo_handler))
        .routes(routes!(pattern_handler))
}
