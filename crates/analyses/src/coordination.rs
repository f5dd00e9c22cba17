//! RR Appendix 7 coordination distance and contour of an earth station
//! (propagation mode (1), every azimuth), with the countries the
//! coordination area reaches and the scenario's administrations there
//! (RR No. 9.17). One implementation for `silkway spectrum
//! coordination-distance` and `POST /spectrum/coordination-distance`.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_model::{OrganizationKind, Scenario};
use silkway_spectrum::coordination::countries::CountryMap;
use silkway_spectrum::coordination::mode1::Mode1Params;
use silkway_spectrum::coordination::zones::{LandMap, Zone, ZoneSource};
use silkway_spectrum::coordination::{
    self as app7, CoordinationResult, EarthStation, EarthStationRole, HorizonProfile,
    ParameterTable, Request,
};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::Body;
use crate::jobs::Control;
use crate::kinds::Problems;
use crate::problem::{ApiResult, Problem};
use crate::spectrum::spectrum_problem;

/// Where the radio-climatic zones come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ZonesChoice {
    /// Natural Earth land around the Caspian (sea = zone B).
    #[default]
    Map,
    /// Coastal land everywhere.
    A1,
    /// Inland everywhere.
    A2,
    /// Sea everywhere.
    B,
}

fn d_azimuth_step() -> f64 {
    5.0
}
fn d_step() -> f64 {
    1.0
}
fn d_delta_n() -> f64 {
    45.0
}
fn d_n0() -> f64 {
    325.0
}
fn d_es_h() -> f64 {
    10.0
}
fn d_ts_h() -> f64 {
    30.0
}
fn d_es_horizon() -> f64 {
    0.5
}

/// A coordination-distance request: an assignment of the scenario, or an
/// earth station given by hand (`lat_deg`, `lon_deg`, `freq_mhz`,
/// `gain_dbi`, `role`, and the pointing).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CoordinationRequest {
    /// The earth-station assignment (default `az-baku-uplink-6g` when no
    /// station is given by hand).
    #[serde(default)]
    pub assignment: Option<String>,
    /// Station latitude, degrees.
    #[serde(default)]
    pub lat_deg: Option<f64>,
    /// Station longitude, degrees.
    #[serde(default)]
    pub lon_deg: Option<f64>,
    /// Frequency, MHz.
    #[serde(default)]
    pub freq_mhz: Option<f64>,
    /// Boresight gain, dBi.
    #[serde(default)]
    pub gain_dbi: Option<f64>,
    /// Main-beam azimuth, degrees (or `sat_lon_deg`).
    #[serde(default)]
    pub pointing_az_deg: Option<f64>,
    /// Main-beam elevation, degrees.
    #[serde(default)]
    pub pointing_el_deg: Option<f64>,
    /// Longitude of the GSO satellite the antenna points at (sets the pointing).
    #[serde(default)]
    pub sat_lon_deg: Option<f64>,
    /// `transmit` or `receive`.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub role: Option<EarthStationRole>,
    /// Transmitting: power at the antenna input in the reference bandwidth, dBW.
    #[serde(default)]
    pub power_dbw: Option<f64>,
    /// Receiving: system noise temperature, K.
    #[serde(default)]
    pub noise_temp_k: Option<f64>,
    /// System-parameter table as TOML (format of
    /// `crates/spectrum/data/app7_parameters.toml`; default: the built-in one).
    #[serde(default)]
    pub params_toml: Option<String>,
    /// Entry of the table (default: the one whose band holds the frequency).
    #[serde(default)]
    pub entry: Option<String>,
    /// Time percentage, % (default p0/n of the entry).
    #[serde(default)]
    pub p_pct: Option<f64>,
    /// Azimuth step, degrees.
    #[serde(default = "d_azimuth_step")]
    pub azimuth_step_deg: f64,
    /// Distance step, km.
    #[serde(default = "d_step")]
    pub step_km: f64,
    /// Horizon elevations `az:el,az:el,...` degrees (default 0° all round).
    #[serde(default)]
    pub horizon: String,
    /// Zones.
    #[serde(default)]
    pub zones: ZonesChoice,
    /// ΔN, N-units/km.
    #[serde(default = "d_delta_n")]
    pub delta_n: f64,
    /// N0, N-units.
    #[serde(default = "d_n0")]
    pub n0: f64,
    /// Earth-station antenna height above ground, m.
    #[serde(default = "d_es_h")]
    pub es_height_m: f64,
    /// Terrestrial antenna height above ground, m.
    #[serde(default = "d_ts_h")]
    pub terrestrial_height_m: f64,
    /// Earth-station horizon distance, km.
    #[serde(default = "d_es_horizon")]
    pub es_horizon_km: f64,
    /// `json` (the result with `countries_reached`) or `geojson` (the contour).
    #[serde(default)]
    pub format: Option<String>,
}

/// The result and the foreign countries reached.
#[derive(Debug, Clone)]
pub struct CoordinationOutcome {
    /// The App. 7 computation.
    pub result: CoordinationResult,
    /// Reference bandwidth of the parameter entry, Hz.
    pub reference_bandwidth_hz: f64,
    /// Foreign countries reached: `alpha2`, `name`, `nearest_km`,
    /// `azimuths_deg`, `administrations` (of the scenario).
    pub foreign: Vec<Value>,
    /// Where the country outlines come from.
    pub countries_source: String,
}

impl CoordinationOutcome {
    /// The JSON document: the result with `countries_reached`.
    pub fn to_json(&self) -> ApiResult<Value> {
        let mut v =
            serde_json::to_value(&self.result).map_err(|e| Problem::internal(e.to_string()))?;
        v["countries_reached"] = json!(self.foreign);
        v["countries_source"] = json!(self.countries_source);
        Ok(v)
    }

    /// The contour as GeoJSON with `countries_reached`.
    pub fn to_geojson(&self) -> Value {
        let mut g = self.result.to_geojson();
        g["features"][0]["properties"]["countries_reached"] = json!(self.foreign);
        g
    }
}

fn station(
    scenario: Option<&Scenario>,
    req: &CoordinationRequest,
    table: &ParameterTable,
) -> ApiResult<EarthStation> {
    match (req.lat_deg, req.lon_deg) {
        (Some(lat), Some(lon)) => {
            let need = |v: Option<f64>, n: &str| {
                v.ok_or_else(|| {
                    Problem::invalid(n, "required for a station given by lat_deg/lon_deg")
                })
            };
            let (az, el) = match req.sat_lon_deg {
                Some(sat) => app7::antenna::gso_look_angles_deg(lat, lon, 0.0, sat),
                None => (
                    need(req.pointing_az_deg, "pointing_az_deg")?,
                    need(req.pointing_el_deg, "pointing_el_deg")?,
                ),
            };
            Ok(EarthStation {
                id: format!("{lat},{lon}"),
                lat_deg: lat,
                lon_deg: lon,
                role: req
                    .role
                    .ok_or_else(|| Problem::invalid("role", "required: transmit or receive"))?,
                freq_mhz: need(req.freq_mhz, "freq_mhz")?,
                gmax_dbi: need(req.gain_dbi, "gain_dbi")?,
                pointing_azimuth_deg: az,
                pointing_elevation_deg: el,
                power_dbw_in_ref_bw: req.power_dbw,
                noise_temp_k: req.noise_temp_k,
            })
        }
        (None, None) => {
            let s = scenario.ok_or_else(|| {
                Problem::invalid("assignment", "no scenario to take the assignment from")
            })?;
            let id = req.assignment.as_deref().unwrap_or("az-baku-uplink-6g");
            if !s.assignments.iter().any(|a| a.id == id) {
                return Err(Problem::invalid(
                    "assignment",
                    format!("no assignment {id:?} in the scenario"),
                ));
            }
            let probe = EarthStation::from_assignment(s, id, 1e6)
                .map_err(|e| Problem::invalid("assignment", e.to_string()))?;
            let row = table
                .select(req.entry.as_deref(), probe.role, probe.freq_mhz)
                .map_err(|e| Problem::invalid("entry", e.to_string()))?;
            let mut st = EarthStation::from_assignment(s, id, row.reference_bandwidth_hz)
                .map_err(|e| Problem::invalid("assignment", e.to_string()))?;
            if req.power_dbw.is_some() {
                st.power_dbw_in_ref_bw = req.power_dbw;
            }
            if req.noise_temp_k.is_some() {
                st.noise_temp_k = req.noise_temp_k;
            }
            Ok(st)
        }
        (Some(_), None) => Err(Problem::invalid(
            "lon_deg",
            "give both lat_deg and lon_deg, or neither",
        )),
        (None, Some(_)) => Err(Problem::invalid(
            "lat_deg",
            "give both lat_deg and lon_deg, or neither",
        )),
    }
}

/// Compute the coordination distance of `req` with parameter `table`;
/// `scenario` gives the assignment and the administrations.
pub fn coordination_distance(
    scenario: Option<&Scenario>,
    req: &CoordinationRequest,
    table: &ParameterTable,
) -> ApiResult<CoordinationOutcome> {
    let station = station(scenario, req, table)?;
    let params = table
        .select(req.entry.as_deref(), station.role, station.freq_mhz)
        .map_err(|e| Problem::invalid("entry", e.to_string()))?
        .clone();
    let reference_bandwidth_hz = params.reference_bandwidth_hz;
    let zones = match req.zones {
        ZonesChoice::Map => ZoneSource::Map(LandMap::caspian().map_err(spectrum_problem)?),
        ZonesChoice::A1 => ZoneSource::Uniform(Zone::A1),
        ZonesChoice::A2 => ZoneSource::Uniform(Zone::A2),
        ZonesChoice::B => ZoneSource::Uniform(Zone::B),
    };
    let request = Request {
        station,
        params,
        p_pct: req.p_pct,
        azimuth_step_deg: req.azimuth_step_deg,
        distance_step_km: req.step_km,
        horizon: HorizonProfile::parse(&req.horizon)
            .map_err(|e| Problem::invalid("horizon", e.to_string()))?,
        climate: Mode1Params {
            freq_ghz: 1.0,
            p_pct: 1.0,
            delta_n: req.delta_n,
            n0: req.n0,
            es_height_m: req.es_height_m,
            terrestrial_height_m: req.terrestrial_height_m,
            es_horizon_km: req.es_horizon_km,
        },
        zones,
    };
    let result = app7::coordination_distance(&request).map_err(spectrum_problem)?;
    let map = CountryMap::caspian().map_err(spectrum_problem)?;
    let admins_of = |alpha2: &str| -> Vec<String> {
        scenario.map_or_else(Vec::new, |s| {
            s.organizations
                .iter()
                .filter(|o| o.country == alpha2 && o.kind == OrganizationKind::Administration)
                .map(|o| o.id.clone())
                .collect()
        })
    };
    let foreign = result
        .countries_reached(&map, req.step_km.max(1.0))
        .iter()
        .filter(|c| !c.own)
        .map(|c| {
            json!({
                "alpha2": c.alpha2, "name": c.name, "nearest_km": c.nearest_km,
                "azimuths_deg": c.azimuths_deg, "administrations": admins_of(&c.alpha2),
            })
        })
        .collect();
    Ok(CoordinationOutcome {
        result,
        reference_bandwidth_hz,
        foreign,
        countries_source: map.source,
    })
}

/// The API form: the built-in or given parameter table, JSON or GeoJSON.
pub fn coordination_distance_json(
    sc: &Scenario,
    req: &CoordinationRequest,
    _ctl: &Control,
) -> ApiResult<Value> {
    let table = match &req.params_toml {
        Some(text) => ParameterTable::from_toml(text, "params_toml")
            .map_err(|e| Problem::invalid("params_toml", e.to_string()))?,
        None => ParameterTable::builtin().map_err(spectrum_problem)?,
    };
    let outcome = coordination_distance(Some(sc), req, &table)?;
    match req.format.as_deref() {
        None | Some("json") => outcome.to_json(),
        Some("geojson") => Ok(outcome.to_geojson()),
        Some(other) => Err(Problem::invalid(
            "format",
            format!("expected json or geojson, found {other:?}"),
        )),
    }
}

/// RR Appendix 7 coordination distance and contour of an earth station
/// (mode (1)); job kind `coordination_distance`.
#[utoipa::path(post, path = "/spectrum/coordination-distance", tag = "spectrum", request_body = CoordinationRequest,
    responses((status = 200, description = "distance per azimuth, contour, countries and administrations reached", body = Object), Problems))]
async fn coordination_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<CoordinationRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| coordination_distance_json(sc, &req, ctl))
        .await
        .map(Json)
}

/// The route.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new().routes(routes!(coordination_handler))
}
