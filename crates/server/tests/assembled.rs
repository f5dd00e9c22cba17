//! The service as `silkway serve` assembles it: the analyses see the
//! store's current scenario, the map layers and the web UI are served, and
//! the one authentication layer covers the analyses too.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use silkway_store::Role;
use tower::ServiceExt;

fn fra_ala_links(what_if: &Value) -> Vec<String> {
    let demand = what_if["demands"]
        .as_array()
        .expect("demands")
        .iter()
        .find(|d| d["source"] == "frankfurt" && d["target"] == "almaty")
        .expect("the Frankfurt–Almaty demand");
    demand["after"]["links"]
        .as_array()
        .expect("a re-route after the cut")
        .iter()
        .map(|l| l.as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn analyses_run_on_the_stored_scenario_behind_the_token_layer() {
    let t = common::app().await;
    let cut = json!({"cut": ["tcfo-main"]});
    let (status, ctype, _) = t
        .call("POST", "/api/analyses/net/what-if", None, Some(cut.clone()))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(ctype.starts_with("application/problem+json"), "{ctype}");

    let viewer = t.token("azertelecom", Role::Viewer).await;
    let (status, _, v) = t
        .call(
            "POST",
            "/api/analyses/net/what-if",
            Some(&viewer),
            Some(cut.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert!(fra_ala_links(&v).iter().any(|l| l == "tcfo-reserve"), "{v}");

    // The reserve's owner removes it: the next analysis no longer uses it.
    let admin = t.token("azertelecom", Role::Admin).await;
    let (status, _, body) = t
        .call("DELETE", "/api/links/tcfo-reserve", Some(&admin), None)
        .await;
    assert!(status.is_success(), "{status} {body}");
    let (status, _, v) = t
        .call(
            "POST",
            "/api/analyses/net/what-if",
            Some(&viewer),
            Some(cut),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert!(
        !fra_ala_links(&v).iter().any(|l| l == "tcfo-reserve"),
        "{v}"
    );
}

#[tokio::test]
async fn map_layers_are_geojson() {
    let t = common::app().await;
    let (status, ctype, v) = t.call("GET", "/api/scenario/geojson", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype, "application/geo+json");
    assert_eq!(v["type"], "FeatureCollection");
    assert!(v["features"].as_array().unwrap().len() > 50, "{v}");
    let (status, _, v) = t
        .call("GET", "/api/spectrum/borders/az-ir", None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["geometry"]["type"], "MultiLineString");
    assert_eq!(v["properties"]["countries"], json!(["AZ", "IR"]));
}

#[tokio::test]
async fn web_ui_at_the_root_and_api_misses_stay_problems() {
    let t = common::app().await;
    let resp = t
        .app
        .clone()
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let ctype = resp.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(ctype.starts_with("text/html"), "{ctype}");
    let html = resp.into_body().collect().await.unwrap().to_bytes();
    assert!(
        String::from_utf8_lossy(&html).contains("<script"),
        "not the UI"
    );

    let (status, ctype, _) = t.call("GET", "/api/no-such-thing", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(ctype.starts_with("application/problem+json"), "{ctype}");

    let (status, _, _) = t.call("GET", "/api", None, None).await;
    assert_eq!(status, StatusCode::OK, "the API index moved to /api");
}

#[tokio::test]
async fn stac_reads_are_open_and_writes_need_an_engineer() {
    let t = common::app().await;
    let (status, _, landing) = t.call("GET", "/stac/", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(landing["type"], "Catalog");
    let links = landing["links"].as_array().unwrap();
    assert!(
        links.iter().all(|l| l["href"]
            .as_str()
            .unwrap()
            .starts_with("http://localhost:8080/stac")),
        "{landing}"
    );
    let (status, _, found) = t
        .call("POST", "/stac/search", None, Some(json!({"limit": 1})))
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["type"], "FeatureCollection");

    let collection = json!({
        "type": "Collection", "stac_version": "1.0.0", "id": "kazeosat-1",
        "description": "KazEOSat-1 archive", "license": "proprietary", "links": [],
        "extent": {"spatial": {"bbox": [[46.0, 35.0, 88.0, 56.0]]},
                   "temporal": {"interval": [["2014-06-01T00:00:00Z", null]]}}
    });
    let (status, _, _) = t
        .call("POST", "/stac/collections", None, Some(collection.clone()))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let viewer = t.token("azercosmos", Role::Viewer).await;
    let (status, _, _) = t
        .call(
            "POST",
            "/stac/collections",
            Some(&viewer),
            Some(collection.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = t
        .call("GET", "/stac/collections/kazeosat-1", None, None)
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a refused write left nothing"
    );
    let engineer = t.token("azercosmos", Role::Engineer).await;
    let (status, _, body) = t
        .call(
            "POST",
            "/stac/collections",
            Some(&engineer),
            Some(collection),
        )
        .await;
    assert!(status.is_success(), "{status} {body}");
    let (status, _, _) = t
        .call("GET", "/stac/collections/kazeosat-1", None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
}
