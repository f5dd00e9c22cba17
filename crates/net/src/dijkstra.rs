//! Dijkstra's shortest paths on the CSR graph, with a reusable workspace.
//!
//! The workspace supports banned edges and nodes (for Yen's spur paths and
//! failure scenarios) and an optional potential `h(v)` (A*): with `h` the
//! exact distance to the target in the intact graph, searches in a graph with
//! some elements removed stay exact (h is consistent, since removing elements
//! only lengthens distances) and touch few nodes.
//!
//! # References
//! - E. W. Dijkstra, "A note on two problems in connexion with graphs",
//!   Numerische Mathematik 1 (1959) 269–271.
//! - P. E. Hart, N. J. Nilsson, B. Raphael, "A formal basis for the heuristic
//!   determination of minimum cost paths", IEEE Trans. SSC 4(2), 1968.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::graph::{EdgeIx, Graph, NodeIx, Path};

/// Distance value meaning "unreachable".
pub const UNREACHABLE: u64 = u64::MAX;
const NO_EDGE: EdgeIx = EdgeIx::MAX;

/// Reusable buffers for repeated searches on one graph (one per thread).
#[derive(Debug, Clone)]
pub struct Workspace {
    dist: Vec<u64>,
    pred: Vec<EdgeIx>,
    seen: Vec<u32>,
    done: Vec<u32>,
    stamp: u32,
    banned_edge: Vec<u32>,
    banned_node: Vec<u32>,
    ban_stamp: u32,
    heap: BinaryHeap<Reverse<(u64, NodeIx)>>,
}

impl Workspace {
    /// Buffers sized for `g`.
    pub fn new(g: &Graph) -> Workspace {
        let n = g.node_count();
        Workspace {
            dist: vec![UNREACHABLE; n],
            pred: vec![NO_EDGE; n],
            seen: vec![0; n],
            done: vec![0; n],
            stamp: 0,
            banned_edge: vec![0; g.edge_count()],
            banned_node: vec![0; n],
            ban_stamp: 1,
            heap: BinaryHeap::new(),
        }
    }

    /// Lift every ban.
    pub fn clear_bans(&mut self) {
        self.ban_stamp = self.ban_stamp.wrapping_add(1);
        if self.ban_stamp == 0 {
            self.banned_edge.fill(0);
            self.banned_node.fill(0);
            self.ban_stamp = 1;
        }
    }
    /// Ban an edge until the next [`Workspace::clear_bans`].
    pub fn ban_edge(&mut self, e: EdgeIx) {
        self.banned_edge[e as usize] = self.ban_stamp;
    }
    /// Ban a node until the next [`Workspace::clear_bans`].
    pub fn ban_node(&mut self, v: NodeIx) {
        self.banned_node[v as usize] = self.ban_stamp;
    }
    /// Whether the edge is banned.
    pub fn edge_banned(&self, e: EdgeIx) -> bool {
        self.banned_edge[e as usize] == self.ban_stamp
    }

    fn next_stamp(&mut self) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.seen.fill(0);
            self.done.fill(0);
            self.stamp = 1;
        }
        self.heap.clear();
    }

    /// Distance to `v` found by the last search (`UNREACHABLE` if not reached).
    pub fn dist(&self, v: NodeIx) -> u64 {
        if self.seen[v as usize] == self.stamp {
            self.dist[v as usize]
        } else {
            UNREACHABLE
        }
    }

    /// Whether the last search settled `v` (its distance is final).
    pub fn settled(&self, v: NodeIx) -> bool {
        self.done[v as usize] == self.stamp
    }

    /// Shortest path from `s` to `t` avoiding banned elements, guided by the
    /// potential `h` (pass `None` for plain Dijkstra). `h[v] == UNREACHABLE`
    /// marks nodes that cannot reach `t`.
    pub fn shortest_path(
        &mut self,
        g: &Graph,
        s: NodeIx,
        t: NodeIx,
        h: Option<&[u64]>,
    ) -> Option<Path> {
        self.run(g, s, Some(t), h);
        if self.dist(t) == UNREACHABLE {
            return None;
        }
        Some(self.path_to(g, s, t))
    }

    /// Single-source search from `s`, stopping early once `target` is settled.
    pub fn run(&mut self, g: &Graph, s: NodeIx, target: Option<NodeIx>, h: Option<&[u64]>) {
        self.next_stamp();
        if self.banned_node[s as usize] == self.ban_stamp {
            return;
        }
        let hv = |v: NodeIx| h.map_or(0, |h| h[v as usize]);
        if hv(s) == UNREACHABLE {
            return;
        }
        let st = self.stamp;
        let bs = self.ban_stamp;
        self.dist[s as usize] = 0;
        self.pred[s as usize] = NO_EDGE;
        self.seen[s as usize] = st;
        self.heap.push(Reverse((hv(s), s)));
        while let Some(Reverse((key, u))) = self.heap.pop() {
            let ui = u as usize;
            if self.done[ui] == st {
                continue;
            }
            let du = self.dist[ui];
            if key != du + hv(u) {
                continue;
            }
            self.done[ui] = st;
            if Some(u) == target {
                return;
            }
            let (to, eid, w) = g.adjacency(u);
            for k in 0..to.len() {
                let v = to[k];
                let vi = v as usize;
                if self.banned_edge[eid[k] as usize] == bs || self.banned_node[vi] == bs {
                    continue;
                }
                let hvv = hv(v);
                if hvv == UNREACHABLE {
                    continue;
                }
                let nd = du + w[k];
                if self.seen[vi] != st || nd < self.dist[vi] {
                    self.seen[vi] = st;
                    self.dist[vi] = nd;
                    self.pred[vi] = eid[k];
                    self.heap.push(Reverse((nd + hvv, v)));
                }
            }
        }
    }

    /// The path to `t` found by the last search (call only when reached).
    pub fn path_to(&self, g: &Graph, s: NodeIx, t: NodeIx) -> Path {
        let mut edges = Vec::new();
        let mut v = t;
        while v != s {
            let e = self.pred[v as usize];
            if e == NO_EDGE {
                break;
            }
            edges.push(e);
            v = g.edge(e).other(v);
        }
        edges.reverse();
        Path::from_edges(g, s, edges)
    }

    /// Distances from `s` to every node (no bans applied beyond the current ones).
    pub fn distances_from(&mut self, g: &Graph, s: NodeIx) -> Vec<u64> {
        self.run(g, s, None, None);
        (0..g.node_count() as NodeIx)
            .map(|v| self.dist(v))
            .collect()
    }
}

/// Shortest path between two nodes (plain Dijkstra).
///
/// # Examples
/// ```
/// use silkway_net::graph::{Graph, NodeSpec, EdgeSpec};
/// let n = |id: &str| NodeSpec { id: id.into(), ..Default::default() };
/// let e = |a: &str, b: &str, us: f64| EdgeSpec { a: a.into(), b: b.into(), latency_us: Some(us), ..Default::default() };
/// let (g, _) = Graph::from_specs(&[n("a"), n("b"), n("c")], &[e("a", "b", 1.0), e("b", "c", 1.0), e("a", "c", 3.0)]).unwrap();
/// let p = silkway_net::dijkstra::shortest_path(&g, 0, 2).unwrap();
/// assert_eq!(p.latency_ns, 2000);
/// assert_eq!(p.nodes, vec![0, 1, 2]);
/// ```
pub fn shortest_path(g: &Graph, s: NodeIx, t: NodeIx) -> Option<Path> {
    Workspace::new(g).shortest_path(g, s, t, None)
}
