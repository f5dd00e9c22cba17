//! OpenAPI 3.0 description of the STAC API (the landing page's
//! `service-desc`), written from the router's routes.

use serde_json::{Value, json};

fn op(summary: &str, tag: &str, params: &[&str], body: bool, ok: (&str, &str)) -> Value {
    let mut o = json!({
        "summary": summary,
        "tags": [tag],
        "parameters": params.iter().map(|p| json!({"$ref": format!("#/components/parameters/{p}")})).collect::<Vec<_>>(),
        "responses": {
            ok.0: {"description": "success", "content": {ok.1: {"schema": {"type": "object"}}}},
            "400": {"$ref": "#/components/responses/Problem"},
            "404": {"$ref": "#/components/responses/Problem"}
        }
    });
    if ok.1.is_empty() {
        o["responses"][ok.0] = json!({"description": "success"});
    }
    if body {
        o["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": {"type": "object"}}}});
    }
    o
}

/// The OpenAPI document; `server_url` is the catalog's public base URL.
pub fn openapi(server_url: &str) -> Value {
    let search_params = [
        "bbox",
        "intersects",
        "datetime",
        "ids",
        "collections",
        "limit",
        "sortby",
        "fields",
        "filter",
        "filter_lang",
        "filter_crs",
        "token",
    ];
    let items_params = [
        "collectionId",
        "bbox",
        "datetime",
        "limit",
        "sortby",
        "fields",
        "filter",
        "filter_lang",
        "filter_crs",
        "token",
    ];
    let p = |name: &str, location: &str, description: &str, schema: Value| {
        json!({"name": name, "in": location, "required": location == "path",
               "description": description, "schema": schema})
    };
    let s = json!({"type": "string"});
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "silkway STAC API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "STAC API 1.0 catalog of silkway's Earth-observation desk: archive imagery and planned acquisitions. Mutating requests need a bearer token (checked by the silkway server)."
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/": {"get": op("Landing page", "Core", &[], false, ("200", "application/json"))},
            "/conformance": {"get": op("Conformance classes", "Core", &[], false, ("200", "application/json"))},
            "/api": {"get": op("This OpenAPI document", "Core", &[], false, ("200", "application/vnd.oai.openapi+json;version=3.0"))},
            "/queryables": {"get": op("Queryables of all collections", "Filter", &[], false, ("200", "application/schema+json"))},
            "/search": {
                "get": op("Item search", "Item Search", &search_params, false, ("200", "application/geo+json")),
                "post": op("Item search (JSON body)", "Item Search", &[], true, ("200", "application/geo+json"))
            },
            "/collections": {
                "get": op("Collections", "Collections", &[], false, ("200", "application/json")),
                "post": op("Create a collection", "Transaction", &[], true, ("201", "application/json"))
            },
            "/collections/{collectionId}": {
                "get": op("A collection", "Collections", &["collectionId"], false, ("200", "application/json")),
                "put": op("Replace a collection", "Transaction", &["collectionId"], true, ("200", "application/json")),
                "patch": op("Merge-patch a collection (RFC 7396)", "Transaction", &["collectionId"], true, ("200", "application/json")),
                "delete": op("Delete a collection and its items", "Transaction", &["collectionId"], false, ("204", ""))
            },
            "/collections/{collectionId}/queryables": {
                "get": op("Queryables of a collection", "Filter", &["collectionId"], false, ("200", "application/schema+json"))
            },
            "/collections/{collectionId}/items": {
                "get": op("Items of a collection", "Features", &items_params, false, ("200", "application/geo+json")),
                "post": op("Create an item or a FeatureCollection of items", "Transaction", &["collectionId"], true, ("201", "application/geo+json"))
            },
            "/collections/{collectionId}/items/{itemId}": {
                "get": op("An item", "Features", &["collectionId", "itemId"], false, ("200", "application/geo+json")),
                "put": op("Replace an item", "Transaction", &["collectionId", "itemId"], true, ("204", "")),
                "patch": op("Merge-patch an item (RFC 7396)", "Transaction", &["collectionId", "itemId"], true, ("204", "")),
                "delete": op("Delete an item", "Transaction", &["collectionId", "itemId"], false, ("204", ""))
            }
        },
        "components": {
            "parameters": {
                "collectionId": p("collectionId", "path", "Collection id", s.clone()),
                "itemId": p("itemId", "path", "Item id", s.clone()),
                "bbox": p("bbox", "query", "west,south,east,north (degrees); west > east crosses the antimeridian", s.clone()),
                "intersects": p("intersects", "query", "GeoJSON geometry", s.clone()),
                "datetime": p("datetime", "query", "RFC 3339 instant or interval start/end, '..' or empty for an open end", s.clone()),
                "ids": p("ids", "query", "Comma-separated item ids", s.clone()),
                "collections": p("collections", "query", "Comma-separated collection ids", s.clone()),
                "limit": p("limit", "query", "Page size, 1..10000 (default 10)", json!({"type": "integer", "minimum": 1, "maximum": 10000})),
                "sortby": p("sortby", "query", "e.g. -properties.datetime,+id", s.clone()),
                "fields": p("fields", "query", "e.g. id,-geometry,+properties.gsd", s.clone()),
                "filter": p("filter", "query", "CQL2 filter", s.clone()),
                "filter_lang": p("filter-lang", "query", "cql2-text (default for GET) or cql2-json", json!({"type": "string", "enum": ["cql2-text", "cql2-json"]})),
                "filter_crs": p("filter-crs", "query", "Only http://www.opengis.net/def/crs/OGC/1.3/CRS84", s.clone()),
                "token": p("token", "query", "Paging token from a next link", s)
            },
            "responses": {
                "Problem": {"description": "RFC 9457 problem", "content": {"application/problem+json": {"schema": {"type": "object"}}}}
            }
        }
    })
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A plain HTML page listing the operations of `openapi` (the landing
/// page's `service-doc`); no scripts, nothing fetched from elsewhere.
pub fn html(openapi: &Value) -> String {
    let mut rows = String::new();
    if let Some(paths) = openapi["paths"].as_object() {
        for (path, operations) in paths {
            for (method, operation) in operations.as_object().into_iter().flatten() {
                rows.push_str(&format!(
                    "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>\n",
                    method.to_uppercase(),
                    escape_html(path),
                    escape_html(operation["summary"].as_str().unwrap_or_default())
                ));
            }
        }
    }
    let title = escape_html(openapi["info"]["title"].as_str().unwrap_or_default());
    let description = escape_html(openapi["info"]["description"].as_str().unwrap_or_default());
    format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\n\
         <h1>{title}</h1>\n<p>{description}</p>\n<p>Machine-readable description: <a href=\"api\">OpenAPI 3.0 JSON</a>.</p>\n\
         <table>\n<tr><th>Method</th><th>Path</th><th>Operation</th></tr>\n{rows}</table>\n</body></html>\n"
    )
}
