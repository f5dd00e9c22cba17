//! Products: one per imaging satellite of the scenario (stapi-spec v0.1.0,
//! "Product Object"), with its queryables and order parameters as JSON
//! Schema.

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};
use silkway_analyses::Problem;
use silkway_eo::fleet::{EoSatellite, from_scenario};
use silkway_model::Scenario;

use crate::links::{JSON, link, titled};
use crate::{STAPI_VERSION, StapiState};

/// The scenario's plannable imaging satellites (active, with a sensor and
/// an element set).
pub(crate) fn fleet(scenario: &Scenario) -> Vec<EoSatellite> {
    from_scenario(scenario, &[]).unwrap_or_default()
}

/// The satellite behind `product_id`, or 404.
pub(crate) fn product_satellite(
    scenario: &Scenario,
    product_id: &str,
) -> Result<EoSatellite, Problem> {
    fleet(scenario)
        .into_iter()
        .find(|s| s.id == product_id)
        .ok_or_else(|| {
            Problem::not_found(format!(
                "no product {product_id:?}; GET /stapi/products lists them"
            ))
        })
}

fn product(state: &StapiState, scenario: &Scenario, sat: &EoSatellite) -> Value {
    let model = scenario.satellite(&sat.id);
    let operator = model.map(|s| s.operator.clone()).unwrap_or_default();
    let operator_name = scenario
        .organization(&operator)
        .map(|o| o.name.clone())
        .unwrap_or(operator.clone());
    let sensor = model
        .and_then(|s| s.sensor.as_deref())
        .and_then(|id| scenario.sensors.iter().find(|x| x.id == id));
    let base = format!("/products/{}", sat.id);
    json!({
        "type": "Collection",
        "stapi_type": "Product",
        "stapi_version": STAPI_VERSION,
        "id": sat.id,
        "title": format!("{} optical tasking", sat.name),
        "description": format!(
            "New optical acquisitions by {} (NORAD {}), {} km swath at nadir, roll up to {}°; \
             opportunities from the pass finder and the sensor's agility, orders planned \
             with the product's other orders.",
            sat.name, sat.norad_id, sat.imager.swath_km, sat.imager.roll_max_deg
        ),
        "keywords": ["optical", "tasking", sat.id],
        "license": "proprietary",
        "providers": [{ "name": operator_name, "roles": ["producer"] }],
        "gsd": sensor.map(|s| s.pan_resolution_m),
        "links": [
            link("self", state.url(&base), JSON),
            titled("queryables", state.url(&format!("{base}/queryables")), "application/schema+json", "Queryables of opportunities"),
            titled("order-parameters", state.url(&format!("{base}/order-parameters")), "application/schema+json", "Order parameters"),
            titled("opportunities", state.url(&format!("{base}/opportunities")), "application/geo+json", "Search opportunities (POST)"),
            titled("create-order", state.url(&format!("{base}/orders")), JSON, "Order (POST)"),
        ],
    })
}

/// `GET /products`.
pub(crate) async fn list(State(state): State<StapiState>) -> Json<Value> {
    let scenario = state.scenario();
    let products: Vec<Value> = fleet(&scenario)
        .iter()
        .map(|s| product(&state, &scenario, s))
        .collect();
    Json(json!({
        "products": products,
        "links": [link("self", state.url("/products"), JSON), link("root", state.url("/"), JSON)],
    }))
}

/// `GET /products/{product_id}`.
pub(crate) async fn one(
    State(state): State<StapiState>,
    Path(product_id): Path<String>,
) -> Result<Json<Value>, Problem> {
    let scenario = state.scenario();
    let sat = product_satellite(&scenario, &product_id)?;
    Ok(Json(product(&state, &scenario, &sat)))
}

/// `GET /products/{product_id}/queryables`: the opportunity properties a
/// CQL2 `filter` may use.
pub(crate) async fn queryables(
    State(state): State<StapiState>,
    Path(product_id): Path<String>,
) -> Result<Json<Value>, Problem> {
    let scenario = state.scenario();
    let sat = product_satellite(&scenario, &product_id)?;
    Ok(Json(json!({
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": state.url(&format!("/products/{}/queryables", sat.id)),
        "type": "object",
        "title": format!("Queryables of {} opportunities", sat.name),
        "properties": {
            "view:off_nadir": { "title": "Roll to the area's centre at broadside", "type": "number", "minimum": 0, "maximum": sat.imager.roll_extended_deg, "unit": "deg" },
            "view:incidence_angle": { "title": "Incidence at the area's centre at broadside", "type": "number", "minimum": 0, "maximum": 90, "unit": "deg" },
            "view:sun_elevation": { "title": "Sun elevation at the area's centre at broadside", "type": "number", "minimum": -90, "maximum": 90, "unit": "deg" },
            "silkway:coverage_fraction": { "title": "Share of the area the feasible strips of the pass cover", "type": "number", "minimum": 0, "maximum": 1 },
        },
        "additionalProperties": false,
    })))
}

/// `GET /products/{product_id}/order-parameters`.
pub(crate) async fn order_parameters(
    State(state): State<StapiState>,
    Path(product_id): Path<String>,
) -> Result<Json<Value>, Problem> {
    let scenario = state.scenario();
    let sat = product_satellite(&scenario, &product_id)?;
    Ok(Json(json!({
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": state.url(&format!("/products/{}/order-parameters", sat.id)),
        "type": "object",
        "title": "Order parameters",
        "properties": {
            "priority": { "type": "number", "exclusiveMinimum": 0, "default": 1, "description": "Weight in the plan: value = priority × covered share of the area" },
            "mode": { "type": "string", "enum": ["mono", "stereo"], "default": "mono", "description": "One look, or an along-track fore/aft pair in one pass" },
            "max_incidence_deg": { "type": "number", "minimum": 0, "maximum": 90, "default": sat.imager.max_incidence_deg, "description": "Largest incidence accepted" },
            "min_sun_elevation_deg": { "type": "number", "minimum": -90, "maximum": 90, "default": sat.imager.min_sun_elevation_deg, "description": "Lowest sun elevation accepted" },
        },
        "additionalProperties": false,
    })))
}
