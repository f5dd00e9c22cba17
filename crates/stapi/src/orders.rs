//! Orders: create (planned at once), list, read, status history, cancel.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode as Http, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_analyses::Problem;
use silkway_catalog::PlannedAcquisition;
use silkway_eo::tasking::{Acquisition, Mode};
use silkway_store::{Actor, Kind, PageRequest, Role, Store, StoreError};

use crate::StapiState;
use crate::caller::Caller;
use crate::interval::Interval;
use crate::links::{JSON, link};
use crate::order_doc::{OrderDoc, StatusCode};
use crate::planning::{Decision, PlanOrder, decide, near};
use crate::products::product_satellite;
use crate::request::{OrderParameters, TaskingBody, now, order_parameters, parse};

/// Orders within this many seconds of a new order's window are planned
/// with it.
const NEIGHBOUR_MARGIN_S: f64 = 86_400.0;

fn store_problem(e: StoreError) -> Problem {
    match e {
        StoreError::Forbidden { .. } => Problem::new(Http::FORBIDDEN, e.to_string()),
        StoreError::NotFound { .. } => Problem::not_found(e.to_string()),
        StoreError::Conflict { .. } => Problem::conflict(e.to_string()),
        other => Problem::internal(other.to_string()),
    }
}

fn doc_of(body: &Value) -> Result<OrderDoc, Problem> {
    serde_json::from_value(body.clone())
        .map_err(|e| Problem::internal(format!("a stored order is unreadable: {e}")))
}

/// Every order in the store, oldest first, with its owner.
async fn all_orders(store: &Store) -> Result<Vec<(Option<String>, OrderDoc)>, Problem> {
    let page = store
        .list(Kind::TaskingOrders, PageRequest::all())
        .await
        .map_err(store_problem)?;
    page.items
        .iter()
        .map(|r| Ok((r.owner_org.clone(), doc_of(&r.body)?)))
        .collect()
}

/// The caller's order `id`; 404 for another organization's.
async fn own_order(store: &Store, caller: &Actor, id: &str) -> Result<OrderDoc, Problem> {
    let missing = || Problem::not_found(format!("no order {id:?}"));
    let record = store
        .get(Kind::TaskingOrders, id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound { .. } => missing(),
            other => store_problem(other),
        })?;
    if record.owner_org.as_deref() != Some(caller.org_id.as_str()) {
        return Err(missing());
    }
    doc_of(&record.body)
}

fn parameters_json(p: &OrderParameters) -> Value {
    json!({
        "priority": p.priority,
        "mode": match p.mode { Mode::Mono => "mono", Mode::Stereo => "stereo" },
        "max_incidence_deg": p.max_incidence_deg,
        "min_sun_elevation_deg": p.min_sun_elevation_deg,
    })
}

/// The planner's view of a stored order.
fn plan_order(doc: &OrderDoc) -> Result<PlanOrder, Problem> {
    let bad = |what: &str| Problem::internal(format!("stored order {}: unreadable {what}", doc.id));
    let text = doc
        .request
        .get("datetime")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("datetime"))?;
    let interval = Interval::parse(text, now()).map_err(|_| bad("datetime"))?;
    let parameters = match doc.request.get("order_parameters") {
        Some(Value::Object(p)) => {
            let p: serde_json::Map<String, Value> = p
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            order_parameters(&p).map_err(|_| bad("order_parameters"))?
        }
        _ => OrderParameters::default(),
    };
    Ok(PlanOrder {
        id: doc.id.clone(),
        geometry: doc
            .request
            .get("geometry")
            .cloned()
            .ok_or_else(|| bad("geometry"))?,
        interval,
        parameters,
        coverage_fraction: doc.coverage_fraction,
    })
}

fn planned_items(doc: &OrderDoc) -> Vec<PlannedAcquisition> {
    doc.acquisitions
        .iter()
        .enumerate()
        .map(|(k, a)| planned_item(doc, k, a))
        .collect()
}

fn planned_item(doc: &OrderDoc, k: usize, a: &Acquisition) -> PlannedAcquisition {
    let us = |t: silkway_orbit::UtcTime| (t.unix_seconds() * 1e6).round() as i64;
    let mut properties = serde_json::Map::new();
    properties.insert("view:off_nadir".into(), json!(a.roll_deg.abs()));
    properties.insert("view:incidence_angle".into(), json!(a.incidence_deg));
    properties.insert("view:sun_elevation".into(), json!(a.sun_elevation_deg));
    properties.insert("silkway:order_id".into(), json!(doc.id));
    properties.insert("silkway:product_id".into(), json!(doc.product_id));
    if let Some(look) = a.stereo {
        properties.insert("silkway:stereo".into(), json!(look));
    }
    PlannedAcquisition {
        id: doc.item_id(k),
        satellite: a.satellite.clone(),
        footprint: json!({ "type": "Polygon", "coordinates": [a.footprint] }),
        start_us: us(a.start),
        end_us: us(a.end),
        properties,
    }
}

async fn unpublish(state: &StapiState, doc: &OrderDoc) -> Result<(), Problem> {
    let storage = silkway_catalog::storage::Storage::new(state.store.pool().clone())
        .await
        .map_err(|e| Problem::internal(e.to_string()))?;
    for k in 0..doc.acquisitions.len() {
        storage
            .delete_item(silkway_catalog::seed::PLANNED_COLLECTION, &doc.item_id(k))
            .await
            .map_err(|e| Problem::internal(e.to_string()))?;
    }
    Ok(())
}

async fn publish(state: &StapiState, doc: &OrderDoc) -> Result<(), Problem> {
    silkway_catalog::upsert_planned_acquisitions(state.store.pool(), &planned_items(doc))
        .await
        .map(|_| ())
        .map_err(|e| Problem::internal(e.to_string()))
}

/// The planner acting for an order's owner (audit: `stapi-planner`).
fn planner_actor(org: &str) -> Actor {
    Actor {
        user_id: "stapi-planner".into(),
        org_id: org.to_owned(),
        role: Role::Engineer,
        token_id: None,
    }
}

fn new_order_id() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    format!(
        "ord-{ms:x}-{:04x}",
        COUNTER.fetch_add(1, Ordering::Relaxed) & 0xffff
    )
}

fn acquisition_matches(filter: &silkway_catalog::filter::Filter, a: &Acquisition) -> bool {
    filter.matches(&json!({ "properties": {
        "view:off_nadir": a.roll_deg.abs(),
        "view:incidence_angle": a.incidence_deg,
        "view:sun_elevation": a.sun_elevation_deg,
    }}))
}

fn created(state: &StapiState, doc: &OrderDoc) -> Response {
    let mut response = (Http::CREATED, Json(doc.to_stapi(state))).into_response();
    if let Ok(v) = HeaderValue::from_str(&state.url(&format!("/orders/{}", doc.id))) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

/// `POST /products/{product_id}/orders` (engineers and admins).
pub(crate) async fn create(
    State(state): State<StapiState>,
    Path(product_id): Path<String>,
    caller: Caller,
    body: Bytes,
) -> Result<Response, Problem> {
    caller.require(Role::Engineer, "ordering")?;
    let request: TaskingBody = parse(&body, true)?;
    let scenario = state.scenario();
    let sat = product_satellite(&scenario, &product_id)?;
    let _one_at_a_time = state.planning.lock().await;

    let stamp = silkway_orbit::UtcTime::to_rfc3339_ms(now());
    let mut doc = OrderDoc {
        id: new_order_id(),
        product_id: product_id.clone(),
        user: caller.0.user_id.clone(),
        organization: caller.0.org_id.clone(),
        created: stamp.clone(),
        status: StatusCode::Received,
        request: json!({
            "datetime": request.interval.to_text(),
            "geometry": request.geometry,
            "filter": request.filter.as_ref().map(|f| f.0.clone()),
            "order_parameters": parameters_json(&request.parameters),
        }),
        statuses: Vec::new(),
        coverage_fraction: 0.0,
        acquisitions: Vec::new(),
    };
    doc.set_status(StatusCode::Received, None, &stamp);

    let mut incumbents: Vec<(Option<String>, OrderDoc)> = all_orders(&state.store)
        .await?
        .into_iter()
        .filter(|(_, d)| d.product_id == product_id && d.status.is_active())
        .collect();
    let mut plan_orders = Vec::new();
    let mut kept = Vec::new();
    for (owner, d) in incumbents.drain(..) {
        let p = plan_order(&d)?;
        if near(p.interval, request.interval, NEIGHBOUR_MARGIN_S) {
            plan_orders.push(p);
            kept.push((owner, d));
        }
    }
    let new = PlanOrder {
        id: doc.id.clone(),
        geometry: request.geometry.clone(),
        interval: request.interval,
        parameters: request.parameters.clone(),
        coverage_fraction: 0.0,
    };
    let scenario_for_plan = scenario.clone();
    let decision =
        tokio::task::spawn_blocking(move || decide(&scenario_for_plan, &sat, &plan_orders, &new))
            .await
            .map_err(|e| Problem::internal(format!("the planner panicked: {e}")))?
            .map_err(|e| Problem::unavailable(format!("planning failed: {e}")))?;

    let stamp = silkway_orbit::UtcTime::to_rfc3339_ms(now());
    let mut outcome = match decision {
        Decision::Rejected(code, reason) => Err((code, reason)),
        Decision::Scheduled(by_order) => Ok(by_order),
    };
    if let (Ok(by_order), Some((_, filter))) = (&outcome, &request.filter) {
        let mine = by_order.get(&doc.id).map(|e| &e.1);
        if mine.is_some_and(|acqs| acqs.iter().any(|a| !acquisition_matches(filter, a))) {
            outcome = Err((
                "filter",
                "the planned acquisition does not meet the filter; loosen it or set \
                 max_incidence_deg / min_sun_elevation_deg in order_parameters"
                    .to_owned(),
            ));
        }
    }
    match outcome {
        Err((code, reason)) => {
            doc.set_status(StatusCode::Rejected, Some((code, reason)), &stamp);
            state
                .store
                .create(&caller.0, Kind::TaskingOrders, json!(doc))
                .await
                .map_err(store_problem)?;
            Ok(created(&state, &doc))
        }
        Ok(mut by_order) => {
            let (coverage, acquisitions) = by_order.remove(&doc.id).unwrap_or_default();
            doc.coverage_fraction = coverage;
            doc.acquisitions = acquisitions;
            doc.set_status(
                StatusCode::Accepted,
                Some((
                    "planned",
                    format!("the planner covers {:.1} % of the area", coverage * 100.0),
                )),
                &stamp,
            );
            doc.set_status(StatusCode::Scheduled, None, &stamp);
            state
                .store
                .create(&caller.0, Kind::TaskingOrders, json!(doc))
                .await
                .map_err(store_problem)?;
            publish(&state, &doc).await?;
            for (owner, mut old) in kept {
                let Some((coverage, acquisitions)) = by_order.remove(&old.id) else {
                    continue;
                };
                if acquisitions == old.acquisitions {
                    continue;
                }
                unpublish(&state, &old).await?;
                old.coverage_fraction = coverage;
                old.acquisitions = acquisitions;
                old.set_status(
                    StatusCode::Scheduled,
                    Some((
                        "replanned",
                        format!("acquisitions moved to make room for order {}", doc.id),
                    )),
                    &stamp,
                );
                let org = owner.unwrap_or_else(|| old.organization.clone());
                state
                    .store
                    .replace(
                        &planner_actor(&org),
                        Kind::TaskingOrders,
                        &old.id.clone(),
                        json!(old),
                    )
                    .await
                    .map_err(store_problem)?;
                publish(&state, &old).await?;
            }
            Ok(created(&state, &doc))
        }
    }
}

/// Paging of `GET /orders`.
#[derive(Debug, Deserialize)]
pub(crate) struct OrdersQuery {
    limit: Option<usize>,
    next: Option<String>,
}

/// `GET /orders`: the caller's organization's orders, oldest first.
pub(crate) async fn list(
    State(state): State<StapiState>,
    caller: Caller,
    Query(q): Query<OrdersQuery>,
) -> Result<Json<Value>, Problem> {
    let limit = q.limit.unwrap_or(10);
    if !(1..=100).contains(&limit) {
        return Err(Problem::invalid("limit", "expected 1 to 100"));
    }
    let from = match q.next.as_deref() {
        None => 0,
        Some(t) => t
            .parse::<usize>()
            .map_err(|_| Problem::invalid("next", "not a page token from a `next` link"))?,
    };
    let mine: Vec<OrderDoc> = all_orders(&state.store)
        .await?
        .into_iter()
        .filter(|(owner, _)| owner.as_deref() == Some(caller.0.org_id.as_str()))
        .map(|(_, d)| d)
        .collect();
    let page: Vec<Value> = mine
        .iter()
        .skip(from)
        .take(limit)
        .map(|d| d.to_stapi(&state))
        .collect();
    let mut links = vec![link("self", state.url("/orders"), JSON)];
    if from + limit < mine.len() {
        links.push(link(
            "next",
            state.url(&format!("/orders?limit={limit}&next={}", from + limit)),
            JSON,
        ));
    }
    Ok(Json(json!({ "orders": page, "links": links })))
}

/// `GET /orders/{order_id}`.
pub(crate) async fn one(
    State(state): State<StapiState>,
    caller: Caller,
    Path(order_id): Path<String>,
) -> Result<Json<Value>, Problem> {
    let doc = own_order(&state.store, &caller.0, &order_id).await?;
    Ok(Json(doc.to_stapi(&state)))
}

/// `GET /orders/{order_id}/statuses`: the history, oldest first.
pub(crate) async fn statuses(
    State(state): State<StapiState>,
    caller: Caller,
    Path(order_id): Path<String>,
) -> Result<Json<Value>, Problem> {
    let doc = own_order(&state.store, &caller.0, &order_id).await?;
    Ok(Json(json!({
        "statuses": doc.statuses,
        "links": [
            link("self", state.url(&format!("/orders/{order_id}/statuses")), JSON),
            link("order", state.url(&format!("/orders/{order_id}")), JSON),
        ],
    })))
}

/// `POST /orders/{order_id}/cancel`: the customer cancels an order not yet
/// acquired; its planned acquisitions leave the catalog.
pub(crate) async fn cancel(
    State(state): State<StapiState>,
    caller: Caller,
    Path(order_id): Path<String>,
) -> Result<Json<Value>, Problem> {
    caller.require(Role::Engineer, "cancelling an order")?;
    let _one_at_a_time = state.planning.lock().await;
    let mut doc = own_order(&state.store, &caller.0, &order_id).await?;
    if !(doc.status.is_active() || doc.status == StatusCode::Received) {
        return Err(Problem::conflict(format!(
            "order {order_id} is {}; only received, accepted or scheduled orders can be cancelled",
            doc.status.as_str()
        )));
    }
    unpublish(&state, &doc).await?;
    let stamp = silkway_orbit::UtcTime::to_rfc3339_ms(now());
    doc.set_status(
        StatusCode::UserCancelled,
        Some(("customer", format!("cancelled by {}", caller.0.user_id))),
        &stamp,
    );
    doc.coverage_fraction = 0.0;
    doc.acquisitions.clear();
    state
        .store
        .replace(&caller.0, Kind::TaskingOrders, &order_id, json!(doc))
        .await
        .map_err(store_problem)?;
    Ok(Json(doc.to_stapi(&state)))
}
