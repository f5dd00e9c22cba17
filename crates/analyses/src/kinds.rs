//! The analyses that can run as jobs, and the error responses every
//! analysis documents.
//!
//! Each job kind takes the same `params` as its synchronous endpoint.

use serde::Deserialize;
use serde_json::Value;
use silkway_model::Scenario;
use utoipa::{IntoResponses, ToSchema};

use crate::jobs::Control;
use crate::problem::{ApiResult, Problem};
use crate::{
    capacity, coordination, eo, link, net, net_apsp, orbit, orbit_states, spectrum, spectrum_models,
};

/// The error responses of the analysis endpoints (RFC 9457 problem+json).
#[derive(Debug, IntoResponses)]
#[allow(dead_code)]
pub enum Problems {
    /// The body is not JSON (or not the declared media type).
    #[response(status = 400, content_type = "application/problem+json")]
    BadRequest(Problem),
    /// A field is invalid; `errors` names it.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
    /// The server lacks data it needs (the ITU-R digital maps).
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(Problem),
}

/// A job submission: the analysis kind and its parameters (the request
/// body of the matching synchronous endpoint).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(tag = "kind", content = "params", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // built once per submission, consumed by `run`
pub enum JobRequest {
    /// `POST /orbit/passes`.
    Passes(orbit::PassesRequest),
    /// `POST /orbit/look-angles`.
    LookAngles(orbit::LookRequest),
    /// `POST /orbit/ground-tracks`.
    GroundTracks(orbit::TrackRequest),
    /// `POST /orbit/eclipses`.
    Eclipses(orbit::EclipseRequest),
    /// `POST /orbit/propagate`.
    Propagate(orbit_states::PropagateRequest),
    /// `POST /net/apsp`.
    Apsp(net_apsp::ApspRequest),
    /// `POST /link/map`.
    AttenuationMap(link::MapRequest),
    /// `POST /net/paths`.
    Paths(net::PathsRequest),
    /// `POST /net/disjoint`.
    Disjoint(net::DisjointRequest),
    /// `POST /net/what-if`.
    WhatIf(net::WhatIfRequest),
    /// `POST /net/failures`.
    Failures(net::FailuresRequest),
    /// `POST /net/maxflow`.
    Maxflow(net::MaxflowRequest),
    /// `POST /net/availability`.
    Availability(net::AvailabilityRequest),
    /// `POST /net/route-demands`.
    RouteDemands(net::RouteDemandsRequest),
    /// `POST /spectrum/interference`.
    Interference(spectrum::InterferenceRequest),
    /// `POST /spectrum/border`.
    Border(spectrum::BorderRequest),
    /// `POST /spectrum/montecarlo`.
    Montecarlo(spectrum_models::MontecarloRequest),
    /// `POST /spectrum/coordination-distance`.
    CoordinationDistance(coordination::CoordinationRequest),
    /// `POST /eo/access`.
    EoAccess(eo::AccessRequest),
    /// `POST /eo/contacts`.
    EoContacts(eo::ContactsRequest),
    /// `POST /eo/plan`.
    EoPlan(eo::PlanRequest),
    /// `POST /capacity/plan`.
    CapacityPlan(capacity::PlanRequest),
    /// `POST /capacity/size`.
    CapacitySize(capacity::SizeRequest),
}

fn to_json<T: serde::Serialize>(value: ApiResult<T>) -> ApiResult<Value> {
    value.and_then(|v| {
        serde_json::to_value(v)
            .map_err(|e| Problem::internal(format!("serialising the result: {e}")))
    })
}

impl JobRequest {
    /// The kind's name (`passes`, `attenuation_map`...).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Passes(_) => "passes",
            Self::LookAngles(_) => "look_angles",
            Self::GroundTracks(_) => "ground_tracks",
            Self::Eclipses(_) => "eclipses",
            Self::Propagate(_) => "propagate",
            Self::Apsp(_) => "apsp",
            Self::AttenuationMap(_) => "attenuation_map",
            Self::Paths(_) => "paths",
            Self::Disjoint(_) => "disjoint",
            Self::WhatIf(_) => "what_if",
            Self::Failures(_) => "failures",
            Self::Maxflow(_) => "maxflow",
            Self::Availability(_) => "availability",
            Self::RouteDemands(_) => "route_demands",
            Self::Interference(_) => "interference",
            Self::Border(_) => "border",
            Self::Montecarlo(_) => "montecarlo",
            Self::CoordinationDistance(_) => "coordination_distance",
            Self::EoAccess(_) => "eo_access",
            Self::EoContacts(_) => "eo_contacts",
            Self::EoPlan(_) => "eo_plan",
            Self::CapacityPlan(_) => "capacity_plan",
            Self::CapacitySize(_) => "capacity_size",
        }
    }

    /// Run the analysis (on a blocking thread), its result as JSON.
    pub fn run(self, sc: &Scenario, ctl: &Control) -> ApiResult<Value> {
        match self {
            Self::Passes(r) => to_json(orbit::passes(sc, &r, ctl)),
            Self::LookAngles(r) => to_json(orbit::look_angles(sc, &r, ctl)),
            Self::GroundTracks(r) => orbit::ground_tracks(sc, &r, ctl),
            Self::Eclipses(r) => to_json(orbit::eclipses(sc, &r, ctl)),
            Self::Propagate(r) => orbit_states::propagate(sc, &r, ctl),
            Self::Apsp(r) => net_apsp::all_pairs(sc, &r, ctl),
            Self::AttenuationMap(r) => link::map(&r, ctl),
            Self::Paths(r) => to_json(net::paths(sc, &r, ctl)),
            Self::Disjoint(r) => to_json(net::disjoint(sc, &r, ctl)),
            Self::WhatIf(r) => to_json(net::what_if(sc, &r, ctl)),
            Self::Failures(r) => to_json(net::failures(sc, &r, ctl)),
            Self::Maxflow(r) => to_json(net::maxflow(sc, &r, ctl)),
            Self::Availability(r) => to_json(net::availability(sc, &r, ctl)),
            Self::RouteDemands(r) => to_json(net::route_demands(sc, &r, ctl)),
            Self::Interference(r) => spectrum::interference(sc, &r, ctl),
            Self::Border(r) => spectrum::border(sc, &r, ctl),
            Self::Montecarlo(r) => spectrum_models::montecarlo(&r, ctl),
            Self::CoordinationDistance(r) => coordination::coordination_distance_json(sc, &r, ctl),
            Self::EoAccess(r) => eo::eo_access(sc, &r, ctl),
            Self::EoContacts(r) => eo::eo_contacts(sc, &r, ctl),
            Self::EoPlan(r) => eo::eo_plan(sc, &r, ctl),
            Self::CapacityPlan(r) => capacity::plan(sc, &r, ctl),
            Self::CapacitySize(r) => capacity::size(sc, &r, ctl),
        }
    }
}
