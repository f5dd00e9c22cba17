//! The API's rules through HTTP: authentication, ownership, visibility,
//! problem+json errors naming fields, paging links.

mod common;

use axum::http::StatusCode;
use serde_json::json;
use silkway_store::{Kind, Role};

use common::app;

const PROBLEM: &str = "application/problem+json";

fn assignment(id: &str) -> serde_json::Value {
    json!({"id": id, "station": "baku-teleport", "administration": "az-admin", "service": "FSS",
           "direction": "receive", "freq_mhz": 3950.0, "bandwidth_khz": 36000.0,
           "noise_temp_k": 120.0, "polarization": "horizontal"})
}

#[tokio::test]
async fn mutations_need_a_valid_token_reads_do_not() {
    let t = app().await;
    let (s, _, page) = t.call("GET", "/api/satellites", None, None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(!page["items"].as_array().unwrap().is_empty());
    for (method, uri) in [
        ("POST", "/api/assignments"),
        ("PUT", "/api/assignments/az-baku-uplink-6g"),
        ("DELETE", "/api/assignments/az-baku-uplink-6g"),
    ] {
        let (s, ctype, p) = t
            .call(method, uri, None, Some(assignment("az-baku-uplink-6g")))
            .await;
        assert_eq!(
            (s, ctype.as_str()),
            (StatusCode::UNAUTHORIZED, PROBLEM),
            "{method} {uri}: {p}"
        );
        assert_eq!(p["status"], json!(401));
    }
    // Also on paths no route serves: the middleware sits over the whole app.
    let (s, _, _) = t
        .call("POST", "/stac/collections", None, Some(json!({})))
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, _) = t
        .call("GET", "/api/satellites", Some("swt_forged"), None)
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(
        t.store
            .get(Kind::Assignments, "az-baku-uplink-6g")
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn an_organization_changes_only_what_it_owns() {
    let t = app().await;
    let az = t.token("az-admin", Role::Engineer).await;
    let (s, _, rec) = t
        .call(
            "POST",
            "/api/assignments",
            Some(&az),
            Some(assignment("az-new-rx")),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{rec}");
    let kz = t.token("kz-admin", Role::Admin).await;
    let before = t.store.get(Kind::Assignments, "az-new-rx").await.unwrap();
    let mut changed = assignment("az-new-rx");
    changed["freq_mhz"] = json!(4000.0);
    let (s, ctype, _) = t
        .call(
            "PUT",
            "/api/assignments/az-new-rx",
            Some(&kz),
            Some(changed),
        )
        .await;
    assert_eq!((s, ctype.as_str()), (StatusCode::FORBIDDEN, PROBLEM));
    let (s, _, _) = t
        .call("DELETE", "/api/assignments/az-new-rx", Some(&kz), None)
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(
        t.store.get(Kind::Assignments, "az-new-rx").await.unwrap(),
        before
    );
    let viewer = t.token("az-admin", Role::Viewer).await;
    let (s, _, _) = t
        .call(
            "POST",
            "/api/assignments",
            Some(&viewer),
            Some(assignment("az-viewer")),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(t.store.get(Kind::Assignments, "az-viewer").await.is_err());
}

#[tokio::test]
async fn bad_input_is_a_problem_naming_the_field() {
    let t = app().await;
    let az = t.token("az-admin", Role::Engineer).await;
    let mut bad = assignment("az-bad");
    bad["freq_mhz"] = json!(-5.0);
    let (s, ctype, p) = t
        .call("POST", "/api/assignments", Some(&az), Some(bad))
        .await;
    assert_eq!(
        (s, ctype.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, PROBLEM)
    );
    assert_eq!(p["errors"][0]["field"], json!("freq_mhz"), "{p}");
    let (s, _, p) = t.call("GET", "/api/satellites?limit=0", None, None).await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("limit"))
    );
    let (s, _, p) = t
        .call(
            "POST",
            "/api/coordination",
            Some(&az),
            Some(json!({"to_org": 5, "subject": "x"})),
        )
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("to_org")),
        "{p}"
    );
    let (s, ctype, _) = t.call("GET", "/api/satellites/nope", None, None).await;
    assert_eq!((s, ctype.as_str()), (StatusCode::NOT_FOUND, PROBLEM));
}

#[tokio::test]
async fn coordination_is_visible_to_its_two_administrations_only() {
    let t = app().await;
    let az = t.token("az-admin", Role::Engineer).await;
    let ir = t.token("ir-admin", Role::Engineer).await;
    let kz = t.token("kz-admin", Role::Admin).await;
    let (s, _, req) = t
        .call("POST", "/api/coordination", Some(&az), Some(json!({"to_org": "ir-admin", "subject": "Astara FS", "assignments": ["az-astara-lankaran-tx"]})))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{req}");
    let id = req["id"].as_str().unwrap();
    let uri = format!("/api/coordination/{id}");
    assert_eq!(t.call("GET", &uri, Some(&ir), None).await.0, StatusCode::OK);
    assert_eq!(
        t.call("GET", &uri, Some(&kz), None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.call("GET", &uri, None, None).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (_, _, list) = t.call("GET", "/api/coordination", Some(&kz), None).await;
    assert!(list["items"].as_array().unwrap().is_empty());
    let tr = format!("{uri}/transitions");
    assert_eq!(
        t.call("POST", &tr, Some(&kz), Some(json!({"to": "under_review"})))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.call("POST", &tr, Some(&ir), Some(json!({"to": "under_review"})))
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        t.call("POST", &tr, Some(&ir), Some(json!({"to": "open"})))
            .await
            .0,
        StatusCode::CONFLICT
    );
    let (s, _, done) = t
        .call(
            "POST",
            &tr,
            Some(&ir),
            Some(json!({"to": "agreed", "comment": "no objection"})),
        )
        .await;
    assert_eq!(
        (s, done["status"].as_str()),
        (StatusCode::OK, Some("agreed"))
    );
}

#[tokio::test]
async fn audit_is_for_admins_and_pages_link_onward() {
    let t = app().await;
    let eng = t.token("az-admin", Role::Engineer).await;
    let admin = t.token("az-admin", Role::Admin).await;
    t.call(
        "POST",
        "/api/assignments",
        Some(&eng),
        Some(assignment("az-audited")),
    )
    .await;
    assert_eq!(
        t.call("GET", "/api/audit", Some(&eng), None).await.0,
        StatusCode::FORBIDDEN
    );
    let (s, _, page) = t.call("GET", "/api/audit", Some(&admin), None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["resource_id"] == json!("az-audited")
                && e["after"]["freq_mhz"] == json!(3950.0))
    );
    let (_, _, p1) = t.call("GET", "/api/nodes?limit=3", None, None).await;
    let next = p1["next"].as_str().unwrap().to_owned();
    assert!(next.starts_with("/api/nodes?limit=3&cursor="), "{next}");
    let (_, _, p2) = t.call("GET", &next, None, None).await;
    assert_ne!(p1["items"][0]["id"], p2["items"][0]["id"]);
}

#[tokio::test]
async fn pages_and_spec_are_served() {
    let t = app().await;
    let (s, _, spec) = t.call("GET", "/api/openapi.json", None, None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(spec["paths"]["/api/satellites"]["get"].is_object());
    let (s, ctype, _) = t.call("GET", "/api/docs", None, None).await;
    assert_eq!((s, ctype.starts_with("text/html")), (StatusCode::OK, true));
    assert_eq!(
        t.call("GET", "/healthz", None, None).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn login_is_the_one_tokenless_mutation_and_imports_report_errors() {
    let t = app().await;
    let admin = t.token("azercosmos", Role::Admin).await;
    let (s, _, user) = t
        .call("POST", "/api/users", Some(&admin), Some(json!({"email": "ops@azercosmos.example", "name": "Ops", "role": "engineer", "password": "long enough password"})))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{user}");
    let (s, _, bad) = t
        .call(
            "POST",
            "/api/login",
            None,
            Some(json!({"email": "ops@azercosmos.example", "password": "wrong password"})),
        )
        .await;
    assert_eq!(
        (s, bad["status"].as_i64()),
        (StatusCode::UNAUTHORIZED, Some(401))
    );
    let (s, _, issued) = t
        .call(
            "POST",
            "/api/login",
            None,
            Some(json!({"email": "ops@azercosmos.example", "password": "long enough password"})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{issued}");
    let token = issued["token"].as_str().unwrap();
    let (s, _, me) = t.call("GET", "/api/me", Some(token), None).await;
    assert_eq!((s, me["role"].as_str()), (StatusCode::OK, Some("engineer")));
    // A TLE with a broken checksum: nothing imported, the reason names the source.
    let req = axum::http::Request::builder()
        .method("POST")
        .uri("/api/element-sets/import?source=bad.tle")
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::from(
            "AZERSPACE 1\n1 39079U 13006B   26150.44098318  .00000145  00000+0  00000+0 0  9990\n\
             2 39079   0.0169 350.8571 0001515 107.1967 354.6838  1.00275415 48631\n",
        ))
        .unwrap();
    let resp = tower::ServiceExt::oneshot(t.app.clone(), req)
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = http_body_util::BodyExt::collect(resp.into_body())
        .await
        .unwrap()
        .to_bytes();
    assert!(String::from_utf8_lossy(&body).contains("bad.tle"));
    let (_, _, history) = t
        .call(
            "GET",
            "/api/satellites/azerspace-1/element-sets",
            None,
            None,
        )
        .await;
    assert_eq!(history["items"].as_array().unwrap().len(), 1);
}
