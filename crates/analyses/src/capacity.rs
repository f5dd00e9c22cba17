//! Capacity analyses (`silkway-capacity`): transponder carrier plans with
//! their violations, and service sizing on every candidate transponder.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::Value;
use silkway_capacity::{PlanFile, ServiceRequest};
use silkway_model::Scenario;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::Body;
use crate::jobs::Control;
use crate::kinds::Problems;
use crate::link::maps;
use crate::problem::{ApiResult, Problem};

/// A capacity error as a problem naming the field under `prefix`.
fn capacity_problem(prefix: &str, e: silkway_capacity::Error) -> Problem {
    use silkway_capacity::Error as E;
    match &e {
        E::Field { path, .. }
        | E::NotCovered { path, .. }
        | E::Link { path, .. }
        | E::DoesNotClose { path, .. } => {
            Problem::invalid(format!("{prefix}.{path}"), e.to_string())
        }
        E::Parse { .. } => Problem::invalid(prefix, e.to_string()),
        _ => Problem::invalid(prefix, e.to_string()),
    }
}

/// A document given as TOML text or as a JSON object, as TOML text.
fn toml_text(field: &str, doc: &Value) -> ApiResult<String> {
    match doc {
        Value::String(text) => Ok(text.clone()),
        Value::Object(_) => toml::to_string(doc).map_err(|e| {
            Problem::invalid(
                field,
                format!("cannot be read as the documented format: {e}"),
            )
        }),
        _ => Err(Problem::invalid(
            field,
            "expected a JSON object or TOML text",
        )),
    }
}

fn check_date(date: Option<&str>) -> ApiResult<()> {
    match date {
        Some(d) if !silkway_model::payload::is_iso_date(d) => Err(Problem::invalid(
            "date",
            format!("expected YYYY-MM-DD, found {d:?}"),
        )),
        _ => Ok(()),
    }
}

/// The scenario with the plan applied, and the date to check leases on.
fn with_plan(
    sc: &Scenario,
    plan: Option<&Value>,
    date: Option<&str>,
) -> ApiResult<(Scenario, Option<String>)> {
    check_date(date)?;
    let base = sc.clone();
    match plan {
        None => Ok((base, date.map(str::to_owned))),
        Some(doc) => {
            let text = toml_text("plan", doc)?;
            let file =
                PlanFile::from_toml(&text, "plan").map_err(|e| capacity_problem("plan", e))?;
            let file_date = file.date.clone();
            let merged = file
                .apply(base, "plan")
                .map_err(|e| capacity_problem("plan", e))?;
            let date = date.map(str::to_owned).or(file_date);
            check_date(date.as_deref())?;
            Ok((merged, date))
        }
    }
}

/// The scenario's transponder plans (optionally with a carrier-plan file
/// applied over them).
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    /// A carrier-plan file (format: crates/capacity/README.md) as TOML text
    /// or a JSON object, applied over the scenario.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub plan: Option<Value>,
    /// Check leases on this date (YYYY-MM-DD); default: the plan's `date`,
    /// else every lease counts.
    #[serde(default)]
    pub date: Option<String>,
}

/// Compute the plan report of `req` (the `PlanReport` of `silkway
/// capacity plan --format json`: per transponder and carrier, violations).
pub fn plan(sc: &Scenario, req: &PlanRequest, ctl: &Control) -> ApiResult<Value> {
    let (s, date) = with_plan(sc, req.plan.as_ref(), req.date.as_deref())?;
    let report = silkway_capacity::plan(&s, date.as_deref());
    ctl.report(1.0, "plan: done");
    serde_json::to_value(report).map_err(|e| Problem::internal(e.to_string()))
}

/// Transponder by transponder: bandwidth and power used, each carrier's
/// PEB and limiting resource, and every violation.
#[utoipa::path(post, path = "/capacity/plan", tag = "capacity",
    request_body = PlanRequest,
    responses((status = 200, description = "plan report", body = Object), Problems))]
async fn plan_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<PlanRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| plan(sc, &req, ctl))
        .await
        .map(Json)
}

/// Size a service request on every candidate transponder.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SizeRequest {
    /// The service request (format: crates/capacity/README.md) as TOML text
    /// or a JSON object.
    #[schema(value_type = Object)]
    pub request: Value,
    /// A carrier-plan file applied over the scenario (TOML text or object).
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub plan: Option<Value>,
    /// Leases active on this date (YYYY-MM-DD).
    #[serde(default)]
    pub date: Option<String>,
}

/// Compute the sizing of `req` (the `SizingReport` of `silkway capacity
/// size --format json`). Without `rain_fade_db` in the request the fade
/// comes from ITU-R P.618-13 at each terminal site (needs the ITU-R maps).
pub fn size(sc: &Scenario, req: &SizeRequest, ctl: &Control) -> ApiResult<Value> {
    let (s, date) = with_plan(sc, req.plan.as_ref(), req.date.as_deref())?;
    let text = toml_text("request", &req.request)?;
    let service =
        ServiceRequest::from_toml(&text, "request").map_err(|e| capacity_problem("request", e))?;
    let current = silkway_capacity::plan(&s, date.as_deref());
    let p618;
    let model: Option<&dyn silkway_link::Fade> = if service.rain_fade_db.is_some() {
        None
    } else {
        p618 = silkway_link::P618Fade::new(maps()?);
        Some(&p618)
    };
    let report = silkway_capacity::size(&s, &current, &service, model)
        .map_err(|e| capacity_problem("request", e))?;
    ctl.report(1.0, "sizing: done");
    serde_json::to_value(report).map_err(|e| Problem::internal(e.to_string()))
}

/// Size a service (terminals, throughput, availability) on every candidate
/// transponder: MHz, power, MODCOD, fits or not, ranked.
#[utoipa::path(post, path = "/capacity/size", tag = "capacity",
    request_body = SizeRequest,
    responses((status = 200, description = "sizing report", body = Object), Problems))]
async fn size_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<SizeRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| size(sc, &req, ctl))
        .await
        .map(Json)
}

/// The capacity routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(plan_handler))
        .routes(routes!(size_handler))
}
