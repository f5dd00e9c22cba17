//! Links the server writes: self, root, parent, collection, items, search,
//! next. All are absolute, built from the catalog's public base URL (which
//! includes the mount prefix, e.g. `https://host/stac`).

use serde_json::{Value, json};

use crate::request::percent_encode;

/// GeoJSON media type (RFC 7946 §12).
pub const GEOJSON: &str = "application/geo+json";
/// JSON media type.
pub const JSON: &str = "application/json";
/// JSON Schema media type (queryables).
pub const SCHEMA_JSON: &str = "application/schema+json";
/// OpenAPI 3.0 JSON media type (service-desc).
pub const OPENAPI_JSON: &str = "application/vnd.oai.openapi+json;version=3.0";
/// Relation of queryables links (OGC API Features Part 3).
pub const QUERYABLES_REL: &str = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

/// Builds the catalog's URLs.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
}

impl Urls {
    /// `base` is the public URL of the catalog root without trailing slash.
    pub fn new(base: &str) -> Urls {
        Urls {
            base: base.trim_end_matches('/').to_string(),
        }
    }

    /// The landing page URL (with trailing slash).
    pub fn root(&self) -> String {
        format!("{}/", self.base)
    }

    /// URL of a path below the root (`path` starts with `/`).
    pub fn at(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// URL of a collection.
    pub fn collection(&self, id: &str) -> String {
        self.at(&format!("/collections/{}", percent_encode(id)))
    }

    /// URL of a collection's items.
    pub fn items(&self, collection: &str) -> String {
        format!("{}/items", self.collection(collection))
    }

    /// URL of an item.
    pub fn item(&self, collection: &str, id: &str) -> String {
        format!("{}/{}", self.items(collection), percent_encode(id))
    }
}

fn link(rel: &str, href: String, media_type: &str) -> Value {
    json!({ "rel": rel, "href": href, "type": media_type, "title": title_of(rel) })
}

/// Human-readable title of a link relation (STAC best practice: every link
/// of a catalog or collection has one).
fn title_of(rel: &str) -> &'static str {
    match rel {
        "self" => "This document",
        "root" => "silkway STAC catalog",
        "parent" => "Parent",
        "collection" => "Collection of this item",
        "items" => "Items of this collection",
        "conformance" => "Conformance classes",
        "data" => "Collections",
        "search" => "Item search",
        "service-desc" => "OpenAPI description",
        "service-doc" => "API documentation",
        "next" => "Next page",
        "child" => "Collection",
        QUERYABLES_REL => "Queryables",
        _ => "Link",
    }
}

fn with_links(mut document: Value, server_links: Vec<Value>) -> Value {
    if let Some(object) = document.as_object_mut() {
        let mut links = server_links;
        if let Some(Value::Array(own)) = object.remove("links") {
            links.extend(own);
        }
        object.insert("links".into(), Value::Array(links));
    }
    document
}

/// An item with its server links.
pub fn item_with_links(urls: &Urls, item: Value) -> Value {
    let collection = item["collection"].as_str().unwrap_or_default().to_string();
    let id = item["id"].as_str().unwrap_or_default().to_string();
    with_links(
        item,
        vec![
            link("self", urls.item(&collection, &id), GEOJSON),
            link("parent", urls.collection(&collection), JSON),
            link("collection", urls.collection(&collection), JSON),
            link("root", urls.root(), JSON),
        ],
    )
}

/// A collection with its server links.
pub fn collection_with_links(urls: &Urls, collection: Value) -> Value {
    let id = collection["id"].as_str().unwrap_or_default().to_string();
    with_links(
        collection,
        vec![
            link("self", urls.collection(&id), JSON),
            link("parent", urls.root(), JSON),
            link("root", urls.root(), JSON),
            link("items", urls.items(&id), GEOJSON),
            link(
                QUERYABLES_REL,
                format!("{}/queryables", urls.collection(&id)),
                SCHEMA_JSON,
            ),
        ],
    )
}

/// A plain link object.
pub fn plain(rel: &str, href: String, media_type: &str) -> Value {
    link(rel, href, media_type)
}
