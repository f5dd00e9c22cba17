//! The tasking API (`/stapi`) through the assembled service: products,
//! opportunities checked against the EO engine called directly, orders
//! planned, published to the catalog, private to their organization,
//! cancelled.

mod common;

use axum::http::StatusCode;
use serde_json::{Value, json};
use silkway_eo::access::{AccessOptions, access};
use silkway_eo::aoi::parse_geojson;
use silkway_eo::fleet::from_scenario;
use silkway_orbit::UtcTime;
use silkway_store::Role;

const WINDOW: &str = "2026-05-31T00:00:00Z/2026-06-03T00:00:00Z";

fn baku() -> Value {
    json!({"type": "Polygon", "coordinates": [[[49.80, 40.35], [49.95, 40.35], [49.95, 40.45], [49.80, 40.45], [49.80, 40.35]]]})
}

fn t(s: &str) -> UtcTime {
    UtcTime::parse_rfc3339(s).unwrap()
}

#[tokio::test]
async fn products_opportunities_and_an_order_through_to_the_catalog() {
    let app = common::app().await;
    let (status, _, landing) = app.call("GET", "/stapi/", None, None).await;
    assert_eq!(status, StatusCode::OK, "{landing}");
    assert!(
        landing["conformsTo"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c.as_str().unwrap().ends_with("/core"))
    );

    let (status, _, products) = app.call("GET", "/stapi/products", None, None).await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<&str> = products["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"spot-6") && ids.contains(&"kazeosat-1"),
        "{ids:?}"
    );
    let (status, _, q) = app
        .call("GET", "/stapi/products/spot-6/queryables", None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(q["properties"]["view:incidence_angle"].is_object());
    let (status, _, _) = app
        .call("GET", "/stapi/products/no-such-sat", None, None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Opportunities: a token is needed; any role may search.
    let search = json!({"datetime": WINDOW, "geometry": baku()});
    let (status, _, _) = app
        .call(
            "POST",
            "/stapi/products/spot-6/opportunities",
            None,
            Some(search.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let viewer = app.token("azercosmos", Role::Viewer).await;
    let (status, _, opps) = app
        .call(
            "POST",
            "/stapi/products/spot-6/opportunities",
            Some(&viewer),
            Some(search.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{opps}");
    let features = opps["features"].as_array().unwrap();
    assert!(
        !features.is_empty(),
        "SPOT 6 passes over Baku in three days: {opps}"
    );

    // The same passes as the engine finds, with a feasible strip each.
    let scenario = silkway_model::builtin::load("caspian").unwrap();
    let sats = from_scenario(&scenario, &["spot-6".to_owned()]).unwrap();
    let aois = parse_geojson(&baku().to_string(), "baku").unwrap();
    let direct = access(
        &sats,
        &aois,
        t("2026-05-31T00:00:00Z"),
        t("2026-06-03T00:00:00Z"),
        &AccessOptions::default(),
    )
    .unwrap();
    let feasible: Vec<_> = direct
        .iter()
        .filter(|o| o.strips.iter().any(|s| s.feasible))
        .collect();
    assert_eq!(features.len(), feasible.len());
    for (f, o) in features.iter().zip(&feasible) {
        assert_eq!(
            f["properties"]["silkway:broadside"],
            json!(o.broadside.to_rfc3339_ms())
        );
        assert!(
            (f["properties"]["view:incidence_angle"].as_f64().unwrap() - o.incidence_deg).abs()
                < 1e-9
        );
    }

    // A CQL2 filter keeps only the steep looks.
    let steepest = features
        .iter()
        .map(|f| f["properties"]["view:incidence_angle"].as_f64().unwrap())
        .fold(f64::INFINITY, f64::min);
    let filtered = json!({"datetime": WINDOW, "geometry": baku(), "filter": {"op": "<=", "args": [{"property": "view:incidence_angle"}, steepest + 1e-6]}});
    let (status, _, few) = app
        .call(
            "POST",
            "/stapi/products/spot-6/opportunities",
            Some(&viewer),
            Some(filtered),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{few}");
    assert_eq!(few["features"].as_array().unwrap().len(), 1, "{few}");

    // A viewer may not order; an engineer may.
    let order =
        json!({"datetime": WINDOW, "geometry": baku(), "order_parameters": {"priority": 2}});
    let (status, _, _) = app
        .call(
            "POST",
            "/stapi/products/spot-6/orders",
            Some(&viewer),
            Some(order.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let engineer = app.token("azercosmos", Role::Engineer).await;
    let (status, _, placed) = app
        .call(
            "POST",
            "/stapi/products/spot-6/orders",
            Some(&engineer),
            Some(order),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{placed}");
    assert_eq!(placed["stapi_type"], "Order");
    assert_eq!(placed["status"]["status_code"], "scheduled", "{placed}");
    let id = placed["id"].as_str().unwrap().to_owned();
    let acqs = placed["properties"]["silkway:acquisitions"]
        .as_array()
        .unwrap();
    assert!(!acqs.is_empty());
    // The acquisition lies in one of the opportunities' windows.
    let start = t(acqs[0]["start"].as_str().unwrap());
    assert!(
        features.iter().any(|f| {
            let (a, b) = f["properties"]["datetime"]
                .as_str()
                .unwrap()
                .split_once('/')
                .unwrap();
            start >= t(a).plus_seconds(-120.0) && start <= t(b).plus_seconds(120.0)
        }),
        "{placed}"
    );

    let (status, _, history) = app
        .call(
            "GET",
            &format!("/stapi/orders/{id}/statuses"),
            Some(&viewer),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let codes: Vec<&str> = history["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["received", "accepted", "scheduled"]);

    // Published in the catalog's planned collection.
    let (status, _, item) = app
        .call(
            "GET",
            &format!("/stac/collections/planned/items/{id}-1"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{item}");
    assert_eq!(item["properties"]["silkway:order_id"], json!(id));
    assert_eq!(item["properties"]["platform"], "spot-6");

    // Another organization neither sees nor lists it.
    let other = app.token("kazakhtelecom", Role::Admin).await;
    let (status, _, _) = app
        .call("GET", &format!("/stapi/orders/{id}"), Some(&other), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = app
        .call(
            "POST",
            &format!("/stapi/orders/{id}/cancel"),
            Some(&other),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, theirs) = app.call("GET", "/stapi/orders", Some(&other), None).await;
    assert_eq!(theirs["orders"], json!([]));
    let (_, _, ours) = app.call("GET", "/stapi/orders", Some(&viewer), None).await;
    assert_eq!(ours["orders"].as_array().unwrap().len(), 1);
    let (status, _, still) = app
        .call("GET", &format!("/stapi/orders/{id}"), Some(&viewer), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(still["status"]["status_code"], "scheduled");

    // Cancelling removes the planned item.
    let (status, _, cancelled) = app
        .call(
            "POST",
            &format!("/stapi/orders/{id}/cancel"),
            Some(&engineer),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["status"]["status_code"], "user_cancelled");
    let (status, _, _) = app
        .call(
            "GET",
            &format!("/stac/collections/planned/items/{id}-1"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = app
        .call(
            "POST",
            &format!("/stapi/orders/{id}/cancel"),
            Some(&engineer),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn an_order_without_a_pass_is_rejected_with_the_reason() {
    let app = common::app().await;
    let engineer = app.token("azercosmos", Role::Engineer).await;
    // Ten minutes at local midnight over Baku: no daylight pass.
    let order =
        json!({"datetime": "2026-05-31T20:00:00Z/2026-05-31T20:10:00Z", "geometry": baku()});
    let (status, _, placed) = app
        .call(
            "POST",
            "/stapi/products/spot-6/orders",
            Some(&engineer),
            Some(order),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{placed}");
    assert_eq!(placed["status"]["status_code"], "rejected", "{placed}");
    assert_eq!(
        placed["status"]["reason_code"], "no_opportunity",
        "{placed}"
    );
    assert!(
        placed["properties"]["silkway:acquisitions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn bad_requests_name_the_field() {
    let app = common::app().await;
    let engineer = app.token("azercosmos", Role::Engineer).await;
    let cases = [
        (json!({"geometry": baku()}), "datetime"),
        (
            json!({"datetime": "2026-06-03T00:00:00Z/2026-06-01T00:00:00Z", "geometry": baku()}),
            "datetime",
        ),
        (json!({"datetime": "../..", "geometry": baku()}), "datetime"),
        (json!({"datetime": WINDOW}), "geometry"),
        (
            json!({"datetime": WINDOW, "geometry": {"type": "LineString", "coordinates": [[49.0, 40.0], [50.0, 41.0]]}}),
            "geometry.type",
        ),
        (
            json!({"datetime": WINDOW, "geometry": {"type": "Polygon", "coordinates": [[[49.8, 40.3], [49.9, 40.3], [49.9, 140.4], [49.8, 40.3]]]}}),
            "geometry.coordinates[0][2]",
        ),
        (
            json!({"datetime": WINDOW, "geometry": baku(), "filter": {"op": "no-such-op"}}),
            "filter",
        ),
        (
            json!({"datetime": WINDOW, "geometry": baku(), "order_parameters": {"priority": -1}}),
            "order_parameters.priority",
        ),
        (
            json!({"datetime": WINDOW, "geometry": baku(), "order_parameters": {"colour": "red"}}),
            "order_parameters.colour",
        ),
        (
            json!({"datetime": WINDOW, "geometry": baku(), "extra": 1}),
            "extra",
        ),
    ];
    for (body, field) in cases {
        let (status, ctype, problem) = app
            .call(
                "POST",
                "/stapi/products/spot-6/orders",
                Some(&engineer),
                Some(body.clone()),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {problem}"
        );
        assert!(ctype.starts_with("application/problem+json"), "{ctype}");
        assert_eq!(
            problem["errors"][0]["field"],
            json!(field),
            "{body}: {problem}"
        );
    }
    let (_, _, mine) = app
        .call("GET", "/stapi/orders", Some(&engineer), None)
        .await;
    assert_eq!(mine["orders"], json!([]), "a refused order is not stored");
}
