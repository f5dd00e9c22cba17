//! The router's OpenAPI description lists every analysis and job route with
//! its schemas, so the server's document includes them.

use silkway_analyses::{AnalysesState, router};

#[test]
fn every_route_is_described() {
    let state =
        AnalysesState::with_static_scenario(silkway_model::builtin::load("caspian").unwrap());
    let (_, api) = router(state).split_for_parts();
    let doc = serde_json::to_value(&api).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    let expected = [
        ("/orbit/passes", "post"),
        ("/orbit/look-angles", "post"),
        ("/orbit/ground-tracks", "post"),
        ("/orbit/eclipses", "post"),
        ("/orbit/geo-look", "post"),
        ("/orbit/propagate", "post"),
        ("/orbit/sun", "post"),
        ("/net/apsp", "post"),
        ("/itu/p618", "post"),
        ("/itu/p618-exceedance", "post"),
        ("/itu/p452", "post"),
        ("/itu/p453", "post"),
        ("/itu/p676", "post"),
        ("/itu/p836", "post"),
        ("/itu/p837", "post"),
        ("/itu/p838", "post"),
        ("/itu/p839", "post"),
        ("/itu/p840", "post"),
        ("/itu/p1510", "post"),
        ("/itu/p1511", "post"),
        ("/link/budget", "post"),
        ("/link/map", "post"),
        ("/net/paths", "post"),
        ("/net/disjoint", "post"),
        ("/net/what-if", "post"),
        ("/net/failures", "post"),
        ("/net/maxflow", "post"),
        ("/net/availability", "post"),
        ("/net/route-demands", "post"),
        ("/spectrum/interference", "post"),
        ("/spectrum/border", "post"),
        ("/spectrum/dtt", "post"),
        ("/spectrum/montecarlo", "post"),
        ("/spectrum/pattern", "post"),
        ("/spectrum/coordination-distance", "post"),
        ("/capacity/plan", "post"),
        ("/eo/access", "post"),
        ("/eo/contacts", "post"),
        ("/eo/plan", "post"),
        ("/capacity/size", "post"),
        ("/jobs", "post"),
        ("/jobs", "get"),
        ("/jobs/{id}", "get"),
        ("/jobs/{id}", "delete"),
        ("/jobs/{id}/result", "get"),
        ("/jobs/{id}/cancel", "post"),
    ];
    for (path, method) in expected {
        let op = &paths.get(path).unwrap_or_else(|| panic!("{path} missing"))[method];
        assert!(op.is_object(), "{method} {path} missing");
        assert!(op["responses"].is_object(), "{method} {path}: no responses");
    }
    assert_eq!(paths.len(), expected.len() - 2); // /jobs and /jobs/{id} have two methods each
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "PassesRequest",
        "PassesResponse",
        "Problem",
        "FieldError",
        "Job",
        "JobState",
        "JobRequest",
        "WhatIfResponse",
        "MapRequest",
        "StationInput",
    ] {
        assert!(schemas.contains_key(name), "schema {name} missing");
    }
    // Errors are documented as problem+json.
    let r422 = &paths["/orbit/passes"]["post"]["responses"]["422"];
    assert!(
        r422["content"]["application/problem+json"].is_object(),
        "{r422}"
    );
}
