//! The transit graph: nodes, undirected edges with latency, capacity and
//! SRLGs, stored as compressed sparse rows (CSR) for fast traversal.

use std::collections::HashMap;

use crate::error::{NetError, Result};
use crate::latency::{fiber_latency_ns, haversine_km};

/// Index of a node in a [`Graph`].
pub type NodeIx = u32;
/// Index of an edge in a [`Graph`].
pub type EdgeIx = u32;

/// A node as given by an input (GraphML, scenario...).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeSpec {
    /// Identifier (GraphML `id`, scenario node id).
    pub id: String,
    /// Human-readable name, if any.
    pub label: Option<String>,
    /// Latitude, degrees north (WGS84).
    pub lat_deg: Option<f64>,
    /// Longitude, degrees east (WGS84).
    pub lon_deg: Option<f64>,
}

/// An undirected edge as given by an input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeSpec {
    /// Edge name (GraphML edge `id`, scenario link id); `a-b` when absent.
    pub name: Option<String>,
    /// One end (node id).
    pub a: String,
    /// Other end (node id).
    pub b: String,
    /// Declared cable length, km (takes precedence over great-circle).
    pub length_km: Option<f64>,
    /// Declared one-way latency, µs (takes precedence over any length).
    pub latency_us: Option<f64>,
    /// Capacity, Gbit/s.
    pub capacity_gbps: Option<f64>,
    /// Shared-risk link groups the edge belongs to.
    pub srlg: Vec<String>,
    /// Cable cut rate, cuts per 1,000 km per year (availability).
    pub cuts_per_1000km_year: Option<f64>,
    /// Mean time to repair, hours (availability).
    pub mttr_h: Option<f64>,
}

/// A node of the built graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Identifier as in the input.
    pub id: String,
    /// Human-readable name, if any.
    pub label: Option<String>,
    /// Latitude, degrees north.
    pub lat_deg: Option<f64>,
    /// Longitude, degrees east.
    pub lon_deg: Option<f64>,
}

/// An undirected edge of the built graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Edge name (input id or `a-b`).
    pub name: String,
    /// One end.
    pub a: NodeIx,
    /// Other end.
    pub b: NodeIx,
    /// One-way latency, ns.
    pub latency_ns: u64,
    /// Length used for the latency and for cut rates, km (declared or great-circle;
    /// `None` when only a latency was declared).
    pub length_km: Option<f64>,
    /// Capacity, Gbit/s, if declared.
    pub capacity_gbps: Option<f64>,
    /// SRLG indices into [`Graph::srlg_names`].
    pub srlg: Vec<u32>,
    /// Cable cut rate, cuts per 1,000 km per year, if declared.
    pub cuts_per_1000km_year: Option<f64>,
    /// Mean time to repair, hours, if declared.
    pub mttr_h: Option<f64>,
}

impl Edge {
    /// The end that is not `v` (or `a` when `v` is neither).
    pub fn other(&self, v: NodeIx) -> NodeIx {
        if self.a == v { self.b } else { self.a }
    }
}

/// Something dropped or changed while building a graph. Returned as data;
/// the caller decides whether and how to show it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Warning {
    /// A node without coordinates, none of whose edges carries a length, was dropped.
    NodeWithoutCoordinates {
        /// Node id.
        node: String,
    },
    /// An edge was dropped: no latency could be derived (an end lacks coordinates
    /// and the edge declares no length or latency).
    EdgeWithoutLength {
        /// Edge name.
        edge: String,
    },
    /// A self-loop was dropped.
    SelfLoop {
        /// Edge name.
        edge: String,
    },
    /// A parallel edge was dropped in favour of a lower-latency one.
    ParallelEdge {
        /// Dropped edge name.
        dropped: String,
        /// Kept edge name.
        kept: String,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::NodeWithoutCoordinates { node } => {
                write!(
                    f,
                    "node `{node}` has no coordinates and no edge with a length: dropped"
                )
            }
            Warning::EdgeWithoutLength { edge } => {
                write!(
                    f,
                    "edge `{edge}`: an end has no coordinates and no length is declared: dropped"
                )
            }
            Warning::SelfLoop { edge } => write!(f, "edge `{edge}` is a self-loop: dropped"),
            Warning::ParallelEdge { dropped, kept } => {
                write!(
                    f,
                    "edge `{dropped}` is parallel to lower-latency `{kept}`: dropped"
                )
            }
        }
    }
}

/// An undirected transit graph with integer-nanosecond latencies, in CSR form.
#[derive(Debug, Clone)]
pub struct Graph {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    index: HashMap<String, NodeIx>,
    srlg_names: Vec<String>,
    srlg_edges: Vec<Vec<EdgeIx>>,
    offsets: Vec<u32>,
    adj_to: Vec<NodeIx>,
    adj_edge: Vec<EdgeIx>,
    adj_ns: Vec<u64>,
}

fn check_finite(what: &str, name: &str, v: Option<f64>, lo: f64, hi: f64) -> Result<()> {
    match v {
        Some(x) if !(x.is_finite() && x >= lo && x <= hi) => Err(NetError::Invalid(format!(
            "{name}: {what} = {x} is outside [{lo}, {hi}]"
        ))),
        _ => Ok(()),
    }
}

impl Graph {
    /// Build a graph from plain node and edge lists.
    ///
    /// Rules: an edge's latency is its declared `latency_us`, else its declared
    /// `length_km` × 1.468 / c, else the great-circle distance between its ends
    /// × 1.468 / c. Self-loops are dropped; parallel edges collapse to the
    /// lowest-latency one (the first on ties); nodes without coordinates are
    /// dropped unless one of their edges declares a length or latency; edges
    /// whose latency cannot be derived are dropped. Every drop is reported as a
    /// [`Warning`].
    ///
    /// # Errors
    /// Duplicate node ids, edges naming unknown nodes, out-of-range values.
    pub fn from_specs(nodes: &[NodeSpec], edges: &[EdgeSpec]) -> Result<(Graph, Vec<Warning>)> {
        let mut warnings = Vec::new();
        let mut spec_index: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
        for (i, n) in nodes.iter().enumerate() {
            check_finite("lat_deg", &n.id, n.lat_deg, -90.0, 90.0)?;
            check_finite("lon_deg", &n.id, n.lon_deg, -180.0, 360.0)?;
            if spec_index.insert(n.id.as_str(), i).is_some() {
                return Err(NetError::Invalid(format!("duplicate node id `{}`", n.id)));
            }
        }
        if nodes.len() >= u32::MAX as usize || edges.len() >= u32::MAX as usize {
            return Err(NetError::Invalid("graph too large".into()));
        }
        let has_coords = |i: usize| nodes[i].lat_deg.is_some() && nodes[i].lon_deg.is_some();
        // Resolve endpoints; find coordless nodes that some edge gives a length.
        let mut ends = Vec::with_capacity(edges.len());
        let mut rescued = vec![false; nodes.len()];
        for (k, e) in edges.iter().enumerate() {
            let name = e.name.clone().unwrap_or_else(|| format!("{}-{}", e.a, e.b));
            check_finite("length_km", &name, e.length_km, 0.0, 1e6)?;
            check_finite("latency_us", &name, e.latency_us, 0.0, 1e9)?;
            check_finite("capacity_gbps", &name, e.capacity_gbps, 0.0, 1e12)?;
            check_finite(
                "cuts_per_1000km_year",
                &name,
                e.cuts_per_1000km_year,
                0.0,
                1e6,
            )?;
            check_finite("mttr_h", &name, e.mttr_h, 0.0, 1e7)?;
            let find = |id: &str| {
                spec_index
                    .get(id)
                    .copied()
                    .ok_or_else(|| NetError::UnknownNode {
                        id: id.to_string(),
                        context: format!("edge `{name}`"),
                    })
            };
            let (a, b) = (find(&e.a)?, find(&e.b)?);
            if e.length_km.is_some() || e.latency_us.is_some() {
                rescued[a] = true;
                rescued[b] = true;
            }
            ends.push((k, name, a, b));
        }
        let mut keep_ix: Vec<Option<NodeIx>> = vec![None; nodes.len()];
        let mut out_nodes = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            if has_coords(i) || rescued[i] {
                keep_ix[i] = Some(out_nodes.len() as NodeIx);
                out_nodes.push(Node {
                    id: n.id.clone(),
                    label: n.label.clone(),
                    lat_deg: n.lat_deg,
                    lon_deg: n.lon_deg,
                });
            } else {
                warnings.push(Warning::NodeWithoutCoordinates { node: n.id.clone() });
            }
        }
        let mut srlg_names: Vec<String> = Vec::new();
        let mut srlg_index: HashMap<String, u32> = HashMap::new();
        let mut out_edges: Vec<Edge> = Vec::new();
        let mut pair_index: HashMap<(NodeIx, NodeIx), usize> = HashMap::new();
        for (k, name, a, b) in ends {
            let e = &edges[k];
            if a == b {
                warnings.push(Warning::SelfLoop { edge: name });
                continue;
            }
            let (Some(ia), Some(ib)) = (keep_ix[a], keep_ix[b]) else {
                warnings.push(Warning::EdgeWithoutLength { edge: name });
                continue;
            };
            let length_km = match (e.length_km, has_coords(a) && has_coords(b)) {
                (Some(l), _) => Some(l),
                (None, true) => Some(haversine_km(
                    nodes[a].lat_deg.unwrap_or(0.0),
                    nodes[a].lon_deg.unwrap_or(0.0),
                    nodes[b].lat_deg.unwrap_or(0.0),
                    nodes[b].lon_deg.unwrap_or(0.0),
                )),
                (None, false) => None,
            };
            let latency_ns = match (e.latency_us, length_km) {
                (Some(us), _) => (us * 1000.0).round() as u64,
                (None, Some(km)) => fiber_latency_ns(km),
                (None, None) => {
                    warnings.push(Warning::EdgeWithoutLength { edge: name });
                    continue;
                }
            };
            let mut srlg = Vec::new();
            for s in &e.srlg {
                let next = srlg_names.len() as u32;
                let ix = *srlg_index.entry(s.clone()).or_insert_with(|| {
                    srlg_names.push(s.clone());
                    next
                });
                if !srlg.contains(&ix) {
                    srlg.push(ix);
                }
            }
            let edge = Edge {
                name,
                a: ia,
                b: ib,
                latency_ns,
                length_km,
                capacity_gbps: e.capacity_gbps,
                srlg,
                cuts_per_1000km_year: e.cuts_per_1000km_year,
                mttr_h: e.mttr_h,
            };
            let key = (ia.min(ib), ia.max(ib));
            match pair_index.get(&key) {
                Some(&j) => {
                    if edge.latency_ns < out_edges[j].latency_ns {
                        let old = std::mem::replace(&mut out_edges[j], edge);
                        warnings.push(Warning::ParallelEdge {
                            dropped: old.name,
                            kept: out_edges[j].name.clone(),
                        });
                    } else {
                        warnings.push(Warning::ParallelEdge {
                            dropped: edge.name,
                            kept: out_edges[j].name.clone(),
                        });
                    }
                }
                None => {
                    pair_index.insert(key, out_edges.len());
                    out_edges.push(edge);
                }
            }
        }
        Ok((
            Graph::from_parts(out_nodes, out_edges, srlg_names),
            warnings,
        ))
    }

    /// Assemble from already-validated parts and build the CSR arrays.
    fn from_parts(nodes: Vec<Node>, edges: Vec<Edge>, srlg_names: Vec<String>) -> Graph {
        let n = nodes.len();
        let mut degree = vec![0u32; n + 1];
        for e in &edges {
            degree[e.a as usize] += 1;
            degree[e.b as usize] += 1;
        }
        let mut offsets = vec![0u32; n + 1];
        for v in 0..n {
            offsets[v + 1] = offsets[v] + degree[v];
        }
        let total = offsets[n] as usize;
        let mut fill = offsets.clone();
        let (mut adj_to, mut adj_edge, mut adj_ns) =
            (vec![0; total], vec![0; total], vec![0; total]);
        for (k, e) in edges.iter().enumerate() {
            for (u, v) in [(e.a, e.b), (e.b, e.a)] {
                let slot = fill[u as usize] as usize;
                fill[u as usize] += 1;
                adj_to[slot] = v;
                adj_edge[slot] = k as EdgeIx;
                adj_ns[slot] = e.latency_ns;
            }
        }
        let mut srlg_edges = vec![Vec::new(); srlg_names.len()];
        for (k, e) in edges.iter().enumerate() {
            for &s in &e.srlg {
                srlg_edges[s as usize].push(k as EdgeIx);
            }
        }
        let index = nodes
            .iter()
            .enumerate()
            .map(|(i, nd)| (nd.id.clone(), i as NodeIx))
            .collect();
        Graph {
            nodes,
            edges,
            index,
            srlg_names,
            srlg_edges,
            offsets,
            adj_to,
            adj_edge,
            adj_ns,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }
    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }
    /// All nodes.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }
    /// All edges.
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }
    /// One node.
    pub fn node(&self, v: NodeIx) -> &Node {
        &self.nodes[v as usize]
    }
    /// One edge.
    pub fn edge(&self, e: EdgeIx) -> &Edge {
        &self.edges[e as usize]
    }
    /// Index of the node with this id.
    pub fn node_ix(&self, id: &str) -> Option<NodeIx> {
        self.index.get(id).copied()
    }
    /// Names of the SRLGs.
    pub fn srlg_names(&self) -> &[String] {
        &self.srlg_names
    }
    /// Edges of each SRLG, indexed like [`Graph::srlg_names`].
    pub fn srlg_edges(&self) -> &[Vec<EdgeIx>] {
        &self.srlg_edges
    }
    /// Neighbours of `v` as parallel slices: (neighbour, edge, latency ns).
    #[inline]
    pub fn adjacency(&self, v: NodeIx) -> (&[NodeIx], &[EdgeIx], &[u64]) {
        let (s, e) = (
            self.offsets[v as usize] as usize,
            self.offsets[v as usize + 1] as usize,
        );
        (&self.adj_to[s..e], &self.adj_edge[s..e], &self.adj_ns[s..e])
    }
    /// Latency of a path given as edges, ns.
    pub fn path_latency_ns(&self, edges: &[EdgeIx]) -> u64 {
        edges
            .iter()
            .map(|&e| self.edges[e as usize].latency_ns)
            .sum()
    }
    /// Node ids of a node path.
    pub fn ids(&self, path: &[NodeIx]) -> Vec<String> {
        path.iter()
            .map(|&v| self.nodes[v as usize].id.clone())
            .collect()
    }
    /// A copy in which the edges `cut` carry no capacity (for max-flows after
    /// a cut; routing still sees them) and every other edge without a
    /// capacity gets `default_capacity_gbps`.
    pub fn with_capacity_removed(&self, cut: &[EdgeIx], default_capacity_gbps: f64) -> Graph {
        let mut g = self.with_default_capacity(default_capacity_gbps);
        for &e in cut {
            g.edges[e as usize].capacity_gbps = Some(0.0);
        }
        g
    }

    /// A copy with every edge's capacity set to `capacity_gbps` where it had none.
    pub fn with_default_capacity(&self, capacity_gbps: f64) -> Graph {
        let mut g = self.clone();
        for e in &mut g.edges {
            e.capacity_gbps.get_or_insert(capacity_gbps);
        }
        g
    }
}

/// A path found by a routing algorithm.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Path {
    /// Nodes from source to target.
    pub nodes: Vec<NodeIx>,
    /// Edges, `nodes.len() - 1` of them.
    pub edges: Vec<EdgeIx>,
    /// Total one-way latency, ns.
    pub latency_ns: u64,
}

impl Path {
    /// Rebuild the node list from a source and an edge list.
    pub fn from_edges(g: &Graph, source: NodeIx, edges: Vec<EdgeIx>) -> Path {
        let mut nodes = Vec::with_capacity(edges.len() + 1);
        nodes.push(source);
        let mut v = source;
        for &e in &edges {
            v = g.edge(e).other(v);
            nodes.push(v);
        }
        let latency_ns = g.path_latency_ns(&edges);
        Path {
            nodes,
            edges,
            latency_ns,
        }
    }
}
