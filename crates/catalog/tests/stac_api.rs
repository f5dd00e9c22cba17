//! STAC API conformance through the router (`tower::ServiceExt::oneshot`),
//! on SQLite and, when `SILKWAY_TEST_POSTGRES_URL` is set, PostgreSQL.
//!
//! Expected results come from brute force over the loaded items (geometry
//! tests with `geo`, instants with `jiff`), independent of the catalog's
//! SQL pre-filter, keyset paging and sort.

mod common;

use std::collections::BTreeSet;
use std::str::FromStr;

use axum::http::{Method, StatusCode};
use common::{BASE, Harness};
use geo::{Intersects, Rect, coord};
use serde_json::{Value, json};

on_both_backends!(
    landing_conformance_and_service_desc,
    collections_and_items_endpoints,
    bbox_search_is_exact,
    antimeridian_bbox,
    intersects_is_exact_polygon_intersection,
    datetime_instants_intervals_and_open_ends,
    ids_and_collections,
    paging_with_sort_visits_every_item_once,
    cql2_text_and_json_agree,
    fields_include_exclude,
    transactions,
    bad_input_is_a_named_400,
    planned_acquisitions,
);

fn geometry(item: &Value) -> geo::Geometry<f64> {
    let g = geojson::Geometry::from_json_value(item["geometry"].clone()).unwrap();
    g.try_into().unwrap()
}

fn us(text: &str) -> i64 {
    jiff::Timestamp::from_str(text).unwrap().as_microsecond()
}

fn set(ids: Vec<String>) -> BTreeSet<String> {
    let n = ids.len();
    let s: BTreeSet<String> = ids.into_iter().collect();
    assert_eq!(s.len(), n, "duplicate ids in a result");
    s
}

async fn search_all_get(h: &Harness, query: &str) -> BTreeSet<String> {
    set(h.all_pages_get(&format!("/search?limit=100&{query}")).await)
}

async fn landing_conformance_and_service_desc(h: &Harness) {
    let (status, headers, landing) = h.get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(landing["type"], "Catalog");
    let links = landing["links"].as_array().unwrap();
    let rel = |r: &str| links.iter().filter(|l| l["rel"] == r).collect::<Vec<_>>();
    assert_eq!(rel("self")[0]["href"], format!("{BASE}/"));
    assert_eq!(rel("data")[0]["href"], format!("{BASE}/collections"));
    assert_eq!(rel("conformance")[0]["href"], format!("{BASE}/conformance"));
    let methods: BTreeSet<&str> = rel("search")
        .iter()
        .map(|l| l["method"].as_str().unwrap())
        .collect();
    assert_eq!(methods, BTreeSet::from(["GET", "POST"]));
    assert_eq!(rel("child").len(), 2);
    for link in links {
        assert!(link["href"].as_str().unwrap().starts_with(BASE), "{link}");
    }
    let conformance = h.ok("/conformance").await;
    let classes: Vec<&str> = conformance["conformsTo"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for needed in [
        "https://api.stacspec.org/v1.0.0/core",
        "https://api.stacspec.org/v1.0.0/item-search",
        "https://api.stacspec.org/v1.0.0/ogcapi-features",
        "https://api.stacspec.org/v1.0.0/ogcapi-features/extensions/transaction",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
    ] {
        assert!(classes.contains(&needed), "{needed}");
    }
    let (status, headers, api) = h.get("/api").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/vnd.oai.openapi+json")
    );
    assert_eq!(api["openapi"], "3.0.3");
    assert!(api["paths"]["/search"]["post"].is_object());
    let (status, headers, q) = h.get("/queryables").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/schema+json");
    assert_eq!(q["$id"], format!("{BASE}/queryables"));
    assert_eq!(q["properties"]["eo:cloud_cover"]["type"], "number");
    let q = h.ok("/collections/spot6-7/queryables").await;
    assert_eq!(q["$id"], format!("{BASE}/collections/spot6-7/queryables"));
}

async fn collections_and_items_endpoints(h: &Harness) {
    let list = h.ok("/collections").await;
    let ids: BTreeSet<&str> = list["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, BTreeSet::from(["planned", "spot6-7"]));
    let c = h.ok("/collections/spot6-7").await;
    assert_eq!(c["license"], "proprietary");
    assert!(
        c["providers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Azercosmos")
    );
    let (status, headers, problem) = h.get("/collections/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(problem["status"], 404);

    let (status, headers, page) = h.get("/collections/spot6-7/items?limit=5").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/geo+json");
    assert_eq!(page["numberReturned"], 5);
    let all = set(h.all_pages_get("/collections/spot6-7/items?limit=40").await);
    assert_eq!(all.len(), h.items.len());

    let first = &page["features"][0];
    let id = first["id"].as_str().unwrap();
    let self_link = first["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "self")
        .unwrap();
    assert_eq!(
        self_link["href"],
        format!("{BASE}/collections/spot6-7/items/{id}")
    );
    let (status, headers, item) = h.get(&format!("/collections/spot6-7/items/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/geo+json");
    assert_eq!(item["id"], id);
    let (status, _, _) = h.get("/collections/spot6-7/items/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = h.get("/collections/nope/items").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

fn expected_in_box(h: &Harness, w: f64, s: f64, e: f64, n: f64) -> BTreeSet<String> {
    let rects: Vec<Rect<f64>> = if w <= e {
        vec![Rect::new(coord! {x: w, y: s}, coord! {x: e, y: n})]
    } else {
        vec![
            Rect::new(coord! {x: w, y: s}, coord! {x: 180.0, y: n}),
            Rect::new(coord! {x: -180.0, y: s}, coord! {x: e, y: n}),
        ]
    };
    h.items
        .iter()
        .filter(|i| {
            rects
                .iter()
                .any(|r| r.to_polygon().intersects(&geometry(i)))
        })
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

async fn bbox_search_is_exact(h: &Harness) {
    let (w, s, e, n) = (48.0, 39.0, 52.5, 42.0);
    let expected = expected_in_box(h, w, s, e, n);
    assert!(
        expected.len() > 5 && expected.len() < h.items.len() / 2,
        "{}",
        expected.len()
    );
    assert_eq!(
        search_all_get(h, &format!("bbox={w},{s},{e},{n}")).await,
        expected
    );
    let post = set(h
        .all_pages_post(json!({"bbox": [w, s, e, n], "limit": 25}))
        .await);
    assert_eq!(post, expected);
    // 6-number form with heights.
    assert_eq!(
        search_all_get(h, &format!("bbox={w},{s},0,{e},{n},1000")).await,
        expected
    );
    // The diagonal strip's bbox covers (10.2, 11.8) but its polygon does not.
    let (status, _, page) = h.get("/search?bbox=10.15,11.7,10.25,11.8").await;
    assert_eq!(status, StatusCode::OK);
    assert!(Harness::ids(&page).is_empty(), "{page}");
    let page = h.ok("/search?bbox=10.9,10.9,11.1,11.1").await;
    assert_eq!(Harness::ids(&page), vec!["fixture-diagonal"]);
}

async fn antimeridian_bbox(h: &Harness) {
    let found = search_all_get(h, "bbox=170,-10,-170,10").await;
    let expected: BTreeSet<String> = [
        "fixture-crossing",
        "fixture-east-of-am",
        "fixture-west-of-am",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(found, expected);
    assert_eq!(found, expected_in_box(h, 170.0, -10.0, -170.0, 10.0));
    // West side only: the crossing item and the one west of the antimeridian.
    let west = search_all_get(h, "bbox=-179.9,-5,-170,5").await;
    assert_eq!(
        west,
        BTreeSet::from([
            "fixture-crossing".to_string(),
            "fixture-west-of-am".to_string()
        ])
    );
    let post = set(h
        .all_pages_post(json!({"bbox": [170, -10, -170, 10]}))
        .await);
    assert_eq!(post, expected);
}

async fn intersects_is_exact_polygon_intersection(h: &Harness) {
    // A triangle over the middle Caspian.
    let triangle =
        json!({"type":"Polygon","coordinates":[[[49.0,39.0],[53.0,39.5],[50.0,43.0],[49.0,39.0]]]});
    let tri_geo: geo::Geometry<f64> = geojson::Geometry::from_json_value(triangle.clone())
        .unwrap()
        .try_into()
        .unwrap();
    let expected: BTreeSet<String> = h
        .items
        .iter()
        .filter(|i| tri_geo.intersects(&geometry(i)))
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let by_bbox = expected_in_box(h, 49.0, 39.0, 53.0, 43.0);
    assert!(
        !expected.is_empty() && expected.len() < by_bbox.len(),
        "the triangle must be stricter than its bbox"
    );
    let post = set(h
        .all_pages_post(json!({"intersects": triangle, "limit": 30}))
        .await);
    assert_eq!(post, expected);
    let get = search_all_get(
        h,
        &format!("intersects={}", urlencode(&triangle.to_string())),
    )
    .await;
    assert_eq!(get, expected);
    // A line that crosses the diagonal strip's bbox but not the strip.
    let line = json!({"type":"LineString","coordinates":[[10.05,11.9],[10.3,11.9]]});
    let (_, _, page) = h.post("/search", json!({"intersects": line})).await;
    assert!(Harness::ids(&page).is_empty());
}

fn urlencode(text: &str) -> String {
    silkway_catalog::request::percent_encode(text)
}

async fn datetime_instants_intervals_and_open_ends(h: &Harness) {
    let dt = |i: &Value| us(i["properties"]["datetime"].as_str().unwrap());
    let expect = |lo: Option<i64>, hi: Option<i64>| -> BTreeSet<String> {
        h.items
            .iter()
            .filter(|i| lo.is_none_or(|l| dt(i) >= l) && hi.is_none_or(|u| dt(i) <= u))
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (a, b) = ("2025-01-01T00:00:00Z", "2025-06-30T23:59:59Z");
    let closed = expect(Some(us(a)), Some(us(b)));
    assert!(closed.len() > 5 && closed.len() < h.items.len() - 5);
    assert_eq!(
        search_all_get(h, &format!("datetime={a}/{b}")).await,
        closed
    );
    assert_eq!(
        search_all_get(h, &format!("datetime={a}/..")).await,
        expect(Some(us(a)), None)
    );
    assert_eq!(
        search_all_get(h, &format!("datetime={a}/")).await,
        expect(Some(us(a)), None)
    );
    assert_eq!(
        search_all_get(h, &format!("datetime=../{b}")).await,
        expect(None, Some(us(b)))
    );
    assert_eq!(
        search_all_get(h, &format!("datetime=/{b}")).await,
        expect(None, Some(us(b)))
    );
    // An instant, written with another offset.
    let item = &h.items[3];
    let instant = item["properties"]["datetime"].as_str().unwrap();
    let shifted = jiff::Timestamp::from_str(instant)
        .unwrap()
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(4)))
        .strftime("%Y-%m-%dT%H:%M:%S%.f%:z")
        .to_string();
    let found = search_all_get(h, &format!("datetime={}", urlencode(&shifted))).await;
    assert!(found.contains(item["id"].as_str().unwrap()), "{shifted}");
    assert_eq!(found, expect(Some(dt(item)), Some(dt(item))));
    let post = set(h
        .all_pages_post(json!({"datetime": format!("{a}/{b}"), "limit": 50}))
        .await);
    assert_eq!(post, closed);
}

async fn ids_and_collections(h: &Harness) {
    let ids: Vec<&str> = h
        .items
        .iter()
        .take(4)
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let found = search_all_get(h, &format!("ids={}", ids.join(","))).await;
    assert_eq!(found, ids.iter().map(|s| s.to_string()).collect());
    let post = set(h
        .all_pages_post(json!({"ids": ids, "collections": ["spot6-7"]}))
        .await);
    assert_eq!(post.len(), 4);
    // A single string is accepted for the arrays.
    let post = set(h
        .all_pages_post(json!({"ids": ids.join(","), "collections": "spot6-7"}))
        .await);
    assert_eq!(post.len(), 4);
    // ids do not override other parameters.
    let (_, _, page) = h
        .post("/search", json!({"ids": ids, "bbox": [0, 80, 1, 81]}))
        .await;
    assert!(Harness::ids(&page).is_empty());
    let (_, _, page) = h
        .post("/search", json!({"ids": ids, "collections": ["planned"]}))
        .await;
    assert!(Harness::ids(&page).is_empty());
    assert_eq!(
        search_all_get(h, "collections=spot6-7").await.len(),
        h.items.len()
    );
    assert!(search_all_get(h, "collections=nope").await.is_empty());
}

async fn paging_with_sort_visits_every_item_once(h: &Harness) {
    let all: BTreeSet<String> = h
        .items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let datetimes = |ids: &[String]| -> Vec<i64> {
        ids.iter()
            .map(|id| {
                let i = h.items.iter().find(|i| i["id"] == id.as_str()).unwrap();
                us(i["properties"]["datetime"].as_str().unwrap())
            })
            .collect()
    };
    // GET, descending datetime then id; the space is a URL-decoded '+'.
    let ids = h
        .all_pages_get("/search?collections=spot6-7&limit=7&sortby=-properties.datetime,%2Bid")
        .await;
    assert_eq!(set(ids.clone()), all);
    let d = datetimes(&ids);
    assert!(d.windows(2).all(|w| w[0] >= w[1]), "not descending");
    // Ascending, with '+' decoded to a space.
    let ids = h
        .all_pages_get("/search?limit=9&sortby=+properties.datetime")
        .await;
    assert_eq!(set(ids.clone()), all);
    assert!(
        datetimes(&ids).windows(2).all(|w| w[0] <= w[1]),
        "not ascending"
    );
    // POST, by a non-indexed property with many ties (cloud cover rounded to 0.1 %).
    let ids = h
        .all_pages_post(json!({"limit": 11, "sortby": [{"field": "properties.eo:cloud_cover", "direction": "desc"}, {"field": "id", "direction": "asc"}]}))
        .await;
    assert_eq!(set(ids.clone()), all);
    let cloud: Vec<f64> = ids
        .iter()
        .map(|id| {
            h.items.iter().find(|i| i["id"] == id.as_str()).unwrap()["properties"]["eo:cloud_cover"]
                .as_f64()
                .unwrap()
        })
        .collect();
    assert!(
        cloud.windows(2).all(|w| w[0] >= w[1]),
        "cloud cover not descending"
    );
    // Sorted and filtered at once (batches of the keyset path).
    let ids = h
        .all_pages_post(json!({"limit": 3, "bbox": [46, 37, 56, 46], "sortby": [{"field": "datetime", "direction": "asc"}]}))
        .await;
    assert_eq!(set(ids), expected_in_box(h, 46.0, 37.0, 56.0, 46.0));
}

async fn cql2_text_and_json_agree(h: &Harness) {
    let cases: Vec<(&str, Value)> = vec![
        (
            "\"eo:cloud_cover\" < 10",
            json!({"op":"<","args":[{"property":"eo:cloud_cover"},10]}),
        ),
        (
            "platform = 'spot-7' AND \"view:off_nadir\" <= 5",
            json!({"op":"and","args":[{"op":"=","args":[{"property":"platform"},"spot-7"]},{"op":"<=","args":[{"property":"view:off_nadir"},5]}]}),
        ),
        (
            "NOT (platform = 'spot-7') OR \"eo:cloud_cover\" > 90",
            json!({"op":"or","args":[{"op":"not","args":[{"op":"=","args":[{"property":"platform"},"spot-7"]}]},{"op":">","args":[{"property":"eo:cloud_cover"},90]}]}),
        ),
        (
            "id LIKE 'spot6%'",
            json!({"op":"like","args":[{"property":"id"},"spot6%"]}),
        ),
        (
            "platform IN ('spot-6')",
            json!({"op":"in","args":[{"property":"platform"},["spot-6"]]}),
        ),
        (
            "\"eo:cloud_cover\" BETWEEN 10 AND 30",
            json!({"op":"between","args":[{"property":"eo:cloud_cover"},10,30]}),
        ),
        (
            "\"silkway:strip_length_km\" IS NULL",
            json!({"op":"isNull","args":[{"property":"silkway:strip_length_km"}]}),
        ),
        (
            "S_INTERSECTS(geometry, POLYGON((49 39, 53 39.5, 50 43, 49 39)))",
            json!({"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[49,39],[53,39.5],[50,43],[49,39]]]}]}),
        ),
        (
            "T_INTERSECTS(datetime, INTERVAL('2025-01-01T00:00:00Z', '2025-03-31T00:00:00Z'))",
            json!({"op":"t_intersects","args":[{"property":"datetime"},{"interval":["2025-01-01T00:00:00Z","2025-03-31T00:00:00Z"]}]}),
        ),
        (
            "T_BEFORE(datetime, TIMESTAMP('2024-03-01T00:00:00Z'))",
            json!({"op":"t_before","args":[{"property":"datetime"},{"timestamp":"2024-03-01T00:00:00Z"}]}),
        ),
        (
            "T_AFTER(datetime, TIMESTAMP('2026-05-01T00:00:00Z'))",
            json!({"op":"t_after","args":[{"property":"datetime"},{"timestamp":"2026-05-01T00:00:00Z"}]}),
        ),
    ];
    for (text, cql_json) in cases {
        let get = search_all_get(
            h,
            &format!("filter-lang=cql2-text&filter={}", urlencode(text)),
        )
        .await;
        let post = set(h
            .all_pages_post(json!({"filter-lang": "cql2-json", "filter": cql_json, "limit": 100}))
            .await);
        let post_text = set(h
            .all_pages_post(json!({"filter-lang": "cql2-text", "filter": text, "limit": 100}))
            .await);
        let get_json = search_all_get(
            h,
            &format!(
                "filter-lang=cql2-json&filter={}",
                urlencode(&cql_json.to_string())
            ),
        )
        .await;
        assert_eq!(get, post, "{text}");
        assert_eq!(get, post_text, "{text}");
        assert_eq!(get, get_json, "{text}");
        assert!(
            !get.is_empty() && get.len() < h.items.len(),
            "{text}: {} of {}",
            get.len(),
            h.items.len()
        );
    }
    // Spot checks against brute force.
    let low_cloud: BTreeSet<String> = h
        .items
        .iter()
        .filter(|i| i["properties"]["eo:cloud_cover"].as_f64().unwrap() < 10.0)
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        search_all_get(h, "filter=%22eo%3Acloud_cover%22%20%3C%2010").await,
        low_cloud
    );
    let before = search_all_get(
        h,
        &format!(
            "filter={}",
            urlencode("T_BEFORE(datetime, TIMESTAMP('2024-03-01T00:00:00Z'))")
        ),
    )
    .await;
    assert!(before.iter().all(|id| {
        let i = h.items.iter().find(|i| i["id"] == id.as_str()).unwrap();
        us(i["properties"]["datetime"].as_str().unwrap()) < us("2024-03-01T00:00:00Z")
    }));
}

async fn fields_include_exclude(h: &Harness) {
    let page = h.ok("/search?limit=1&fields=id,properties.gsd").await;
    let f = &page["features"][0];
    let keys: BTreeSet<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        BTreeSet::from(["collection", "id", "properties", "stac_version", "type"])
    );
    assert_eq!(f["properties"], json!({"gsd": 1.5}));
    let page = h
        .ok("/search?limit=1&fields=-geometry,-properties.eo:cloud_cover")
        .await;
    let f = &page["features"][0];
    assert!(f.get("geometry").is_none() && f.get("assets").is_some());
    assert!(
        f["properties"].get("eo:cloud_cover").is_none()
            && f["properties"].get("datetime").is_some()
    );
    let (_, _, page) = h
        .post(
            "/search",
            json!({"limit": 1, "fields": {"include": ["geometry"], "exclude": ["geometry"]}}),
        )
        .await;
    assert!(page["features"][0].get("geometry").is_some());
    // Empty selection: the default set.
    let (_, _, page) = h.post("/search", json!({"limit": 1, "fields": {}})).await;
    let f = &page["features"][0];
    assert!(f.get("bbox").is_some() && f.get("assets").is_some());
    assert!(f["properties"].get("datetime").is_some() && f["properties"].get("gsd").is_none());
    let page = h.ok("/search?limit=1&fields=").await;
    assert!(page["features"][0]["properties"].get("gsd").is_none());
    let (status, _, _) = h.post("/search", json!({"fields": null})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

fn new_item(id: &str) -> Value {
    json!({
        "type": "Feature", "stac_version": "1.1.0", "id": id,
        "geometry": {"type":"Point","coordinates":[49.87, 40.41]},
        "properties": {"datetime": "2026-11-22T07:00:00Z", "platform": "spot-6", "eo:cloud_cover": 3.0, "remove_me": 1},
        "assets": {"data": {"href": "s3://x/y.tif"}},
        "links": []
    })
}

async fn transactions(h: &Harness) {
    // Items.
    let (status, headers, created) = h.post("/collections/spot6-7/items", new_item("tx-1")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(
        headers["location"],
        format!("{BASE}/collections/spot6-7/items/tx-1")
    );
    let (status, _, problem) = h.post("/collections/spot6-7/items", new_item("tx-1")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    let mut put = new_item("tx-1");
    put["properties"]["eo:cloud_cover"] = json!(77.0);
    put["properties"]
        .as_object_mut()
        .unwrap()
        .remove("remove_me");
    let (status, _, _) = h
        .send(Method::PUT, "/collections/spot6-7/items/tx-1", Some(put))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let item = h.ok("/collections/spot6-7/items/tx-1").await;
    assert_eq!(item["properties"]["eo:cloud_cover"], 77.0);
    assert!(item["properties"].get("remove_me").is_none());
    let (status, _, _) = h
        .send(
            Method::PATCH,
            "/collections/spot6-7/items/tx-1",
            Some(json!({"properties": {"gsd": 6.0}})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let item = h.ok("/collections/spot6-7/items/tx-1").await;
    assert_eq!(item["properties"]["gsd"], 6.0);
    assert_eq!(item["properties"]["eo:cloud_cover"], 77.0);
    // The index follows the update: found by its new cloud cover.
    let found = search_all_get(h, "filter=%22eo%3Acloud_cover%22%20%3D%2077").await;
    assert!(found.contains("tx-1"));
    let (status, _, _) = h
        .send(Method::DELETE, "/collections/spot6-7/items/tx-1", None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _, _) = h.get("/collections/spot6-7/items/tx-1").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Deleting again is idempotent; an unknown collection is not.
    let (status, _, _) = h
        .send(Method::DELETE, "/collections/spot6-7/items/tx-1", None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _, _) = h
        .send(Method::DELETE, "/collections/nope/items/tx-1", None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = h
        .send(
            Method::PUT,
            "/collections/spot6-7/items/tx-1",
            Some(new_item("tx-1")),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Collections, with a bulk FeatureCollection insert.
    let collection = json!({
        "type": "Collection", "id": "test-coll", "description": "d", "license": "CC-BY-4.0",
        "extent": {"spatial": {"bbox": [[-180, -90, 180, 90]]}, "temporal": {"interval": [[null, null]]}},
        "links": []
    });
    let (status, _, _) = h.post("/collections", collection.clone()).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _, _) = h.post("/collections", collection).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _, body) = h
        .post(
            "/collections/test-coll/items",
            json!({"type": "FeatureCollection", "features": [new_item("b1"), new_item("b2")]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(search_all_get(h, "collections=test-coll").await.len(), 2);
    let (status, _, patched) = h
        .send(
            Method::PATCH,
            "/collections/test-coll",
            Some(json!({"title": "Patched"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(patched["title"], "Patched");
    let (status, _, _) = h.send(Method::DELETE, "/collections/test-coll", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(search_all_get(h, "collections=test-coll").await.is_empty());
    let (status, _, _) = h.get("/collections/test-coll").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn bad_input_is_a_named_400(h: &Harness) {
    let cases = [
        ("/search?bbox=[100.0,0.0,105.0,1.0]", "bbox"),
        ("/search?bbox=100,1,105,0", "bbox"),
        ("/search?bbox=0,0,0", "bbox"),
        ("/search?datetime=1985-04-12", "datetime"),
        ("/search?datetime=../..", "datetime"),
        (
            "/search?datetime=1986-04-12T23:20:50.52Z/1985-04-12T23:20:50.52Z",
            "datetime",
        ),
        ("/search?limit=0", "limit"),
        ("/search?limit=abc", "limit"),
        ("/search?sortby=geometry", "sortby"),
        ("/search?filter=eo%3Acloud_cover%20%3C", "filter"),
        ("/search?filter=a%3D1&filter-lang=sql", "filter-lang"),
        ("/search?filter-crs=EPSG:3857&filter=a%3D1", "filter-crs"),
        ("/search?token=zz", "token"),
        (
            "/search?intersects=%7B%22type%22%3A%22Polygon%22%7D",
            "intersects",
        ),
        ("/collections/spot6-7/items?bbox=a,b,c,d", "bbox"),
    ];
    for (uri, parameter) in cases {
        let (status, headers, problem) = h.get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {problem}");
        assert_eq!(headers["content-type"], "application/problem+json", "{uri}");
        assert_eq!(problem["parameter"], parameter, "{uri}: {problem}");
        assert_eq!(problem["status"], 400);
        assert!(
            problem["detail"].as_str().unwrap().contains(parameter),
            "{problem}"
        );
    }
    let post_cases = [
        (json!({"bbox": "100.0, 0.0, 105.0, 1.0"}), "bbox"),
        (
            json!({"bbox": [0, 0, 1, 1], "intersects": {"type": "Point", "coordinates": [0, 0]}}),
            "intersects",
        ),
        (json!({"limit": -1}), "limit"),
        (
            json!({"sortby": [{"field": "id", "direction": "up"}]}),
            "sortby[0]",
        ),
        (json!({"filter": {"op": "<"}}), "filter"),
        (json!({"fields": {"include": "id"}}), "fields.include"),
        (json!({"datetime": 5}), "datetime"),
        (json!({"collections": [1]}), "collections"),
    ];
    for (body, parameter) in post_cases {
        let (status, _, problem) = h.post("/search", body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {problem}");
        assert_eq!(problem["parameter"], parameter, "{body}: {problem}");
    }
    let mut no_datetime = new_item("bad");
    no_datetime["properties"]
        .as_object_mut()
        .unwrap()
        .remove("datetime");
    let (status, _, problem) = h.post("/collections/spot6-7/items", no_datetime).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["parameter"], "properties.datetime");
    let mut bad_geometry = new_item("bad");
    bad_geometry["geometry"] = json!({"type": "Point", "coordinates": [200, 0]});
    let (status, _, problem) = h.post("/collections/spot6-7/items", bad_geometry).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["parameter"], "geometry");
    // Not JSON at all.
    let request = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/search")
        .body(axum::body::Body::from("{nope"))
        .unwrap();
    let response = tower::ServiceExt::oneshot(h.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

async fn planned_acquisitions(h: &Harness) {
    use silkway_catalog::{PlannedAcquisition, upsert_planned_acquisitions};
    let hour = 3_600_000_000i64;
    let start = us("2026-12-03T07:10:00Z");
    let plan = |n: i64, lon: f64| PlannedAcquisition {
        id: format!("plan-{n}"),
        satellite: "spot-7".into(),
        footprint: json!({"type":"Polygon","coordinates":[[[lon,40.0],[lon+0.6,40.0],[lon+0.6,40.5],[lon,40.5],[lon,40.0]]]}),
        start_us: start + n * 24 * hour,
        end_us: start + n * 24 * hour + 10_000_000,
        properties: serde_json::Map::from_iter([(
            "silkway:request_id".to_string(),
            json!("req-1"),
        )]),
    };
    let written = upsert_planned_acquisitions(&h.pool, &[plan(0, 49.5), plan(1, 50.5)])
        .await
        .unwrap();
    assert_eq!(written, 2);
    // Re-planning replaces, it does not duplicate.
    upsert_planned_acquisitions(&h.pool, &[plan(1, 50.6)])
        .await
        .unwrap();
    let all = search_all_get(h, "collections=planned").await;
    assert_eq!(
        all,
        BTreeSet::from(["plan-0".to_string(), "plan-1".to_string()])
    );
    let day0 = search_all_get(
        h,
        "collections=planned&datetime=2026-12-03T00:00:00Z/2026-12-03T23:59:59Z",
    )
    .await;
    assert_eq!(day0, BTreeSet::from(["plan-0".to_string()]));
    let item = h.ok("/collections/planned/items/plan-1").await;
    assert_eq!(item["properties"]["silkway:status"], "planned");
    assert_eq!(item["properties"]["platform"], "spot-7");
    assert_eq!(item["geometry"]["coordinates"][0][0][0], 50.6);
    let bad = PlannedAcquisition {
        end_us: start - hour,
        ..plan(2, 49.0)
    };
    let e = upsert_planned_acquisitions(&h.pool, &[bad])
        .await
        .unwrap_err();
    assert!(e.to_string().contains("plan-2"), "{e}");
}
