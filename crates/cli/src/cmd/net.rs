//! `silkway net ...`: transit network analysis over a GraphML graph.
//!
//! Every command prints JSON (`--format json`, the default; `apsp` also
//! `--format table`). Output formats:
//! - `paths`: `[{source, target, paths: [{cost_us, nodes}]}]`, paths in increasing cost.
//! - `disjoint`: `[{source, target, cost_us, paths: [{cost_us, nodes}], exact}]`;
//!   `cost_us` is the sum of both latencies, `null` when no pair exists.
//! - `failures`: `{scenarios, demands: [{source, target, base_latency_us,
//!   worst_latency_us, worst_failure, disconnecting_failures}], critical_links}`.
//! - `what-if`: `{cut: [{link, a, b}], cut_capacity_gbps, demands: [{source,
//!   target, gbps, rerouted, before, after, latency_change_us,
//!   max_flow_before_gbps, max_flow_after_gbps, lost_capacity_gbps,
//!   unserved_gbps}]}`; `after` is `null` when the demand is lost.
//! - `maxflow`: `[{source, target, gbps, min_cut}]`.
//! - `apsp`: `{max_latency_us, mean_latency_us, reachable_pairs, unreachable_pairs}`;
//!   `--matrix FILE` writes the full matrix as CSV (µs, empty when unreachable).
//! - `availability`: `[{source, target, scheme, availability, error_bound,
//!   unavailability_min_per_year, states, paths}]`.
//! - `route-demands`: `{max_utilisation, demands: [{source, target, gbps,
//!   carried_gbps, paths: [{gbps, cost_us, nodes}]}], links: [{link, a, b,
//!   load_gbps, capacity_gbps, utilisation}], unfit: [{source, target, gbps, carried_gbps}]}`.

use std::io::Write as _;
use std::path::{Path as FsPath, PathBuf};

use anyhow::Context as _;
use serde_json::{Value, json};
use silkway_model::{Scenario, builtin};
use silkway_net::availability::{self, Scheme};
use silkway_net::demands::{Demand, read_demands, resolve, scenario_demand_specs};
use silkway_net::disjoint::{DisjointPair, DisjointSolver, Diversity};
use silkway_net::failures::{Failure, FailureOptions};
use silkway_net::graph::{Graph, Path};
use silkway_net::{apsp, graphml, maxflow, mcf, srlg, what_if, yen};

use crate::output::{self, Format};

/// Arguments of `silkway net`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Debug, clap::Args)]
struct GraphArg {
    /// Graph file (GraphML, Internet Topology Zoo style).
    #[arg(
        long,
        value_name = "FILE.graphml",
        required_unless_present = "scenario",
        conflicts_with = "scenario"
    )]
    graph: Option<PathBuf>,
    /// Scenario: a built-in name (`caspian`) or a scenario file; its network
    /// (terrestrial and submarine fiber, and GEO satellite hops) is the graph
    /// and its demands are used when `--demands` is not given.
    #[arg(long, value_name = "NAME|FILE")]
    scenario: Option<String>,
    /// With `--scenario`: also use links whose status is `planned`.
    #[arg(long)]
    include_planned: bool,
    /// With `--scenario`: leave out the satellite hops (GEO backups, whose
    /// latency is the slant ranges at the speed of light).
    #[arg(long)]
    no_satellite: bool,
}

#[derive(Debug, clap::Args)]
struct DemandArg {
    /// Demands: CSV with header `source,target[,gbps]`, node ids as in the graph
    /// (optional with `--scenario`: the scenario's demands).
    #[arg(long, value_name = "CSV")]
    demands: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Mode {
    /// No common link.
    Edge,
    /// No common node other than the ends.
    Node,
    /// No common link and no common shared-risk link group.
    Srlg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SchemeArg {
    /// 1+1 protection on the shortest edge-disjoint pair (main + reserve).
    Protection,
    /// Restoration over any surviving path.
    Restoration,
}

#[derive(Debug, clap::Subcommand)]
enum Cmd {
    /// k shortest simple paths per demand (Yen).
    Paths {
        #[command(flatten)]
        graph: GraphArg,
        #[command(flatten)]
        demands: DemandArg,
        /// Number of paths per demand.
        #[arg(long, default_value_t = 3)]
        k: usize,
    },
    /// Shortest pair of disjoint paths per demand (Suurballe / Bhandari; SRLG heuristic).
    Disjoint {
        #[command(flatten)]
        graph: GraphArg,
        #[command(flatten)]
        demands: DemandArg,
        /// What the two paths may not share.
        #[arg(long, value_enum, default_value = "edge")]
        mode: Mode,
        /// SRLG mode: number of first paths tried.
        #[arg(long, default_value_t = 10)]
        srlg_k: usize,
    },
    /// Single or double link failures (and SRLG failures) per demand.
    Failures {
        #[command(flatten)]
        graph: GraphArg,
        #[command(flatten)]
        demands: DemandArg,
        /// 1: all single link failures; 2: all double link failures.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        order: u8,
        /// Also fail each shared-risk link group.
        #[arg(long)]
        srlg: bool,
        /// Number of critical links listed.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// Cut the named links: per demand the old and new route (or lost), the
    /// latency change, the max-flow lost and the volume no longer carried.
    WhatIf {
        #[command(flatten)]
        graph: GraphArg,
        #[command(flatten)]
        demands: DemandArg,
        /// Link to cut (scenario link id or GraphML edge id); repeatable.
        #[arg(long, required = true)]
        cut: Vec<String>,
        /// Capacity of edges that declare none, Gbit/s.
        #[arg(long, default_value_t = 100.0)]
        default_capacity_gbps: f64,
    },
    /// Maximum flow and a minimum cut per demand (edge `capacity_gbps`).
    Maxflow {
        #[command(flatten)]
        graph: GraphArg,
        #[command(flatten)]
        demands: DemandArg,
        /// Capacity of edges that declare none, Gbit/s.
        #[arg(long, default_value_t = 100.0)]
        default_capacity_gbps: f64,
    },
    /// All-pairs latency (parallel).
    Apsp {
        #[command(flatten)]
        graph: GraphArg,
        /// Write the full latency matrix (CSV, µs) to this file.
        #[arg(long, value_name = "FILE")]
        matrix: Option<PathBuf>,
    },
    /// End-to-end availability per demand (state enumeration with error bound).
    Availability {
        #[command(flatten)]
        graph: GraphArg,
        #[command(flatten)]
        demands: DemandArg,
        /// Protection scheme.
        #[arg(long, value_enum, default_value = "protection")]
        scheme: SchemeArg,
        /// Cuts per 1,000 km per year for links that declare none
        /// (submarine average ≈ 0.1).
        #[arg(long, default_value_t = 0.1)]
        cuts_per_1000km_year: f64,
        /// Mean time to repair, hours, for links that declare none.
        #[arg(long, default_value_t = 600.0)]
        mttr_h: f64,
        /// Use this MTBF (hours) for every link instead of cut rates.
        #[arg(long)]
        mtbf_h: Option<f64>,
        /// Largest number of simultaneous link failures enumerated (1 or 2).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
        max_order: u8,
    },
    /// Route demands with capacities: min max-utilisation multi-commodity flow (LP).
    RouteDemands {
        #[command(flatten)]
        graph: GraphArg,
        #[command(flatten)]
        demands: DemandArg,
        /// Candidate paths per demand.
        #[arg(long, default_value_t = 4)]
        k: usize,
        /// Capacity of edges that declare none, Gbit/s.
        #[arg(long, default_value_t = 100.0)]
        default_capacity_gbps: f64,
    },
}

/// The graph, and the scenario it came from (if any).
fn load_graph(arg: &GraphArg) -> anyhow::Result<(Graph, Option<Scenario>)> {
    let (g, warnings, origin, scenario) = match (&arg.graph, &arg.scenario) {
        (Some(path), _) => {
            let (g, w) = graphml::read_graph(path)?;
            (g, w, path.display().to_string(), None)
        }
        (None, Some(name)) => {
            let sc = if builtin::names().contains(&name.as_str()) {
                builtin::load(name)?
            } else {
                super::scenario::load_file(FsPath::new(name))?
            };
            let opts = silkway_net::ScenarioGraphOptions {
                include_planned: arg.include_planned,
                include_satellite: !arg.no_satellite,
            };
            let (g, w) = silkway_net::scenario_graph(&sc, opts)?;
            (g, w, format!("scenario {name}"), Some(sc))
        }
        (None, None) => anyhow::bail!("give a graph: --graph FILE.graphml or --scenario NAME|FILE"),
    };
    for w in warnings.iter().take(5) {
        tracing::warn!("{origin}: {w}");
    }
    if warnings.len() > 5 {
        tracing::warn!("{origin}: {} more warnings", warnings.len() - 5);
    }
    Ok((g, scenario))
}

/// The graph and its demands (from `--demands`, else the scenario's).
fn graph_and_demands(
    graph: &GraphArg,
    demands: &DemandArg,
) -> anyhow::Result<(Graph, Vec<Demand>)> {
    let (g, sc) = load_graph(graph)?;
    let ds = load_demands(&g, demands, sc.as_ref())?;
    Ok((g, ds))
}

fn load_demands(
    g: &Graph,
    arg: &DemandArg,
    scenario: Option<&Scenario>,
) -> anyhow::Result<Vec<Demand>> {
    match (&arg.demands, scenario) {
        (Some(path), _) => {
            let specs = read_demands(path)?;
            Ok(resolve(g, &specs, &path.display().to_string())?)
        }
        (None, Some(sc)) => Ok(resolve(g, &scenario_demand_specs(sc), "scenario demands")?),
        (None, None) => anyhow::bail!("give demands: --demands CSV (source,target[,gbps])"),
    }
}

fn us(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

fn path_json(g: &Graph, p: &Path) -> Value {
    json!({ "cost_us": us(p.latency_ns), "nodes": g.ids(&p.nodes) })
}

fn link_json(g: &Graph, e: u32) -> Value {
    let ed = g.edge(e);
    json!({ "link": ed.name, "a": g.node(ed.a).id, "b": g.node(ed.b).id })
}

fn failure_json(g: &Graph, f: &Failure) -> Value {
    match f {
        Failure::Link(e) => json!({ "links": [link_json(g, *e)] }),
        Failure::LinkPair(a, b) => json!({ "links": [link_json(g, *a), link_json(g, *b)] }),
        Failure::Srlg(s) => json!({ "srlg": g.srlg_names()[*s as usize] }),
        _ => json!(null),
    }
}

fn pair_json(g: &Graph, d: &Demand, p: Option<&DisjointPair>, exact: bool) -> Value {
    json!({
        "source": d.source_id,
        "target": d.target_id,
        "cost_us": p.map(|p| us(p.latency_ns)),
        "paths": p.map_or(Vec::new(), |p| p.paths.iter().map(|q| path_json(g, q)).collect()),
        "exact": p.is_some() && exact,
    })
}

/// Run `silkway net`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    let table_ok = matches!(args.cmd, Cmd::Apsp { .. });
    let format = if table_ok {
        output::choose(ctx.format, &[Format::Json, Format::Table])?
    } else {
        output::choose(ctx.format, &[Format::Json])?
    };
    let out = compute(args.cmd)?;
    if format == Format::Table {
        let text = format!(
            "nodes {}, edges {}\nmax latency {:.3} µs\nmean latency {:.3} µs\nunreachable pairs {}\n",
            out["nodes"],
            out["edges"],
            out["max_latency_us"].as_f64().unwrap_or(0.0),
            out["mean_latency_us"].as_f64().unwrap_or(0.0),
            out["unreachable_pairs"]
        );
        return output::print_text(&text);
    }
    output::print_json(&out)
}

/// The JSON document of one command.
fn compute(cmd: Cmd) -> anyhow::Result<Value> {
    Ok(match cmd {
        Cmd::Paths { graph, demands, k } => {
            let (g, ds) = graph_and_demands(&graph, &demands)?;
            let pairs: Vec<_> = ds.iter().map(|d| (d.source, d.target)).collect();
            let all = yen::k_shortest_paths_many(&g, &pairs, k);
            let rows: Vec<Value> = ds
                .iter()
                .zip(&all)
                .map(|(d, ps)| {
                    json!({
                        "source": d.source_id,
                        "target": d.target_id,
                        "paths": ps.iter().map(|p| path_json(&g, p)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            Value::Array(rows)
        }
        Cmd::Disjoint {
            graph,
            demands,
            mode,
            srlg_k,
        } => {
            let (g, ds) = graph_and_demands(&graph, &demands)?;
            let rows: Vec<Value> = match mode {
                Mode::Edge | Mode::Node => {
                    let div = if matches!(mode, Mode::Edge) {
                        Diversity::Edge
                    } else {
                        Diversity::Node
                    };
                    let pairs: Vec<_> = ds.iter().map(|d| (d.source, d.target)).collect();
                    let res = silkway_net::disjoint::disjoint_pairs(&g, &pairs, div);
                    ds.iter()
                        .zip(&res)
                        .map(|(d, p)| pair_json(&g, d, p.as_ref(), true))
                        .collect()
                }
                Mode::Srlg => {
                    let mut solver = srlg::SrlgSolver::new(&g, srlg_k);
                    ds.iter()
                        .map(|d| {
                            let r = solver.solve(&g, d.source, d.target);
                            pair_json(
                                &g,
                                d,
                                r.as_ref().map(|r| &r.pair),
                                r.as_ref().is_some_and(|r| r.exact),
                            )
                        })
                        .collect()
                }
            };
            Value::Array(rows)
        }
        Cmd::Failures {
            graph,
            demands,
            order,
            srlg,
            top,
        } => {
            let (g, ds) = graph_and_demands(&graph, &demands)?;
            let r = silkway_net::failures::analyse(&g, &ds, FailureOptions { order, srlg });
            let demands: Vec<Value> = ds
                .iter()
                .zip(&r.demands)
                .map(|(d, o)| {
                    json!({
                        "source": d.source_id,
                        "target": d.target_id,
                        "base_latency_us": o.base_latency_ns.map(us),
                        "worst_latency_us": o.worst_latency_ns.map(us),
                        "worst_failure": o.worst_failure.as_ref().map(|f| failure_json(&g, f)),
                        "disconnecting_failures": o.disconnecting.iter().map(|f| failure_json(&g, f)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let critical: Vec<Value> = r
                .critical_links
                .iter()
                .take(top)
                .map(|c| {
                    let mut v = link_json(&g, c.edge);
                    v["demands_affected"] = json!(c.demands_affected);
                    v["demands_disconnected"] = json!(c.demands_disconnected);
                    v["added_latency_us"] = json!(us(c.added_latency_ns));
                    v
                })
                .collect();
            json!({ "scenarios": r.scenarios, "demands": demands, "critical_links": critical })
        }
        Cmd::WhatIf {
            graph,
            demands,
            cut,
            default_capacity_gbps,
        } => {
            let (g, ds) = graph_and_demands(&graph, &demands)?;
            let cut = what_if::edges_named(&g, &cut).context("--cut")?;
            let w = what_if::cut_links(&g, &ds, &cut, default_capacity_gbps);
            let rows: Vec<Value> = ds
                .iter()
                .zip(&w.demands)
                .map(|(d, x)| {
                    json!({
                        "source": d.source_id,
                        "target": d.target_id,
                        "gbps": d.gbps,
                        "rerouted": x.rerouted,
                        "before": x.before.as_ref().map(|p| path_json(&g, p)),
                        "after": x.after.as_ref().map(|p| path_json(&g, p)),
                        "latency_change_us": x.latency_change_ns.map(|ns| ns as f64 / 1000.0),
                        "max_flow_before_gbps": x.max_flow_before_gbps,
                        "max_flow_after_gbps": x.max_flow_after_gbps,
                        "lost_capacity_gbps": x.lost_capacity_gbps(),
                        "unserved_gbps": x.unserved_gbps,
                    })
                })
                .collect();
            let cut: Vec<Value> = w.cut.iter().map(|&e| link_json(&g, e)).collect();
            json!({ "cut": cut, "cut_capacity_gbps": w.cut_capacity_gbps, "demands": rows })
        }
        Cmd::Maxflow {
            graph,
            demands,
            default_capacity_gbps,
        } => {
            let (g, ds) = graph_and_demands(&graph, &demands)?;
            let pairs: Vec<_> = ds.iter().map(|d| (d.source, d.target)).collect();
            let flows = maxflow::max_flows(&g, &pairs, default_capacity_gbps);
            let rows: Vec<Value> = ds
                .iter()
                .zip(&flows)
                .map(|(d, f)| {
                    json!({
                        "source": d.source_id,
                        "target": d.target_id,
                        "gbps": f.gbps,
                        "min_cut": f.min_cut.iter().map(|&e| link_json(&g, e)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            Value::Array(rows)
        }
        Cmd::Apsp { graph, matrix } => {
            let (g, _) = load_graph(&graph)?;
            if let Some(file) = &matrix {
                write_matrix(&g, file)?;
            }
            let s = apsp::summary(&g);
            json!({
                "nodes": g.node_count(),
                "edges": g.edge_count(),
                "max_latency_us": us(s.max_latency_ns),
                "mean_latency_us": s.mean_latency_ns / 1000.0,
                "reachable_pairs": s.reachable_pairs,
                "unreachable_pairs": s.unreachable_pairs,
            })
        }
        Cmd::Availability {
            graph,
            demands,
            scheme,
            cuts_per_1000km_year,
            mttr_h,
            mtbf_h,
            max_order,
        } => {
            let (g, ds) = graph_and_demands(&graph, &demands)?;
            let u = availability::edge_unavailabilities(
                &g,
                &availability::FailureDefaults {
                    cuts_per_1000km_year,
                    mttr_h,
                    mtbf_h,
                },
            );
            let mut solver = DisjointSolver::new(&g, Diversity::Edge);
            let rows: Vec<Value> = ds
                .iter()
                .map(|d| {
                    let (sch, paths, name) = match scheme {
                        SchemeArg::Protection => match solver.solve(&g, d.source, d.target) {
                            Some(p) => {
                                let [w, r] = p.paths;
                                let paths = vec![path_json(&g, &w), path_json(&g, &r)];
                                (Some(Scheme::Protection { working: w, protection: r }), paths, "protection")
                            }
                            None => (None, Vec::new(), "protection"),
                        },
                        SchemeArg::Restoration => (Some(Scheme::Restoration), Vec::new(), "restoration"),
                    };
                    let a = sch.map(|s| availability::availability(&g, &u, d.source, d.target, &s, max_order as usize));
                    json!({
                        "source": d.source_id,
                        "target": d.target_id,
                        "scheme": name,
                        "availability": a.map(|a| a.availability),
                        "error_bound": a.map(|a| a.error_bound),
                        "unavailability_min_per_year": a.map(|a| (1.0 - a.availability) * availability::HOURS_PER_YEAR * 60.0),
                        "states": a.map(|a| a.states),
                        "paths": paths,
                    })
                })
                .collect();
            Value::Array(rows)
        }
        Cmd::RouteDemands {
            graph,
            demands,
            k,
            default_capacity_gbps,
        } => {
            let (g, ds) = graph_and_demands(&graph, &demands)?;
            let r = mcf::route_demands(&g, &ds, k, default_capacity_gbps)?;
            let demands: Vec<Value> = ds
                .iter()
                .zip(&r.demands)
                .map(|(d, x)| {
                    json!({
                        "source": d.source_id,
                        "target": d.target_id,
                        "gbps": x.gbps,
                        "carried_gbps": x.carried_gbps,
                        "paths": x.paths.iter().map(|(p, gb)| {
                            let mut v = path_json(&g, p);
                            v["gbps"] = json!(gb);
                            v
                        }).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let links: Vec<Value> = r
                .links
                .iter()
                .map(|l| {
                    let mut v = link_json(&g, l.edge);
                    v["load_gbps"] = json!(l.load_gbps);
                    v["capacity_gbps"] = json!(l.capacity_gbps);
                    v["utilisation"] = json!(l.utilisation);
                    v
                })
                .collect();
            let unfit: Vec<Value> = r
                .unfit
                .iter()
                .map(|&i| {
                    json!({
                        "source": ds[i].source_id,
                        "target": ds[i].target_id,
                        "gbps": r.demands[i].gbps,
                        "carried_gbps": r.demands[i].carried_gbps,
                    })
                })
                .collect();
            json!({ "max_utilisation": r.max_utilisation, "demands": demands, "links": links, "unfit": unfit })
        }
    })
}

fn write_matrix(g: &Graph, file: &FsPath) -> anyhow::Result<()> {
    let f = std::fs::File::create(file).with_context(|| format!("creating {}", file.display()))?;
    let mut w = std::io::BufWriter::new(f);
    let ids: Vec<&str> = g.nodes().iter().map(|n| n.id.as_str()).collect();
    writeln!(w, "source,{}", ids.join(","))?;
    apsp::for_each_row(g, |s, row| -> anyhow::Result<()> {
        write!(w, "{}", ids[s as usize])?;
        for &d in row {
            if d == silkway_net::dijkstra::UNREACHABLE {
                write!(w, ",")?;
            } else {
                write!(w, ",{}", us(d))?;
            }
        }
        writeln!(w)?;
        Ok(())
    })?;
    w.flush()
        .with_context(|| format!("writing {}", file.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn td(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../net/testdata")
            .join(name)
    }
    fn g(name: &str) -> GraphArg {
        GraphArg {
            graph: Some(td(name)),
            scenario: None,
            include_planned: false,
            no_satellite: false,
        }
    }
    fn d(name: &str) -> DemandArg {
        DemandArg {
            demands: Some(td(name)),
        }
    }

    #[test]
    fn builtin_caspian_scenario() {
        let graph = GraphArg {
            graph: None,
            scenario: Some("caspian".into()),
            include_planned: false,
            no_satellite: false,
        };
        let v = compute(Cmd::Paths {
            graph,
            demands: DemandArg { demands: None },
            k: 2,
        })
        .unwrap();
        let rows = v.as_array().unwrap();
        assert!(!rows.is_empty(), "caspian has demands");
        let graph = GraphArg {
            graph: None,
            scenario: Some("caspian".into()),
            include_planned: true,
            no_satellite: false,
        };
        let v = compute(Cmd::Failures {
            graph,
            demands: DemandArg { demands: None },
            order: 1,
            srlg: true,
            top: 5,
        })
        .unwrap();
        assert!(v["scenarios"].as_u64().unwrap() > 0);
    }

    #[test]
    fn what_if_cut_of_both_trans_caspian_cables() {
        // Beyneu–Baku runs over the (shorter) reserve; cutting it moves the
        // demand to the main cable.
        let v = compute(Cmd::WhatIf {
            graph: g("trans_caspian.graphml"),
            demands: d("trans_caspian.demands.csv"),
            cut: vec!["TCFO-reserve".into()],
            default_capacity_gbps: 100.0,
        })
        .unwrap();
        let x = &v["demands"][0];
        assert_eq!(x["rerouted"], true);
        assert!(x["latency_change_us"].as_f64().unwrap() > 0.0, "{v}");
        assert_eq!(x["lost_capacity_gbps"].as_f64().unwrap(), 400.0);
        let v = compute(Cmd::WhatIf {
            graph: g("trans_caspian.graphml"),
            demands: d("trans_caspian.demands.csv"),
            cut: vec!["TCFO-main".into(), "TCFO-reserve".into()],
            default_capacity_gbps: 100.0,
        })
        .unwrap();
        assert!(v["demands"][0]["after"].is_null());
        assert_eq!(v["demands"][0]["unserved_gbps"].as_f64().unwrap(), 300.0);
        let err = compute(Cmd::WhatIf {
            graph: g("trans_caspian.graphml"),
            demands: d("trans_caspian.demands.csv"),
            cut: vec!["nope".into()],
            default_capacity_gbps: 100.0,
        })
        .unwrap_err();
        assert!(format!("{err:#}").contains("nope"));
    }

    #[test]
    fn paths_contract() {
        let v = compute(Cmd::Paths {
            graph: g("Cogentco.graphml"),
            demands: d("Cogentco.demands.csv"),
            k: 3,
        })
        .unwrap();
        let rows = v.as_array().unwrap();
        assert_eq!(rows.len(), 30);
        assert!(rows[0]["source"].is_string() && rows[0]["target"].is_string());
        let paths = rows[0]["paths"].as_array().unwrap();
        assert_eq!(paths.len(), 3);
        let costs: Vec<f64> = paths
            .iter()
            .map(|p| p["cost_us"].as_f64().unwrap())
            .collect();
        assert!(costs.windows(2).all(|w| w[0] <= w[1]));
        assert!(paths[0]["nodes"].as_array().unwrap().len() >= 2);
    }

    #[test]
    fn disjoint_failures_maxflow_apsp_contract() {
        for mode in [Mode::Edge, Mode::Node, Mode::Srlg] {
            let v = compute(Cmd::Disjoint {
                graph: g("Kdl.graphml"),
                demands: d("Kdl.demands.csv"),
                mode,
                srlg_k: 10,
            })
            .unwrap();
            let rows = v.as_array().unwrap();
            assert!(
                rows.iter().any(|r| r["cost_us"].is_null()),
                "Kdl has demands without a pair"
            );
            assert!(
                rows.iter()
                    .any(|r| r["cost_us"].is_f64() && r["paths"].as_array().unwrap().len() == 2)
            );
        }
        let v = compute(Cmd::Failures {
            graph: g("Cogentco.graphml"),
            demands: d("Cogentco.demands.csv"),
            order: 2,
            srlg: true,
            top: 5,
        })
        .unwrap();
        let m = v["scenarios"].as_u64().unwrap();
        assert_eq!(m, 212 * 211 / 2);
        let ds = v["demands"].as_array().unwrap();
        assert!(ds.iter().all(|x| x["worst_latency_us"].is_null()
            != x["disconnecting_failures"].as_array().unwrap().is_empty()
            || x["base_latency_us"].is_null()));
        assert_eq!(v["critical_links"].as_array().unwrap().len(), 5);
        let v = compute(Cmd::Maxflow {
            graph: g("rgg1k.graphml"),
            demands: d("rgg1k.demands.csv"),
            default_capacity_gbps: 100.0,
        })
        .unwrap();
        assert!(v[0]["gbps"].as_f64().unwrap() > 0.0);
        let file =
            std::env::temp_dir().join(format!("silkway-net-matrix-{}.csv", std::process::id()));
        let v = compute(Cmd::Apsp {
            graph: g("Cogentco.graphml"),
            matrix: Some(file.clone()),
        })
        .unwrap();
        assert!(v["max_latency_us"].as_f64().unwrap() > v["mean_latency_us"].as_f64().unwrap());
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text.lines().count(), 187);
        let _ = std::fs::remove_file(file);
    }

    #[test]
    fn availability_and_routing() {
        let v = compute(Cmd::Availability {
            graph: g("trans_caspian.graphml"),
            demands: d("trans_caspian.demands.csv"),
            scheme: SchemeArg::Protection,
            cuts_per_1000km_year: 0.1,
            mttr_h: 600.0,
            mtbf_h: None,
            max_order: 2,
        })
        .unwrap();
        let a = v[0]["availability"].as_f64().unwrap();
        assert!(a > 0.9999 && a < 1.0, "{v}");
        let v = compute(Cmd::RouteDemands {
            graph: g("trans_caspian.graphml"),
            demands: d("trans_caspian.demands.csv"),
            k: 4,
            default_capacity_gbps: 100.0,
        })
        .unwrap();
        assert!(v["max_utilisation"].as_f64().unwrap() > 0.0);
        assert!(!v["links"].as_array().unwrap().is_empty());
    }

    #[test]
    fn bad_input_is_named() {
        let err = compute(Cmd::Paths {
            graph: g("nope.graphml"),
            demands: d("Kdl.demands.csv"),
            k: 1,
        })
        .unwrap_err();
        assert!(format!("{err:#}").contains("nope.graphml"));
        let err = compute(Cmd::Paths {
            graph: g("Kdl.graphml"),
            demands: d("Cogentco.demands.csv"),
            k: 1,
        });
        // Cogentco ids may exist in Kdl too; either fine or a named unknown node.
        if let Err(e) = err {
            assert!(format!("{e:#}").contains("unknown node"));
        }
    }
}
