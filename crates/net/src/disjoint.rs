//! Shortest pair of edge-disjoint or node-disjoint paths (Suurballe / Bhandari).
//!
//! The pair of minimum total latency is a minimum-cost flow of two units from
//! `s` to `t` with unit capacities. It is found by two successive shortest
//! augmenting paths on the residual network, the second one on costs reduced
//! by the distances of the first search (Suurballe's transformation), so both
//! searches are plain Dijkstra. Undirected edges become two opposite arcs;
//! for node-disjoint pairs every node other than `s` and `t` is split into an
//! in- and an out-copy joined by a unit-capacity arc (Bhandari's node
//! splitting). Flows on opposite arcs of one edge cancel; the remaining arcs
//! are decomposed into two paths. The result is exact (optimal).
//!
//! # References
//! - J. W. Suurballe, "Disjoint paths in a network", Networks 4 (1974) 125–145.
//! - J. W. Suurballe, R. E. Tarjan, "A quick method for finding shortest pairs
//!   of disjoint paths", Networks 14 (1984) 325–336.
//! - R. Bhandari, "Survivable Networks: Algorithms for Diverse Routing",
//!   Kluwer, 1999, ch. 3–4.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::graph::{EdgeIx, Graph, NodeIx, Path};

/// Which elements the two paths may not share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Diversity {
    /// No common edge.
    Edge,
    /// No common node other than the ends (implies edge-disjoint).
    Node,
}

/// A pair of disjoint paths; `paths[0]` is the shorter.
#[derive(Debug, Clone, PartialEq)]
pub struct DisjointPair {
    /// The two paths.
    pub paths: [Path; 2],
    /// Sum of both paths' latencies, ns.
    pub latency_ns: u64,
}

const NONE: u32 = u32::MAX;

/// Residual network for two-unit min-cost flows on one graph, reusable
/// across demands.
#[derive(Debug, Clone)]
pub struct DisjointSolver {
    mode: Diversity,
    offsets: Vec<u32>,
    arc_head: Vec<u32>,
    arc_cost: Vec<i64>,
    arc_cap0: Vec<i8>,
    arc_cap: Vec<i8>,
    /// Graph edge of the arc, or NONE for node-split arcs.
    arc_edge: Vec<EdgeIx>,
    /// Index of the paired reverse arc.
    arc_rev: Vec<u32>,
    /// Split arc (in->out) of each graph node (node mode).
    split_arc: Vec<u32>,
    pot: Vec<i64>,
    dist: Vec<i64>,
    pred: Vec<u32>,
    done: Vec<bool>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
    touched: Vec<u32>,
}

impl DisjointSolver {
    /// Build the residual network of `g` for the given diversity.
    pub fn new(g: &Graph, mode: Diversity) -> DisjointSolver {
        let gn = g.node_count();
        let n = match mode {
            Diversity::Edge => gn,
            Diversity::Node => 2 * gn,
        };
        // (tail, head, cost, cap, edge)
        let mut arcs: Vec<(u32, u32, i64, i8, EdgeIx)> = Vec::new();
        let split = mode == Diversity::Node;
        let out_of = |v: u32| if split { 2 * v + 1 } else { v };
        let in_of = |v: u32| if split { 2 * v } else { v };
        let mut split_arc = vec![NONE; gn];
        if mode == Diversity::Node {
            for v in 0..gn as u32 {
                split_arc[v as usize] = arcs.len() as u32;
                arcs.push((2 * v, 2 * v + 1, 0, 1, NONE));
            }
        }
        for (k, e) in g.edges().iter().enumerate() {
            let c = e.latency_ns as i64;
            arcs.push((out_of(e.a), in_of(e.b), c, 1, k as EdgeIx));
            arcs.push((out_of(e.b), in_of(e.a), c, 1, k as EdgeIx));
        }
        // Each arc gets a paired reverse residual arc with capacity 0.
        let m = arcs.len();
        let mut deg = vec![0u32; n + 1];
        for &(u, v, ..) in &arcs {
            deg[u as usize] += 1;
            deg[v as usize] += 1;
        }
        let mut offsets = vec![0u32; n + 1];
        for v in 0..n {
            offsets[v + 1] = offsets[v] + deg[v];
        }
        let mut fill = offsets.clone();
        let total = 2 * m;
        let mut arc_head = vec![0; total];
        let mut arc_cost = vec![0; total];
        let mut arc_cap0 = vec![0; total];
        let mut arc_edge = vec![NONE; total];
        let mut arc_rev = vec![0; total];
        let mut pos_of = vec![0u32; m];
        for (i, &(u, v, c, cap, e)) in arcs.iter().enumerate() {
            let f = fill[u as usize];
            fill[u as usize] += 1;
            let r = fill[v as usize];
            fill[v as usize] += 1;
            let (f, r) = (f as usize, r as usize);
            arc_head[f] = v;
            arc_cost[f] = c;
            arc_cap0[f] = cap;
            arc_edge[f] = e;
            arc_rev[f] = r as u32;
            arc_head[r] = u;
            arc_cost[r] = -c;
            arc_cap0[r] = 0;
            arc_edge[r] = e;
            arc_rev[r] = f as u32;
            pos_of[i] = f as u32;
        }
        for s in split_arc.iter_mut() {
            if *s != NONE {
                *s = pos_of[*s as usize];
            }
        }
        DisjointSolver {
            mode,

            offsets,
            arc_head,
            arc_cost,
            arc_cap: arc_cap0.clone(),
            arc_cap0,
            arc_edge,
            arc_rev,
            split_arc,
            pot: vec![0; n],
            dist: vec![i64::MAX; n],
            pred: vec![NONE; n],
            done: vec![false; n],
            heap: BinaryHeap::new(),
            touched: Vec::new(),
        }
    }

    fn search(&mut self, src: u32, sink: u32) -> bool {
        for &v in &self.touched {
            self.dist[v as usize] = i64::MAX;
            self.pred[v as usize] = NONE;
            self.done[v as usize] = false;
        }
        self.touched.clear();
        self.heap.clear();
        self.dist[src as usize] = 0;
        self.touched.push(src);
        self.heap.push(Reverse((0, src)));
        while let Some(Reverse((d, u))) = self.heap.pop() {
            let ui = u as usize;
            if self.done[ui] || d != self.dist[ui] {
                continue;
            }
            self.done[ui] = true;
            if u == sink {
                break;
            }
            let (a0, a1) = (self.offsets[ui] as usize, self.offsets[ui + 1] as usize);
            for a in a0..a1 {
                if self.arc_cap[a] <= 0 {
                    continue;
                }
                let v = self.arc_head[a] as usize;
                let rc = self.arc_cost[a] + self.pot[ui] - self.pot[v];
                debug_assert!(rc >= 0, "negative reduced cost");
                let nd = d + rc.max(0);
                if nd < self.dist[v] {
                    if self.dist[v] == i64::MAX {
                        self.touched.push(v as u32);
                    }
                    self.dist[v] = nd;
                    self.pred[v] = a as u32;
                    self.heap.push(Reverse((nd, v as u32)));
                }
            }
        }
        if !self.done[sink as usize] {
            return false;
        }
        // Potentials: settled nodes add their distance, all others the sink's
        // (keeps reduced costs non-negative after an early stop). Shifted by
        // -d(sink) so that untouched nodes need no update.
        let dt = self.dist[sink as usize];
        for &v in &self.touched {
            let vi = v as usize;
            if self.done[vi] {
                self.pot[vi] -= dt - self.dist[vi].min(dt);
            }
        }
        let mut v = sink;
        while v != src {
            let a = self.pred[v as usize] as usize;
            self.arc_cap[a] -= 1;
            self.arc_cap[self.arc_rev[a] as usize] += 1;
            v = self.arc_head[self.arc_rev[a] as usize];
        }
        true
    }

    /// The shortest disjoint pair from `s` to `t`, or `None` when none exists
    /// (or `s == t`).
    pub fn solve(&mut self, g: &Graph, s: NodeIx, t: NodeIx) -> Option<DisjointPair> {
        if s == t || s as usize >= g.node_count() || t as usize >= g.node_count() {
            return None;
        }
        self.arc_cap.copy_from_slice(&self.arc_cap0);
        // Potentials are only read on touched nodes; reset them all (cheap).
        self.pot.fill(0);
        let (src, sink) = match self.mode {
            Diversity::Edge => (s, t),
            Diversity::Node => {
                self.arc_cap[self.split_arc[s as usize] as usize] = 2;
                self.arc_cap[self.split_arc[t as usize] as usize] = 2;
                (2 * s, 2 * t + 1)
            }
        };
        let ok = self.search(src, sink) && self.search(src, sink);
        if !ok {
            return None;
        }
        // Net flow per graph edge, oriented from node a to node b: +1, -1 or 0.
        let mut succ: std::collections::HashMap<NodeIx, Vec<(NodeIx, EdgeIx)>> =
            std::collections::HashMap::new();
        let mut net: std::collections::HashMap<EdgeIx, i32> = std::collections::HashMap::new();
        for a in 0..self.arc_head.len() {
            let e = self.arc_edge[a];
            if e == NONE || self.arc_cap0[a] == 0 {
                continue;
            }
            if self.arc_cap[a] == 0 {
                // Forward arc used: find its direction in node terms.
                let tail_split = self.arc_head[self.arc_rev[a] as usize];
                let tail = match self.mode {
                    Diversity::Edge => tail_split,
                    Diversity::Node => tail_split / 2,
                };
                let edge = g.edge(e);
                *net.entry(e).or_insert(0) += if tail == edge.a { 1 } else { -1 };
            }
        }
        for (&e, &f) in &net {
            let edge = g.edge(e);
            match f {
                1 => succ.entry(edge.a).or_default().push((edge.b, e)),
                -1 => succ.entry(edge.b).or_default().push((edge.a, e)),
                _ => {}
            }
        }
        for list in succ.values_mut() {
            list.sort_unstable();
        }
        let mut paths = Vec::with_capacity(2);
        for _ in 0..2 {
            let mut nodes = vec![s];
            let mut edges = Vec::new();
            let mut v = s;
            let mut guard = 0usize;
            while v != t {
                let (w, e) = succ.get_mut(&v)?.pop()?;
                if let Some(pos) = nodes.iter().position(|&x| x == w) {
                    // Drop a zero-cost cycle.
                    nodes.truncate(pos + 1);
                    edges.truncate(pos);
                } else {
                    nodes.push(w);
                    edges.push(e);
                }
                v = w;
                guard += 1;
                if guard > 4 * g.edge_count() + 4 {
                    return None;
                }
            }
            paths.push(Path::from_edges(g, s, edges));
        }
        paths.sort_by_key(|p| (p.latency_ns, p.edges.clone()));
        let latency_ns = paths[0].latency_ns + paths[1].latency_ns;
        let mut it = paths.into_iter();
        let (p0, p1) = (it.next()?, it.next()?);
        Some(DisjointPair {
            paths: [p0, p1],
            latency_ns,
        })
    }
}

/// Shortest disjoint pair between two nodes (one-off; reuse a
/// [`DisjointSolver`] for many demands).
///
/// # Examples
/// ```
/// use silkway_net::graph::{Graph, NodeSpec, EdgeSpec};
/// use silkway_net::disjoint::{disjoint_pair, Diversity};
/// let n = |id: &str| NodeSpec { id: id.into(), ..Default::default() };
/// let e = |a: &str, b: &str, us: f64| EdgeSpec { a: a.into(), b: b.into(), latency_us: Some(us), ..Default::default() };
/// // The classic trap: the shortest path a-b-c-d blocks any disjoint partner.
/// let (g, _) = Graph::from_specs(&[n("a"), n("b"), n("c"), n("d")],
///     &[e("a","b",1.0), e("b","c",1.0), e("c","d",1.0), e("a","c",2.0), e("b","d",2.0)]).unwrap();
/// let p = disjoint_pair(&g, 0, 3, Diversity::Edge).unwrap();
/// assert_eq!(p.latency_ns, 6000); // a-c-d + a-b-d
/// ```
pub fn disjoint_pair(g: &Graph, s: NodeIx, t: NodeIx, mode: Diversity) -> Option<DisjointPair> {
    DisjointSolver::new(g, mode).solve(g, s, t)
}

/// Shortest disjoint pairs for many `(source, target)` pairs, in parallel
/// (rayon, one solver per worker), in input order.
pub fn disjoint_pairs(
    g: &Graph,
    pairs: &[(NodeIx, NodeIx)],
    mode: Diversity,
) -> Vec<Option<DisjointPair>> {
    use rayon::prelude::*;
    pairs
        .par_iter()
        .map_init(
            || DisjointSolver::new(g, mode),
            |sv, &(s, t)| sv.solve(g, s, t),
        )
        .collect()
}
