//! The whole HTTP application, assembled in one place.
//!
//! [`AppBuilder`] mounts silkway's JSON API and whatever other routers a
//! deployment adds — `nest_api` for routers that carry OpenAPI operations
//! (they join `/api/openapi.json`), `nest` for plain axum routers (the
//! STAC catalog) — and then wraps everything in the same layers: bearer
//! authentication deciding by method ([`crate::auth`]), and the scenario
//! cache refresh after successful changes.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::auth::{authenticate, is_safe};
use crate::openapi::ApiDoc;
use crate::pages;
use crate::problem::Problem;
use crate::routes;
use crate::scenario_cache::ScenarioCache;
use crate::state::AppState;

/// silkway's own JSON API routes (state not yet applied).
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(routes::resources::router())
        .merge(routes::elements::router())
        .merge(routes::coordination::router())
        .merge(routes::accounts::router())
        .merge(routes::audit::router())
        .merge(routes::scenario::router())
        .merge(routes::map_layers::router())
}

/// The OpenAPI document of silkway's own API (what the snapshot test pins).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_router().split_for_parts().1
}

/// Assembles the application.
pub struct AppBuilder {
    state: AppState,
    cache: Option<ScenarioCache>,
    api: Vec<(String, OpenApiRouter)>,
    plain: Vec<(String, Router)>,
    merged: Vec<Router>,
    links: Vec<(String, String)>,
    web_ui: Option<Router>,
}

impl AppBuilder {
    /// The JSON API over `state`.
    pub fn new(state: AppState) -> Self {
        Self {
            state,
            cache: None,
            api: Vec::new(),
            plain: Vec::new(),
            merged: Vec::new(),
            web_ui: None,
            links: vec![
                ("JSON API documentation".into(), "/api/docs".into()),
                ("OpenAPI document".into(), "/api/openapi.json".into()),
                ("Satellites".into(), "/api/satellites".into()),
                ("Current scenario".into(), "/api/scenario".into()),
                ("Health".into(), "/healthz".into()),
            ],
        }
    }

    /// Refresh `cache` after every successful change.
    pub fn scenario_cache(mut self, cache: ScenarioCache) -> Self {
        self.cache = Some(cache);
        self
    }

    /// Mount an OpenAPI router (e.g. the analyses at `/api/analyses`); its
    /// operations join the served OpenAPI document under `path`.
    pub fn nest_api(mut self, path: &str, router: OpenApiRouter) -> Self {
        self.api.push((path.to_owned(), router));
        self
    }

    /// Mount a plain router (e.g. the STAC API at `/stac`), listed on the
    /// index page as `title`.
    pub fn nest(mut self, path: &str, title: &str, router: Router) -> Self {
        self.links.push((title.to_owned(), format!("{path}/")));
        self.plain.push((path.to_owned(), router));
        self
    }

    /// Merge a plain router whose routes already carry their full paths
    /// (e.g. the STAC API's `mounted_router`, which also answers `/stac`),
    /// listed on the index page as `title` at `link`.
    pub fn merge_plain(mut self, link: &str, title: &str, router: Router) -> Self {
        self.links.push((title.to_owned(), link.to_owned()));
        self.merged.push(router);
        self
    }

    /// Serve `ui` (the embedded web UI) at `/` and for every path no other
    /// router claims; the index of API links then moves to `/api`.
    pub fn web_ui(mut self, ui: Router) -> Self {
        self.web_ui = Some(ui);
        self
    }

    /// The finished router.
    pub fn build(self) -> Router {
        let (own, mut spec) = api_router().split_for_parts();
        let mut app: Router = own.with_state(self.state.clone());
        for (path, router) in self.api {
            let (router, sub) = router.split_for_parts();
            app = app.nest(&path, router);
            spec = spec.nest(&path, sub);
        }
        for (path, router) in self.plain {
            app = app.nest(&path, router);
        }
        for router in self.merged {
            app = app.merge(router);
        }
        let spec = Arc::new(spec);
        let index = Arc::new(pages::index(&self.links));
        app = app
            .route(
                "/api/openapi.json",
                get(move || {
                    let spec = spec.clone();
                    async move { axum::Json(spec.as_ref().clone()) }
                }),
            )
            .route("/api/docs", get(|| async { Html(pages::DOCS) }))
            .route("/healthz", get(healthz).with_state(self.state.clone()))
            .route(
                if self.web_ui.is_some() { "/api" } else { "/" },
                get(move || {
                    let index = index.clone();
                    async move { Html(index.as_ref().clone()) }
                }),
            );
        app = match self.web_ui {
            Some(ui) => app.fallback_service(ui),
            None => app.fallback(|req: Request| async move { Problem::no_route(req.uri().path()) }),
        };
        if let Some(cache) = self.cache {
            app = app.layer(middleware::from_fn_with_state(cache, refresh_after_change));
        }
        app.layer(middleware::from_fn_with_state(self.state, authenticate))
    }
}

/// `GET /healthz`: 200 when the database answers.
async fn healthz(State(state): State<AppState>) -> Response {
    match sqlx_ping(&state).await {
        Ok(()) => {
            let mut r = "ok\n".into_response();
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(e) => Problem::from(e).into_response(),
    }
}

async fn sqlx_ping(state: &AppState) -> silkway_store::Result<()> {
    state.store.is_empty().await.map(|_| ())
}

/// Whether a request can change what the scenario cache holds: a mutation
/// of the JSON API's stored resources. Analyses (`POST /api/analyses/...`
/// computes, it stores no scenario data), logging in, the STAC catalog and
/// the tasking API keep their own tables, so they never reload the scenario.
fn may_change_scenario(method: &axum::http::Method, path: &str) -> bool {
    const NOT_SCENARIO: &[&str] = &["/api/analyses/", "/api/login", "/api/tokens", "/api/me"];
    !is_safe(method)
        && path.starts_with("/api/")
        && !NOT_SCENARIO.iter().any(|p| path.starts_with(p))
}

async fn refresh_after_change(
    State(cache): State<ScenarioCache>,
    req: Request,
    next: Next,
) -> Response {
    let changes = may_change_scenario(req.method(), req.uri().path());
    let resp = next.run(req).await;
    if changes && resp.status().is_success() {
        if let Err(e) = cache.refresh().await {
            tracing::error!("scenario cache not refreshed: {e}");
        }
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::may_change_scenario;
    use axum::http::Method;

    #[test]
    fn only_resource_mutations_reload_the_scenario() {
        assert!(may_change_scenario(&Method::POST, "/api/satellites"));
        assert!(may_change_scenario(&Method::PUT, "/api/links/tcfo-main"));
        assert!(may_change_scenario(&Method::DELETE, "/api/stations/baku"));
        assert!(!may_change_scenario(&Method::GET, "/api/satellites"));
        assert!(!may_change_scenario(
            &Method::POST,
            "/api/analyses/orbit/passes"
        ));
        assert!(!may_change_scenario(&Method::POST, "/api/login"));
        assert!(!may_change_scenario(&Method::POST, "/stac/search"));
        assert!(!may_change_scenario(
            &Method::POST,
            "/stapi/products/spot-6/orders"
        ));
    }
}
