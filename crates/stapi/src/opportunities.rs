//! `POST /products/{id}/opportunities`: the product's passes over the
//! area in the interval (stapi-spec v0.1.0, "Opportunity Collection"),
//! from [`silkway_eo::access::access`].

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde_json::{Value, json};
use silkway_analyses::Problem;
use silkway_eo::access::{AccessOptions, Opportunity, access};

use crate::caller::Caller;
use crate::links::{JSON, link};
use crate::products::product_satellite;
use crate::request::{TaskingBody, parse};
use crate::{STAPI_VERSION, StapiState};

/// Bounding box `[west, south, east, north]` of rings of (lon, lat).
pub(crate) fn bbox<'a>(rings: impl IntoIterator<Item = &'a Vec<[f64; 2]>>) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for ring in rings {
        for p in ring {
            b[0] = b[0].min(p[0]);
            b[1] = b[1].min(p[1]);
            b[2] = b[2].max(p[0]);
            b[3] = b[3].max(p[1]);
        }
    }
    b
}

/// One opportunity as a GeoJSON Feature, or `None` when no strip of the
/// pass is within the sensor's limits.
fn feature(
    state: &StapiState,
    product_id: &str,
    o: &Opportunity,
    request: &TaskingBody,
) -> Option<Value> {
    let feasible: Vec<_> = o.strips.iter().filter(|s| s.feasible).collect();
    let start = feasible
        .iter()
        .map(|s| s.start)
        .reduce(|a, b| if b < a { b } else { a })?;
    let end = feasible
        .iter()
        .map(|s| s.end)
        .reduce(|a, b| if b > a { b } else { a })?;
    let rings: Vec<&Vec<[f64; 2]>> = feasible.iter().map(|s| &s.footprint).collect();
    let window = format!("{}/{}", start.to_rfc3339_ms(), end.to_rfc3339_ms());
    let mut order_body = json!({ "datetime": window, "geometry": request.geometry });
    if let Some((f, _)) = &request.filter {
        order_body["filter"] = f.clone();
    }
    Some(json!({
        "type": "Feature",
        "stapi_type": "Opportunity",
        "stapi_version": STAPI_VERSION,
        "id": format!("{}-{}", o.satellite, o.broadside.to_rfc3339_ms()),
        "geometry": {
            "type": "MultiPolygon",
            "coordinates": rings.iter().map(|r| vec![(*r).clone()]).collect::<Vec<_>>(),
        },
        "bbox": bbox(rings.iter().copied()),
        "properties": {
            "product_id": product_id,
            "datetime": window,
            "platform": o.satellite,
            "constellation": o.sensor,
            "view:off_nadir": o.roll_deg.abs(),
            "silkway:roll_deg": o.roll_deg,
            "view:incidence_angle": o.incidence_deg,
            "view:sun_elevation": o.sun_elevation_deg,
            "silkway:coverage_fraction": o.coverage_fraction,
            "silkway:strips": feasible.len(),
            "silkway:broadside": o.broadside.to_rfc3339_ms(),
        },
        "links": [{
            "rel": "create-order",
            "href": state.url(&format!("/products/{product_id}/orders")),
            "type": JSON,
            "method": "POST",
            "body": order_body,
        }],
    }))
}

/// The product's opportunities for `request`, filtered.
pub(crate) async fn find(
    state: &StapiState,
    product_id: &str,
    request: &TaskingBody,
) -> Result<Vec<Value>, Problem> {
    let scenario = state.scenario();
    let sat = product_satellite(&scenario, product_id)?;
    let aoi = request.aoi.clone();
    let interval = request.interval;
    let found = tokio::task::spawn_blocking(move || {
        access(
            std::slice::from_ref(&sat),
            std::slice::from_ref(&aoi),
            interval.start,
            interval.end,
            &AccessOptions::default(),
        )
    })
    .await
    .map_err(|e| Problem::internal(format!("the access computation panicked: {e}")))?
    .map_err(|e| Problem::invalid("datetime", e.to_string()))?;
    Ok(found
        .iter()
        .filter_map(|o| feature(state, product_id, o, request))
        .filter(|f| {
            request
                .filter
                .as_ref()
                .is_none_or(|(_, flt)| flt.matches(f))
        })
        .collect())
}

/// `POST /products/{product_id}/opportunities` (any authenticated caller).
pub(crate) async fn search(
    State(state): State<StapiState>,
    Path(product_id): Path<String>,
    _caller: Caller,
    body: Bytes,
) -> Result<Json<Value>, Problem> {
    let request = parse(&body, false)?;
    let features = find(&state, &product_id, &request).await?;
    Ok(Json(json!({
        "type": "FeatureCollection",
        "features": features,
        "links": [
            link("create-order", state.url(&format!("/products/{product_id}/orders")), JSON),
            link("product", state.url(&format!("/products/{product_id}")), JSON),
        ],
        "numberReturned": features.len(),
    })))
}
