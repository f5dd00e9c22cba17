//! Transit-network analyses (`silkway-net`) over the scenario's network or
//! a GraphML graph sent with the request: k shortest paths, disjoint pairs
//! (edge / node / SRLG), failure what-if (cut these links), all single or
//! double failures, max-flow, availability, demand routing.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use silkway_model::Scenario;
use silkway_net::availability::{self, FailureDefaults, Scheme};
use silkway_net::demands::{Demand, DemandSpec, resolve, scenario_demand_specs};
use silkway_net::dijkstra::Workspace;
use silkway_net::disjoint::{DisjointPair, DisjointSolver, Diversity};
use silkway_net::failures::{Failure, FailureOptions, analyse_cancellable};
use silkway_net::graph::{Graph, Path};
use silkway_net::maxflow::MaxFlowSolver;
use silkway_net::srlg::SrlgSolver;
use silkway_net::what_if::{cut_links, edges_named};
use silkway_net::{NetError, ScenarioGraphOptions, graphml, mcf, scenario_graph, yen};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::Body;
use crate::jobs::{Control, cancelled};
use crate::kinds::Problems;
use crate::problem::{ApiResult, Problem};

fn yes() -> bool {
    true
}

/// The graph to work on.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkInput {
    /// A GraphML graph (Internet Topology Zoo style, with optional
    /// `length_km`, `capacity_gbps`, `srlg`, `cuts_per_1000km_year`,
    /// `mttr_h` edge attributes) instead of the scenario's network.
    #[serde(default)]
    pub graphml: Option<String>,
    /// Scenario network: also links whose status is `planned`.
    #[serde(default)]
    pub include_planned: bool,
    /// Scenario network: include the GEO satellite hops.
    #[serde(default = "yes")]
    pub include_satellite: bool,
}

impl Default for NetworkInput {
    fn default() -> Self {
        Self {
            graphml: None,
            include_planned: false,
            include_satellite: true,
        }
    }
}

/// A traffic demand between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DemandInput {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Volume, Gbit/s.
    #[serde(default)]
    pub gbps: Option<f64>,
}

fn net_problem(field: &str, e: NetError) -> Problem {
    match e {
        NetError::UnknownNode { .. } => Problem::invalid(field, e.to_string()),
        NetError::Solver(_) => Problem::internal(e.to_string()),
        other => Problem::invalid(field, other.to_string()),
    }
}

/// The graph of `net`: the GraphML given, else the scenario's network.
pub(crate) fn graph_of(sc: &Scenario, net: &NetworkInput) -> ApiResult<Graph> {
    Ok(match &net.graphml {
        Some(text) => {
            graphml::parse_graph(text, "network.graphml")
                .map_err(|e| net_problem("network.graphml", e))?
                .0
        }
        None => {
            let opts = ScenarioGraphOptions {
                include_planned: net.include_planned,
                include_satellite: net.include_satellite,
            };
            scenario_graph(sc, opts)
                .map_err(|e| Problem::internal(format!("the scenario's network: {e}")))?
                .0
        }
    })
}

/// The graph of `net` and the demands (given, else the scenario's).
fn graph_and_demands(
    sc: &Scenario,
    net: &NetworkInput,
    demands: Option<&[DemandInput]>,
) -> ApiResult<(Graph, Vec<Demand>)> {
    let g = graph_of(sc, net)?;
    let ds = match demands {
        Some(list) => {
            let specs: Vec<DemandSpec> = list
                .iter()
                .enumerate()
                .map(|(i, d)| DemandSpec {
                    source: d.source.clone(),
                    target: d.target.clone(),
                    gbps: d.gbps,
                    line: i,
                })
                .collect();
            resolve(&g, &specs, "demands").map_err(|e| net_problem("demands", e))?
        }
        None if net.graphml.is_some() => {
            return Err(Problem::invalid(
                "demands",
                "give the demands of a GraphML network",
            ));
        }
        None => resolve(&g, &scenario_demand_specs(sc), "scenario demands")
            .map_err(|e| Problem::internal(e.to_string()))?,
    };
    if ds.is_empty() {
        return Err(Problem::invalid("demands", "no demands to analyse"));
    }
    Ok((g, ds))
}

fn us(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

/// A route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PathOut {
    /// One-way latency, µs.
    pub latency_us: f64,
    /// Node ids from source to target.
    pub nodes: Vec<String>,
    /// Link names (scenario link ids, GraphML edge ids) in order.
    pub links: Vec<String>,
}

fn path_out(g: &Graph, p: &Path) -> PathOut {
    PathOut {
        latency_us: us(p.latency_ns),
        nodes: g.ids(&p.nodes),
        links: p.edges.iter().map(|&e| g.edge(e).name.clone()).collect(),
    }
}

fn step(ctl: &Control, i: usize, n: usize, what: &str) -> ApiResult<()> {
    if ctl.step(i + 1, n, what).is_break() {
        Err(cancelled())
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------- paths

fn default_k() -> usize {
    3
}

/// k shortest simple paths per demand (Yen).
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PathsRequest {
    /// The graph (default: the scenario's network).
    #[serde(default)]
    pub network: NetworkInput,
    /// Demands (default: the scenario's).
    #[serde(default)]
    pub demands: Option<Vec<DemandInput>>,
    /// Paths per demand (1–100).
    #[serde(default = "default_k")]
    pub k: usize,
}

/// Paths of one demand, shortest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PathsRow {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Up to k paths in increasing latency.
    pub paths: Vec<PathOut>,
}

/// Compute the k shortest paths of `req`.
pub fn paths(sc: &Scenario, req: &PathsRequest, ctl: &Control) -> ApiResult<Vec<PathsRow>> {
    if !(1..=100).contains(&req.k) {
        return Err(Problem::invalid("k", "must be in 1..=100"));
    }
    let (g, ds) = graph_and_demands(sc, &req.network, req.demands.as_deref())?;
    let mut ws = Workspace::new(&g);
    let mut rows = Vec::new();
    for (i, d) in ds.iter().enumerate() {
        let ps = yen::k_shortest_paths_in(&mut ws, &g, d.source, d.target, req.k);
        rows.push(PathsRow {
            source: d.source_id.clone(),
            target: d.target_id.clone(),
            paths: ps.iter().map(|p| path_out(&g, p)).collect(),
        });
        step(ctl, i, ds.len(), "paths: demands")?;
    }
    Ok(rows)
}

/// k shortest paths per demand (Yen's algorithm).
#[utoipa::path(post, path = "/net/paths", tag = "net",
    request_body = PathsRequest,
    responses((status = 200, description = "paths per demand", body = Vec<PathsRow>), Problems))]
async fn paths_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<PathsRequest>,
) -> ApiResult<Json<Vec<PathsRow>>> {
    st.compute(move |sc, ctl| paths(sc, &req, ctl))
        .await
        .map(Json)
}

// ---------------------------------------------------------------- disjoint

/// What the two paths of a pair may not share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiversityMode {
    /// No common link (Suurballe / Bhandari, exact).
    #[default]
    Edge,
    /// No common node other than the ends (exact).
    Node,
    /// No common link and no common shared-risk link group (heuristic over
    /// the `srlg_k` shortest first paths; `exact` says when it is proven).
    Srlg,
}

fn default_srlg_k() -> usize {
    10
}

/// Shortest pair of disjoint paths per demand.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisjointRequest {
    /// The graph (default: the scenario's network).
    #[serde(default)]
    pub network: NetworkInput,
    /// Demands (default: the scenario's).
    #[serde(default)]
    pub demands: Option<Vec<DemandInput>>,
    /// Diversity.
    #[serde(default)]
    pub mode: DiversityMode,
    /// SRLG mode: first paths tried (1–1000).
    #[serde(default = "default_srlg_k")]
    pub srlg_k: usize,
}

/// A disjoint pair (main + reserve) of one demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DisjointRow {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Sum of both latencies, µs (`null`: no pair exists / none found).
    pub latency_us: Option<f64>,
    /// The two paths, shorter first.
    pub paths: Vec<PathOut>,
    /// Whether the pair is proven shortest.
    pub exact: bool,
}

fn pair_row(g: &Graph, d: &Demand, p: Option<&DisjointPair>, exact: bool) -> DisjointRow {
    DisjointRow {
        source: d.source_id.clone(),
        target: d.target_id.clone(),
        latency_us: p.map(|p| us(p.latency_ns)),
        paths: p.map_or(Vec::new(), |p| {
            p.paths.iter().map(|q| path_out(g, q)).collect()
        }),
        exact: p.is_some() && exact,
    }
}

/// Compute the disjoint pairs of `req`.
pub fn disjoint(
    sc: &Scenario,
    req: &DisjointRequest,
    ctl: &Control,
) -> ApiResult<Vec<DisjointRow>> {
    if !(1..=1000).contains(&req.srlg_k) {
        return Err(Problem::invalid("srlg_k", "must be in 1..=1000"));
    }
    let (g, ds) = graph_and_demands(sc, &req.network, req.demands.as_deref())?;
    let mut rows = Vec::new();
    match req.mode {
        DiversityMode::Edge | DiversityMode::Node => {
            let div = if req.mode == DiversityMode::Edge {
                Diversity::Edge
            } else {
                Diversity::Node
            };
            let mut solver = DisjointSolver::new(&g, div);
            for (i, d) in ds.iter().enumerate() {
                let p = solver.solve(&g, d.source, d.target);
                rows.push(pair_row(&g, d, p.as_ref(), true));
                step(ctl, i, ds.len(), "disjoint pairs: demands")?;
            }
        }
        DiversityMode::Srlg => {
            let mut solver = SrlgSolver::new(&g, req.srlg_k);
            for (i, d) in ds.iter().enumerate() {
                let r = solver.solve(&g, d.source, d.target);
                rows.push(pair_row(
                    &g,
                    d,
                    r.as_ref().map(|r| &r.pair),
                    r.as_ref().is_some_and(|r| r.exact),
                ));
                step(ctl, i, ds.len(), "SRLG-diverse pairs: demands")?;
            }
        }
    }
    Ok(rows)
}

/// Shortest disjoint pair per demand (edge, node or SRLG diversity).
#[utoipa::path(post, path = "/net/disjoint", tag = "net",
    request_body = DisjointRequest,
    responses((status = 200, description = "pair per demand", body = Vec<DisjointRow>), Problems))]
async fn disjoint_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<DisjointRequest>,
) -> ApiResult<Json<Vec<DisjointRow>>> {
    st.compute(move |sc, ctl| disjoint(sc, &req, ctl))
        .await
        .map(Json)
}

// ---------------------------------------------------------------- what-if

fn default_capacity() -> f64 {
    100.0
}

/// Cut these links: what happens to each demand.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WhatIfRequest {
    /// The graph (default: the scenario's network).
    #[serde(default)]
    pub network: NetworkInput,
    /// Demands or chosen pairs (default: the scenario's demands).
    #[serde(default)]
    pub demands: Option<Vec<DemandInput>>,
    /// Links to cut (scenario link ids or GraphML edge ids).
    pub cut: Vec<String>,
    /// Capacity of links that declare none, Gbit/s.
    #[serde(default = "default_capacity")]
    pub default_capacity_gbps: f64,
}

/// One demand under the cut.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WhatIfRow {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Demand volume, Gbit/s.
    pub gbps: Option<f64>,
    /// The route before the cut used a cut link.
    pub rerouted: bool,
    /// No route survives the cut.
    pub lost: bool,
    /// Shortest route before the cut.
    pub before: Option<PathOut>,
    /// Shortest route after the cut (`null`: lost).
    pub after: Option<PathOut>,
    /// After − before latency, µs.
    pub latency_change_us: Option<f64>,
    /// Max-flow between the ends before the cut, Gbit/s.
    pub max_flow_before_gbps: f64,
    /// Max-flow after the cut, Gbit/s.
    pub max_flow_after_gbps: f64,
    /// Capacity lost between the ends, Gbit/s.
    pub lost_capacity_gbps: f64,
    /// Demand volume that no longer fits (all of it when lost), Gbit/s.
    pub unserved_gbps: f64,
}

/// The cut's effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WhatIfResponse {
    /// The links cut.
    pub cut: Vec<String>,
    /// Their summed capacity, Gbit/s.
    pub cut_capacity_gbps: f64,
    /// Demands re-routed by the cut.
    pub rerouted: usize,
    /// Demands lost.
    pub lost: usize,
    /// One row per demand.
    pub demands: Vec<WhatIfRow>,
}

/// Compute the what-if of `req`.
pub fn what_if(sc: &Scenario, req: &WhatIfRequest, ctl: &Control) -> ApiResult<WhatIfResponse> {
    if req.cut.is_empty() {
        return Err(Problem::invalid("cut", "name at least one link to cut"));
    }
    if !(req.default_capacity_gbps.is_finite() && req.default_capacity_gbps >= 0.0) {
        return Err(Problem::invalid(
            "default_capacity_gbps",
            "must be a non-negative number",
        ));
    }
    let (g, ds) = graph_and_demands(sc, &req.network, req.demands.as_deref())?;
    let cut = edges_named(&g, &req.cut).map_err(|e| {
        let i = req
            .cut
            .iter()
            .position(|name| !g.edges().iter().any(|x| &x.name == name))
            .unwrap_or(0);
        net_problem(&format!("cut[{i}]"), e)
    })?;
    ctl.check()?;
    let w = cut_links(&g, &ds, &cut, req.default_capacity_gbps);
    ctl.report(1.0, "what-if: done");
    let demands: Vec<WhatIfRow> = ds
        .iter()
        .zip(&w.demands)
        .map(|(d, x)| WhatIfRow {
            source: d.source_id.clone(),
            target: d.target_id.clone(),
            gbps: d.gbps,
            rerouted: x.rerouted,
            lost: x.before.is_some() && x.after.is_none(),
            before: x.before.as_ref().map(|p| path_out(&g, p)),
            after: x.after.as_ref().map(|p| path_out(&g, p)),
            latency_change_us: x.latency_change_ns.map(|ns| ns as f64 / 1000.0),
            max_flow_before_gbps: x.max_flow_before_gbps,
            max_flow_after_gbps: x.max_flow_after_gbps,
            lost_capacity_gbps: x.lost_capacity_gbps(),
            unserved_gbps: x.unserved_gbps,
        })
        .collect();
    Ok(WhatIfResponse {
        cut: w.cut.iter().map(|&e| g.edge(e).name.clone()).collect(),
        cut_capacity_gbps: w.cut_capacity_gbps,
        rerouted: demands.iter().filter(|d| d.rerouted && !d.lost).count(),
        lost: demands.iter().filter(|d| d.lost).count(),
        demands,
    })
}

/// Failure what-if: cut a list of links → per demand the old and new route
/// (or lost), latency change, capacity lost and volume unserved.
#[utoipa::path(post, path = "/net/what-if", tag = "net",
    request_body = WhatIfRequest,
    responses((status = 200, description = "effect per demand", body = WhatIfResponse), Problems))]
async fn what_if_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<WhatIfRequest>,
) -> ApiResult<Json<WhatIfResponse>> {
    st.compute(move |sc, ctl| what_if(sc, &req, ctl))
        .await
        .map(Json)
}

// ---------------------------------------------------------------- failures

fn one() -> u8 {
    1
}
fn default_top() -> usize {
    20
}

/// Every single (or double) link failure, and SRLG failures, per demand.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FailuresRequest {
    /// The graph (default: the scenario's network).
    #[serde(default)]
    pub network: NetworkInput,
    /// Demands (default: the scenario's).
    #[serde(default)]
    pub demands: Option<Vec<DemandInput>>,
    /// 1: all single link failures; 2: all double link failures.
    #[serde(default = "one")]
    pub order: u8,
    /// Also fail each shared-risk link group.
    #[serde(default)]
    pub srlg: bool,
    /// Number of critical links listed.
    #[serde(default = "default_top")]
    pub top: usize,
}

/// A failure scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FailureOut {
    /// Failed links.
    pub links: Vec<String>,
    /// Failed shared-risk link group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub srlg: Option<String>,
}

/// Outcome for one demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FailureDemandRow {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Latency with no failure, µs.
    pub base_latency_us: Option<f64>,
    /// Worst latency over the surviving scenarios, µs (`null` when some
    /// scenario disconnects the demand).
    pub worst_latency_us: Option<f64>,
    /// The scenario giving the worst latency.
    pub worst_failure: Option<FailureOut>,
    /// Minimal scenarios that disconnect the demand.
    pub disconnecting_failures: Vec<FailureOut>,
}

/// A link ranked by the harm its loss does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CriticalLinkRow {
    /// Link name.
    pub link: String,
    /// Demands routed over it.
    pub demands_affected: u32,
    /// Demands its loss disconnects.
    pub demands_disconnected: u32,
    /// Latency added over the affected demands, µs.
    pub added_latency_us: f64,
}

/// The failure analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FailuresResponse {
    /// Failure scenarios evaluated.
    pub scenarios: u64,
    /// Per demand.
    pub demands: Vec<FailureDemandRow>,
    /// Most critical links first.
    pub critical_links: Vec<CriticalLinkRow>,
}

fn failure_out(g: &Graph, f: &Failure) -> FailureOut {
    let name = |e: u32| g.edge(e).name.clone();
    match f {
        Failure::Link(e) => FailureOut {
            links: vec![name(*e)],
            srlg: None,
        },
        Failure::LinkPair(a, b) => FailureOut {
            links: vec![name(*a), name(*b)],
            srlg: None,
        },
        Failure::Srlg(s) => FailureOut {
            links: g.srlg_edges()[*s as usize]
                .iter()
                .map(|&e| name(e))
                .collect(),
            srlg: Some(g.srlg_names()[*s as usize].clone()),
        },
        _ => FailureOut {
            links: Vec::new(),
            srlg: None,
        },
    }
}

/// Compute the failure analysis of `req`.
pub fn failures(
    sc: &Scenario,
    req: &FailuresRequest,
    ctl: &Control,
) -> ApiResult<FailuresResponse> {
    if !(1..=2).contains(&req.order) {
        return Err(Problem::invalid("order", "must be 1 or 2"));
    }
    let (g, ds) = graph_and_demands(sc, &req.network, req.demands.as_deref())?;
    let each = |done, total| ctl.step(done, total, "failures: demands");
    let r = analyse_cancellable(
        &g,
        &ds,
        FailureOptions {
            order: req.order,
            srlg: req.srlg,
        },
        &each,
    )
    .ok_or_else(cancelled)?;
    Ok(FailuresResponse {
        scenarios: r.scenarios,
        demands: ds
            .iter()
            .zip(&r.demands)
            .map(|(d, o)| FailureDemandRow {
                source: d.source_id.clone(),
                target: d.target_id.clone(),
                base_latency_us: o.base_latency_ns.map(us),
                worst_latency_us: o.worst_latency_ns.map(us),
                worst_failure: o.worst_failure.as_ref().map(|f| failure_out(&g, f)),
                disconnecting_failures: o
                    .disconnecting
                    .iter()
                    .map(|f| failure_out(&g, f))
                    .collect(),
            })
            .collect(),
        critical_links: r
            .critical_links
            .iter()
            .take(req.top)
            .map(|c| CriticalLinkRow {
                link: g.edge(c.edge).name.clone(),
                demands_affected: c.demands_affected,
                demands_disconnected: c.demands_disconnected,
                added_latency_us: us(c.added_latency_ns),
            })
            .collect(),
    })
}

/// All single (or double) link failures and SRLG failures per demand.
#[utoipa::path(post, path = "/net/failures", tag = "net",
    request_body = FailuresRequest,
    responses((status = 200, description = "failure analysis", body = FailuresResponse), Problems))]
async fn failures_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<FailuresRequest>,
) -> ApiResult<Json<FailuresResponse>> {
    st.compute(move |sc, ctl| failures(sc, &req, ctl))
        .await
        .map(Json)
}

// ---------------------------------------------------------------- max-flow

/// Maximum flow and a minimum cut per demand.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MaxflowRequest {
    /// The graph (default: the scenario's network).
    #[serde(default)]
    pub network: NetworkInput,
    /// Demands (default: the scenario's).
    #[serde(default)]
    pub demands: Option<Vec<DemandInput>>,
    /// Capacity of links that declare none, Gbit/s.
    #[serde(default = "default_capacity")]
    pub default_capacity_gbps: f64,
}

/// Max-flow of one demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MaxflowRow {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Maximum flow, Gbit/s.
    pub gbps: f64,
    /// Links of a minimum cut.
    pub min_cut: Vec<String>,
}

/// Compute the max-flows of `req`.
pub fn maxflow(sc: &Scenario, req: &MaxflowRequest, ctl: &Control) -> ApiResult<Vec<MaxflowRow>> {
    if !(req.default_capacity_gbps.is_finite() && req.default_capacity_gbps >= 0.0) {
        return Err(Problem::invalid(
            "default_capacity_gbps",
            "must be a non-negative number",
        ));
    }
    let (g, ds) = graph_and_demands(sc, &req.network, req.demands.as_deref())?;
    let mut solver = MaxFlowSolver::new(&g, req.default_capacity_gbps);
    let mut rows = Vec::new();
    for (i, d) in ds.iter().enumerate() {
        let f = solver.solve(d.source, d.target);
        rows.push(MaxflowRow {
            source: d.source_id.clone(),
            target: d.target_id.clone(),
            gbps: f.gbps,
            min_cut: f.min_cut.iter().map(|&e| g.edge(e).name.clone()).collect(),
        });
        step(ctl, i, ds.len(), "max-flow: demands")?;
    }
    Ok(rows)
}

/// Maximum flow and minimum cut per demand (edge `capacity_gbps`).
#[utoipa::path(post, path = "/net/maxflow", tag = "net",
    request_body = MaxflowRequest,
    responses((status = 200, description = "max-flow per demand", body = Vec<MaxflowRow>), Problems))]
async fn maxflow_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<MaxflowRequest>,
) -> ApiResult<Json<Vec<MaxflowRow>>> {
    st.compute(move |sc, ctl| maxflow(sc, &req, ctl))
        .await
        .map(Json)
}

// ---------------------------------------------------------------- availability

/// How a demand survives failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchemeInput {
    /// 1+1 protection on the shortest edge-disjoint pair (main + reserve).
    #[default]
    Protection,
    /// Restoration over any surviving path.
    Restoration,
}

fn default_cut_rate() -> f64 {
    0.1
}
fn default_mttr() -> f64 {
    600.0
}
fn two() -> u8 {
    2
}

/// End-to-end availability per demand (state enumeration with error bound).
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityRequest {
    /// The graph (default: the scenario's network).
    #[serde(default)]
    pub network: NetworkInput,
    /// Demands (default: the scenario's).
    #[serde(default)]
    pub demands: Option<Vec<DemandInput>>,
    /// Protection scheme.
    #[serde(default)]
    pub scheme: SchemeInput,
    /// Cuts per 1,000 km per year for links that declare none (submarine ≈ 0.1).
    #[serde(default = "default_cut_rate")]
    pub cuts_per_1000km_year: f64,
    /// Mean time to repair, h, for links that declare none.
    #[serde(default = "default_mttr")]
    pub mttr_h: f64,
    /// This MTBF (h) for every link instead of cut rates.
    #[serde(default)]
    pub mtbf_h: Option<f64>,
    /// Largest number of simultaneous link failures enumerated (1 or 2).
    #[serde(default = "two")]
    pub max_order: u8,
}

/// Availability of one demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AvailabilityRow {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Scheme used.
    pub scheme: SchemeInput,
    /// Availability (lower bound); `null` when no disjoint pair exists.
    pub availability: Option<f64>,
    /// The true availability is at most this much higher.
    pub error_bound: Option<f64>,
    /// Expected downtime, minutes per year.
    pub unavailability_min_per_year: Option<f64>,
    /// Network states enumerated.
    pub states: Option<u64>,
    /// Protection: the working and protection paths.
    pub paths: Vec<PathOut>,
}

/// Compute the availabilities of `req`.
pub fn availability(
    sc: &Scenario,
    req: &AvailabilityRequest,
    ctl: &Control,
) -> ApiResult<Vec<AvailabilityRow>> {
    if !(1..=2).contains(&req.max_order) {
        return Err(Problem::invalid("max_order", "must be 1 or 2"));
    }
    for (field, v) in [
        ("cuts_per_1000km_year", req.cuts_per_1000km_year),
        ("mttr_h", req.mttr_h),
    ] {
        if !(v.is_finite() && v >= 0.0) {
            return Err(Problem::invalid(field, "must be a non-negative number"));
        }
    }
    if req.mtbf_h.is_some_and(|m| !(m.is_finite() && m > 0.0)) {
        return Err(Problem::invalid(
            "mtbf_h",
            "must be a positive number of hours",
        ));
    }
    let (g, ds) = graph_and_demands(sc, &req.network, req.demands.as_deref())?;
    let u = availability::edge_unavailabilities(
        &g,
        &FailureDefaults {
            cuts_per_1000km_year: req.cuts_per_1000km_year,
            mttr_h: req.mttr_h,
            mtbf_h: req.mtbf_h,
        },
    );
    let mut solver = DisjointSolver::new(&g, Diversity::Edge);
    let mut rows = Vec::new();
    for (i, d) in ds.iter().enumerate() {
        let (scheme, paths) = match req.scheme {
            SchemeInput::Protection => match solver.solve(&g, d.source, d.target) {
                Some(p) => {
                    let [w, r] = p.paths;
                    let paths = vec![path_out(&g, &w), path_out(&g, &r)];
                    (
                        Some(Scheme::Protection {
                            working: w,
                            protection: r,
                        }),
                        paths,
                    )
                }
                None => (None, Vec::new()),
            },
            SchemeInput::Restoration => (Some(Scheme::Restoration), Vec::new()),
        };
        let (lo, hi) = (i as f64 / ds.len() as f64, (i + 1) as f64 / ds.len() as f64);
        let each_link = |done, total| {
            ctl.step_within(lo, hi, done, total, "availability: failed links enumerated")
        };
        let a = match scheme {
            Some(s) => Some(
                availability::availability_cancellable(
                    &g,
                    &u,
                    d.source,
                    d.target,
                    &s,
                    req.max_order as usize,
                    &each_link,
                )
                .ok_or_else(cancelled)?,
            ),
            None => None,
        };
        rows.push(AvailabilityRow {
            source: d.source_id.clone(),
            target: d.target_id.clone(),
            scheme: req.scheme,
            availability: a.as_ref().map(|a| a.availability),
            error_bound: a.as_ref().map(|a| a.error_bound),
            unavailability_min_per_year: a
                .as_ref()
                .map(|a| (1.0 - a.availability) * availability::HOURS_PER_YEAR * 60.0),
            states: a.as_ref().map(|a| a.states),
            paths,
        });
        step(ctl, i, ds.len(), "availability: demands")?;
    }
    Ok(rows)
}

/// End-to-end availability per demand under 1+1 protection or restoration.
#[utoipa::path(post, path = "/net/availability", tag = "net",
    request_body = AvailabilityRequest,
    responses((status = 200, description = "availability per demand", body = Vec<AvailabilityRow>), Problems))]
async fn availability_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<AvailabilityRequest>,
) -> ApiResult<Json<Vec<AvailabilityRow>>> {
    st.compute(move |sc, ctl| availability(sc, &req, ctl))
        .await
        .map(Json)
}

// ---------------------------------------------------------------- demand routing

fn default_route_k() -> usize {
    4
}

/// Route all demands with capacities: minimum max-utilisation
/// multi-commodity flow over k candidate paths each (LP).
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RouteDemandsRequest {
    /// The graph (default: the scenario's network).
    #[serde(default)]
    pub network: NetworkInput,
    /// Demands with volumes (default: the scenario's).
    #[serde(default)]
    pub demands: Option<Vec<DemandInput>>,
    /// Candidate paths per demand (1–20).
    #[serde(default = "default_route_k")]
    pub k: usize,
    /// Capacity of links that declare none, Gbit/s.
    #[serde(default = "default_capacity")]
    pub default_capacity_gbps: f64,
}

/// A path carrying part of a demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RoutedPath {
    /// Volume on this path, Gbit/s.
    pub gbps: f64,
    /// The path.
    pub path: PathOut,
}

/// Routing of one demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RoutedDemand {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Volume asked, Gbit/s.
    pub gbps: f64,
    /// Volume carried, Gbit/s.
    pub carried_gbps: f64,
    /// Paths used.
    pub paths: Vec<RoutedPath>,
}

/// Load of one link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LinkLoadRow {
    /// Link name.
    pub link: String,
    /// Load, Gbit/s.
    pub load_gbps: f64,
    /// Capacity, Gbit/s.
    pub capacity_gbps: f64,
    /// Load / capacity.
    pub utilisation: f64,
}

/// The routing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RouteDemandsResponse {
    /// Highest link utilisation.
    pub max_utilisation: f64,
    /// Per demand.
    pub demands: Vec<RoutedDemand>,
    /// Loaded links.
    pub links: Vec<LinkLoadRow>,
    /// Indices (into `demands`) of demands not fully carried.
    pub unfit: Vec<usize>,
}

/// Compute the routing of `req`.
pub fn route_demands(
    sc: &Scenario,
    req: &RouteDemandsRequest,
    ctl: &Control,
) -> ApiResult<RouteDemandsResponse> {
    if !(1..=20).contains(&req.k) {
        return Err(Problem::invalid("k", "must be in 1..=20"));
    }
    let (g, ds) = graph_and_demands(sc, &req.network, req.demands.as_deref())?;
    ctl.check()?;
    let r = mcf::route_demands(&g, &ds, req.k, req.default_capacity_gbps)
        .map_err(|e| net_problem("demands", e))?;
    ctl.report(1.0, "demand routing: solved");
    Ok(RouteDemandsResponse {
        max_utilisation: r.max_utilisation,
        demands: ds
            .iter()
            .zip(&r.demands)
            .map(|(d, x)| RoutedDemand {
                source: d.source_id.clone(),
                target: d.target_id.clone(),
                gbps: x.gbps,
                carried_gbps: x.carried_gbps,
                paths: x
                    .paths
                    .iter()
                    .map(|(p, gb)| RoutedPath {
                        gbps: *gb,
                        path: path_out(&g, p),
                    })
                    .collect(),
            })
            .collect(),
        links: r
            .links
            .iter()
            .map(|l| LinkLoadRow {
                link: g.edge(l.edge).name.clone(),
                load_gbps: l.load_gbps,
                capacity_gbps: l.capacity_gbps,
                utilisation: l.utilisation,
            })
            .collect(),
        unfit: r.unfit,
    })
}

/// Route the demands with capacities (min max-utilisation multi-commodity flow).
#[utoipa::path(post, path = "/net/route-demands", tag = "net",
    request_body = RouteDemandsRequest,
    responses((status = 200, description = "routing", body = RouteDemandsResponse), Problems))]
async fn route_demands_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<RouteDemandsRequest>,
) -> ApiResult<Json<RouteDemandsResponse>> {
    st.compute(move |sc, ctl| route_demands(sc, &req, ctl))
        .await
        .map(Json)
}

/// The network routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(paths_handler))
        .routes(routes!(disjoint_handler))
        .routes(routes!(what_if_handler))
        .routes(routes!(failures_handler))
        .routes(routes!(maxflow_handler))
        .routes(routes!(availability_handler))
        .routes(routes!(route_demands_handler))
}
