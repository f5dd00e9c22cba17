//! All-pairs latency, as `silkway net apsp` gives it: the latency diameter,
//! mean latency and reachability over every ordered pair (Dijkstra from
//! every source in parallel), and optionally the full matrix.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_model::Scenario;
use silkway_net::apsp;
use silkway_net::dijkstra::UNREACHABLE;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::Body;
use crate::jobs::{Control, cancelled};
use crate::kinds::Problems;
use crate::net::{NetworkInput, graph_of};
use crate::orbit::too_long;
use crate::problem::{ApiResult, Problem};

/// Largest graph whose full matrix is returned.
pub const MAX_MATRIX_NODES: usize = 2_000;
/// Largest graph answered synchronously; larger ones run as job `apsp`.
pub const SYNC_MAX_NODES: usize = 3_000;

/// An all-pairs request.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApspRequest {
    /// The graph (default: the scenario's network).
    #[serde(default)]
    pub network: NetworkInput,
    /// Also return the latency matrix (µs; `null` when unreachable).
    #[serde(default)]
    pub matrix: bool,
}

fn us(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

/// The summary (and the matrix when asked).
pub fn all_pairs(sc: &Scenario, req: &ApspRequest, ctl: &Control) -> ApiResult<Value> {
    let g = graph_of(sc, &req.network)?;
    let n = g.node_count();
    let s = apsp::summary(&g);
    let mut out = json!({
        "nodes": n,
        "edges": g.edge_count(),
        "max_latency_us": us(s.max_latency_ns),
        "mean_latency_us": s.mean_latency_ns / 1000.0,
        "reachable_pairs": s.reachable_pairs,
        "unreachable_pairs": s.unreachable_pairs,
    });
    if req.matrix {
        if n > MAX_MATRIX_NODES {
            return Err(Problem::invalid(
                "matrix",
                format!("{n} nodes: the matrix is returned for at most {MAX_MATRIX_NODES}"),
            ));
        }
        let ids: Vec<&str> = g.nodes().iter().map(|v| v.id.as_str()).collect();
        let mut rows = Vec::with_capacity(n);
        apsp::for_each_row(&g, |src, row| {
            if ctl.is_cancelled() {
                return Err(cancelled());
            }
            ctl.report(
                (src as f64 + 1.0) / n as f64,
                format!("apsp: rows {}/{n}", src + 1),
            );
            rows.push(
                row.iter()
                    .map(|&d| {
                        if d == UNREACHABLE {
                            Value::Null
                        } else {
                            json!(us(d))
                        }
                    })
                    .collect::<Vec<_>>(),
            );
            Ok(())
        })?;
        out["node_ids"] = json!(ids);
        out["latency_us"] = json!(rows);
    }
    Ok(out)
}

/// All-pairs latency summary (and matrix); job kind `apsp` for large graphs.
#[utoipa::path(post, path = "/net/apsp", tag = "net", request_body = ApspRequest,
    responses((status = 200, description = "latency diameter, mean, reachability, optional matrix", body = Object), Problems))]
async fn apsp_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<ApspRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |sc, ctl| {
        let n = graph_of(sc, &req.network)?.node_count();
        if n > SYNC_MAX_NODES {
            return Err(too_long(
                "apsp",
                format!("{n} nodes (at most {SYNC_MAX_NODES})"),
            ));
        }
        all_pairs(sc, &req, ctl)
    })
    .await
    .map(Json)
}

/// The route.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new().routes(routes!(apsp_handler))
}
