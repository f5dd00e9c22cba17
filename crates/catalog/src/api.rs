//! HTTP handlers of the STAC API and the router.
//!
//! Authentication is not done here: the silkway server applies its auth
//! middleware to every mutating request (POST, PUT, PATCH, DELETE) before
//! it reaches this router. `POST /search` is read-only and must be exempt.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use crate::CatalogState;
use crate::conformance::CONFORMS_TO;
use crate::document::{collection_document, item_record, merge_patch};
use crate::error::{CatalogError, Result};
use crate::links::{
    GEOJSON, JSON, OPENAPI_JSON, QUERYABLES_REL, SCHEMA_JSON, collection_with_links,
    item_with_links, plain,
};
use crate::openapi::openapi;
use crate::queryables::queryables;
use crate::request::{QueryPairs, SearchRequest, body_with_token, query_with_token};
use crate::search::search;

/// The catalog's routes, relative to its mount point.
pub fn router(state: CatalogState) -> Router {
    Router::new()
        .route("/", get(landing))
        .route("/conformance", get(conformance))
        .route("/api", get(service_desc))
        .route("/api.html", get(service_doc))
        .route("/queryables", get(global_queryables))
        .route("/search", get(search_get).post(search_post))
        .route(
            "/collections",
            get(list_collections).post(create_collection),
        )
        .route(
            "/collections/{collection}",
            get(get_collection)
                .put(replace_collection)
                .patch(patch_collection)
                .delete(delete_collection),
        )
        .route(
            "/collections/{collection}/queryables",
            get(collection_queryables),
        )
        .route(
            "/collections/{collection}/items",
            get(items_get).post(create_items),
        )
        .route(
            "/collections/{collection}/items/{item}",
            get(get_item)
                .put(replace_item)
                .patch(patch_item)
                .delete(delete_item),
        )
        .with_state(state)
}

/// The router nested under `prefix` (e.g. `/stac`), answering the landing
/// page at both `/stac` and `/stac/`.
pub fn mounted_router(state: CatalogState, prefix: &str) -> Router {
    let prefix = format!("/{}", prefix.trim_matches('/'));
    Router::new()
        .route(
            &format!("{prefix}/"),
            get(landing).with_state(state.clone()),
        )
        .nest(&prefix, router(state))
}

fn respond(status: StatusCode, media_type: &'static str, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    response
}

fn parse_json(bytes: &Bytes) -> Result<Value> {
    serde_json::from_slice(bytes).map_err(|e| {
        CatalogError::BadBody(format!(
            "the request body is not JSON: {e} (line {}, column {})",
            e.line(),
            e.column()
        ))
    })
}

async fn landing(State(state): State<CatalogState>) -> Result<Response> {
    let urls = &state.urls;
    let mut links = vec![
        plain("self", urls.root(), JSON),
        plain("root", urls.root(), JSON),
        plain("conformance", urls.at("/conformance"), JSON),
        plain("data", urls.at("/collections"), JSON),
        plain("service-desc", urls.at("/api"), OPENAPI_JSON),
        plain("service-doc", urls.at("/api.html"), "text/html"),
        plain(QUERYABLES_REL, urls.at("/queryables"), SCHEMA_JSON),
    ];
    let mut search_get = plain("search", urls.at("/search"), GEOJSON);
    search_get["method"] = json!("GET");
    let mut search_post = plain("search", urls.at("/search"), GEOJSON);
    search_post["method"] = json!("POST");
    links.push(search_get);
    links.push(search_post);
    for collection in state.storage.collections().await? {
        if let Some(id) = collection["id"].as_str() {
            let mut child = plain("child", urls.collection(id), JSON);
            if let Some(title) = collection.get("title") {
                child["title"] = title.clone();
            }
            links.push(child);
        }
    }
    Ok(respond(
        StatusCode::OK,
        JSON,
        &json!({
            "type": "Catalog",
            "id": state.catalog_id,
            "title": state.title,
            "description": state.description,
            "stac_version": crate::document::STAC_VERSION,
            "conformsTo": CONFORMS_TO,
            "links": links,
        }),
    ))
}

async fn conformance() -> Response {
    respond(StatusCode::OK, JSON, &json!({ "conformsTo": CONFORMS_TO }))
}

async fn service_desc(State(state): State<CatalogState>) -> Response {
    respond(
        StatusCode::OK,
        "application/vnd.oai.openapi+json;version=3.0",
        &openapi(&state.urls.root()),
    )
}

async fn service_doc(State(state): State<CatalogState>) -> Response {
    let mut response = crate::openapi::html(&openapi(&state.urls.root())).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

async fn global_queryables(State(state): State<CatalogState>) -> Response {
    let url = state.urls.at("/queryables");
    respond(
        StatusCode::OK,
        SCHEMA_JSON,
        &queryables(&url, "Queryables of the silkway catalog"),
    )
}

async fn collection_queryables(
    State(state): State<CatalogState>,
    Path(collection): Path<String>,
) -> Result<Response> {
    require_collection(&state, &collection).await?;
    let url = format!("{}/queryables", state.urls.collection(&collection));
    Ok(respond(
        StatusCode::OK,
        SCHEMA_JSON,
        &queryables(&url, &format!("Queryables of collection {collection}")),
    ))
}

async fn require_collection(state: &CatalogState, id: &str) -> Result<Value> {
    state
        .storage
        .collection(id)
        .await?
        .ok_or_else(|| CatalogError::NotFound(format!("collection {id:?} does not exist")))
}

async fn list_collections(State(state): State<CatalogState>) -> Result<Response> {
    let urls = &state.urls;
    let collections: Vec<Value> = state
        .storage
        .collections()
        .await?
        .into_iter()
        .map(|c| collection_with_links(urls, c))
        .collect();
    Ok(respond(
        StatusCode::OK,
        JSON,
        &json!({
            "collections": collections,
            "links": [
                plain("self", urls.at("/collections"), JSON),
                plain("root", urls.root(), JSON),
                plain("parent", urls.root(), JSON),
            ],
        }),
    ))
}

async fn get_collection(
    State(state): State<CatalogState>,
    Path(collection): Path<String>,
) -> Result<Response> {
    let body = require_collection(&state, &collection).await?;
    Ok(respond(
        StatusCode::OK,
        JSON,
        &collection_with_links(&state.urls, body),
    ))
}

async fn create_collection(State(state): State<CatalogState>, body: Bytes) -> Result<Response> {
    let (id, document) = collection_document(parse_json(&body)?, None)?;
    state.storage.insert_collection(&id, &document).await?;
    let mut response = respond(
        StatusCode::CREATED,
        JSON,
        &collection_with_links(&state.urls, document),
    );
    if let Ok(location) = HeaderValue::from_str(&state.urls.collection(&id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

async fn replace_collection(
    State(state): State<CatalogState>,
    Path(collection): Path<String>,
    body: Bytes,
) -> Result<Response> {
    require_collection(&state, &collection).await?;
    let (id, document) = collection_document(parse_json(&body)?, Some(&collection))?;
    state.storage.upsert_collection(&id, &document).await?;
    Ok(respond(
        StatusCode::OK,
        JSON,
        &collection_with_links(&state.urls, document),
    ))
}

async fn patch_collection(
    State(state): State<CatalogState>,
    Path(collection): Path<String>,
    body: Bytes,
) -> Result<Response> {
    let mut current = require_collection(&state, &collection).await?;
    merge_patch(&mut current, &parse_json(&body)?);
    let (id, document) = collection_document(current, Some(&collection))?;
    state.storage.upsert_collection(&id, &document).await?;
    Ok(respond(
        StatusCode::OK,
        JSON,
        &collection_with_links(&state.urls, document),
    ))
}

async fn delete_collection(
    State(state): State<CatalogState>,
    Path(collection): Path<String>,
) -> Result<StatusCode> {
    if state.storage.delete_collection(&collection).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(CatalogError::NotFound(format!(
            "collection {collection:?} does not exist"
        )))
    }
}

async fn get_item(
    State(state): State<CatalogState>,
    Path((collection, item)): Path<(String, String)>,
) -> Result<Response> {
    require_collection(&state, &collection).await?;
    let body = state
        .storage
        .item(&collection, &item)
        .await?
        .ok_or_else(|| {
            CatalogError::NotFound(format!(
                "item {item:?} does not exist in collection {collection:?}"
            ))
        })?;
    Ok(respond(
        StatusCode::OK,
        GEOJSON,
        &item_with_links(&state.urls, body),
    ))
}

async fn create_items(
    State(state): State<CatalogState>,
    Path(collection): Path<String>,
    body: Bytes,
) -> Result<Response> {
    require_collection(&state, &collection).await?;
    let body = parse_json(&body)?;
    if body.get("type").and_then(Value::as_str) == Some("FeatureCollection") {
        let features = body
            .get("features")
            .and_then(Value::as_array)
            .ok_or_else(|| CatalogError::bad("features", "expected an array of Items"))?;
        let records = features
            .iter()
            .enumerate()
            .map(|(i, f)| {
                item_record(f.clone(), &collection, None).map_err(|e| match e {
                    CatalogError::BadParameter { parameter, detail } => {
                        CatalogError::BadParameter {
                            parameter: format!("features[{i}].{parameter}"),
                            detail,
                        }
                    }
                    other => other,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        state.storage.insert_items(&records).await?;
        return Ok(respond(
            StatusCode::CREATED,
            JSON,
            &json!({"added": records.len(), "collection": collection}),
        ));
    }
    let record = item_record(body, &collection, None)?;
    state
        .storage
        .insert_items(std::slice::from_ref(&record))
        .await?;
    let url = state.urls.item(&collection, &record.id);
    let mut response = respond(
        StatusCode::CREATED,
        GEOJSON,
        &item_with_links(&state.urls, record.body),
    );
    if let Ok(location) = HeaderValue::from_str(&url) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

async fn replace_item(
    State(state): State<CatalogState>,
    Path((collection, item)): Path<(String, String)>,
    body: Bytes,
) -> Result<StatusCode> {
    require_collection(&state, &collection).await?;
    if state.storage.item(&collection, &item).await?.is_none() {
        return Err(CatalogError::NotFound(format!(
            "item {item:?} does not exist in collection {collection:?}"
        )));
    }
    let record = item_record(parse_json(&body)?, &collection, Some(&item))?;
    state.storage.upsert_items(&[record]).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn patch_item(
    State(state): State<CatalogState>,
    Path((collection, item)): Path<(String, String)>,
    body: Bytes,
) -> Result<StatusCode> {
    require_collection(&state, &collection).await?;
    let mut current = state
        .storage
        .item(&collection, &item)
        .await?
        .ok_or_else(|| {
            CatalogError::NotFound(format!(
                "item {item:?} does not exist in collection {collection:?}"
            ))
        })?;
    merge_patch(&mut current, &parse_json(&body)?);
    let record = item_record(current, &collection, Some(&item))?;
    state.storage.upsert_items(&[record]).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes an item. Idempotent (RFC 9110 §9.2.2): deleting an item that is
/// already gone answers 204 too, as stac-api-validator expects; an unknown
/// collection is 404.
async fn delete_item(
    State(state): State<CatalogState>,
    Path((collection, item)): Path<(String, String)>,
) -> Result<StatusCode> {
    require_collection(&state, &collection).await?;
    state.storage.delete_item(&collection, &item).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Where a result page came from, to build its next link.
enum Origin<'a> {
    Get { url: String, pairs: &'a QueryPairs },
    Post { url: String, body: &'a Value },
}

async fn page_response(
    state: &CatalogState,
    request: &SearchRequest,
    origin: Origin<'_>,
) -> Result<Response> {
    let page = search(&state.storage, request).await?;
    let urls = &state.urls;
    let features: Vec<Value> = page
        .items
        .into_iter()
        .map(|item| request.fields.apply(item_with_links(urls, item)))
        .collect();
    let mut links = vec![plain("root", urls.root(), JSON)];
    match origin {
        Origin::Get { url, pairs } => {
            links.push(plain("self", url_with_query(&url, pairs), GEOJSON));
            if let Some(token) = &page.next_token {
                let mut next = plain(
                    "next",
                    format!("{url}?{}", query_with_token(pairs, token)),
                    GEOJSON,
                );
                next["method"] = json!("GET");
                links.push(next);
            }
        }
        Origin::Post { url, body } => {
            if let Some(token) = &page.next_token {
                let mut next = plain("next", url, GEOJSON);
                next["method"] = json!("POST");
                next["body"] = body_with_token(body, token);
                next["merge"] = json!(false);
                links.push(next);
            }
        }
    }
    let returned = features.len();
    Ok(respond(
        StatusCode::OK,
        GEOJSON,
        &json!({
            "type": "FeatureCollection",
            "features": features,
            "links": links,
            "numberReturned": returned,
        }),
    ))
}

fn url_with_query(url: &str, pairs: &QueryPairs) -> String {
    if pairs.is_empty() {
        return url.to_string();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                crate::request::percent_encode(k),
                crate::request::percent_encode(v)
            )
        })
        .collect();
    format!("{url}?{}", query.join("&"))
}

async fn search_get(
    State(state): State<CatalogState>,
    Query(pairs): Query<QueryPairs>,
) -> Result<Response> {
    let request = SearchRequest::from_query(&pairs, None)?;
    let url = state.urls.at("/search");
    page_response(&state, &request, Origin::Get { url, pairs: &pairs }).await
}

async fn search_post(State(state): State<CatalogState>, body: Bytes) -> Result<Response> {
    let body = if body.is_empty() {
        json!({})
    } else {
        parse_json(&body)?
    };
    let request = SearchRequest::from_body(&body)?;
    let url = state.urls.at("/search");
    page_response(&state, &request, Origin::Post { url, body: &body }).await
}

async fn items_get(
    State(state): State<CatalogState>,
    Path(collection): Path<String>,
    Query(pairs): Query<QueryPairs>,
) -> Result<Response> {
    require_collection(&state, &collection).await?;
    let request = SearchRequest::from_query(&pairs, Some(&collection))?;
    let url = state.urls.items(&collection);
    page_response(&state, &request, Origin::Get { url, pairs: &pairs }).await
}
