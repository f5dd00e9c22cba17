//! Link objects, the landing page and the conformance classes.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::{CONFORMANCE, STAPI_VERSION, StapiState};

/// Media type of JSON documents.
pub(crate) const JSON: &str = "application/json";
/// Media type of GeoJSON documents.
pub(crate) const GEOJSON: &str = "application/geo+json";

/// A link object (STAC / OGC API).
pub(crate) fn link(rel: &str, href: String, media_type: &str) -> Value {
    json!({ "rel": rel, "href": href, "type": media_type })
}

/// A link with a title.
pub(crate) fn titled(rel: &str, href: String, media_type: &str, title: &str) -> Value {
    let mut l = link(rel, href, media_type);
    l["title"] = json!(title);
    l
}

/// `GET /`: the landing page.
pub(crate) async fn landing(State(state): State<StapiState>) -> Json<Value> {
    Json(json!({
        "id": "silkway-stapi",
        "title": "silkway tasking",
        "description": "Tasking of the scenario's Earth-observation satellites: \
            products, opportunities over an area and orders planned with the \
            acquisition planner (STAPI v0.1.0).",
        "stapi_version": STAPI_VERSION,
        "conformsTo": CONFORMANCE,
        "links": [
            titled("self", state.url("/"), JSON, "This page"),
            titled("conformance", state.url("/conformance"), JSON, "Conformance classes implemented by this API"),
            titled("products", state.url("/products"), JSON, "Products (imaging satellites)"),
            titled("orders", state.url("/orders"), JSON, "Your organization's orders"),
        ],
    }))
}

/// `GET /conformance`.
pub(crate) async fn conformance() -> Json<Value> {
    Json(json!({ "conformsTo": CONFORMANCE }))
}
