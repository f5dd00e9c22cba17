//! Maximum flow and minimum cut between two nodes (Dinic's algorithm).
//!
//! Undirected edges of capacity `c` become a pair of opposite arcs of
//! capacity `c` that are each other's residual. Capacities are integers in
//! Mbit/s internally (Gbit/s × 1000, rounded), so results are exact.
//!
//! # References
//! - E. A. Dinic, "Algorithm for solution of a problem of maximum flow in a
//!   network with power estimation", Soviet Math. Doklady 11 (1970) 1277–1280.
//! - L. R. Ford, D. R. Fulkerson, "Maximal flow through a network",
//!   Canadian J. Math. 8 (1956): max-flow = min-cut.

use std::collections::VecDeque;

use crate::graph::{EdgeIx, Graph, NodeIx};

/// Result of one max-flow computation.
#[derive(Debug, Clone, PartialEq)]
pub struct MaxFlow {
    /// Maximum flow, Gbit/s.
    pub gbps: f64,
    /// Edges of a minimum cut (source side to sink side).
    pub min_cut: Vec<EdgeIx>,
}

/// Reusable Dinic solver for one graph; edges without a capacity get
/// `default_capacity_gbps`.
#[derive(Debug, Clone)]
pub struct MaxFlowSolver {
    offsets: Vec<u32>,
    head: Vec<NodeIx>,
    cap0: Vec<u64>,
    cap: Vec<u64>,
    edge: Vec<EdgeIx>,
    rev: Vec<u32>,
    level: Vec<i32>,
    iter: Vec<u32>,
    queue: VecDeque<NodeIx>,
}

impl MaxFlowSolver {
    /// Build the residual network. Arc `2k` is edge k from `a` to `b`, arc
    /// `2k+1` the opposite direction; arc `x ^ 1` is the residual of `x`.
    pub fn new(g: &Graph, default_capacity_gbps: f64) -> MaxFlowSolver {
        let n = g.node_count();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut acc = 0u32;
        offsets.push(acc);
        for v in 0..n as NodeIx {
            acc += g.adjacency(v).0.len() as u32;
            offsets.push(acc);
        }
        // Arcs are stored in CSR order of the graph's adjacency.
        let total = offsets[n] as usize;
        let mut head = vec![0; total];
        let mut cap0 = vec![0; total];
        let mut edge = vec![0; total];
        for (v, &off) in offsets.iter().take(n).enumerate() {
            let (to, eid, _) = g.adjacency(v as NodeIx);
            let base = off as usize;
            for k in 0..to.len() {
                head[base + k] = to[k];
                edge[base + k] = eid[k];
                let c = g
                    .edge(eid[k])
                    .capacity_gbps
                    .unwrap_or(default_capacity_gbps);
                cap0[base + k] = (c * 1000.0).round().max(0.0) as u64;
            }
        }
        let rev = (0..total)
            .map(|a| {
                let v = head[a] as usize;
                let (s, t) = (offsets[v] as usize, offsets[v + 1] as usize);
                // A simple graph has one arc per edge at each end.
                (s..t).find(|&b| edge[b] == edge[a]).unwrap_or(a) as u32
            })
            .collect();
        MaxFlowSolver {
            offsets,
            head,
            cap: cap0.clone(),
            cap0,
            edge,
            rev,
            level: vec![-1; n],
            iter: vec![0; n],
            queue: VecDeque::new(),
        }
    }

    fn bfs(&mut self, s: NodeIx, t: NodeIx) -> bool {
        self.level.fill(-1);
        self.level[s as usize] = 0;
        self.queue.clear();
        self.queue.push_back(s);
        while let Some(u) = self.queue.pop_front() {
            let ui = u as usize;
            for a in self.offsets[ui] as usize..self.offsets[ui + 1] as usize {
                let v = self.head[a] as usize;
                if self.cap[a] > 0 && self.level[v] < 0 {
                    self.level[v] = self.level[ui] + 1;
                    self.queue.push_back(v as NodeIx);
                }
            }
        }
        self.level[t as usize] >= 0
    }

    /// Blocking flow by iterative DFS over the level graph.
    fn blocking(&mut self, s: NodeIx, t: NodeIx) -> u64 {
        let rev = std::mem::take(&mut self.rev);
        for v in 0..self.iter.len() {
            self.iter[v] = self.offsets[v];
        }
        let mut total = 0u64;
        let mut stack: Vec<u32> = Vec::new(); // arcs
        let mut u = s as usize;
        loop {
            if u == t as usize {
                let push = stack
                    .iter()
                    .map(|&a| self.cap[a as usize])
                    .min()
                    .unwrap_or(0);
                total += push;
                let mut cut_at = stack.len();
                for (i, &a) in stack.iter().enumerate() {
                    self.cap[a as usize] -= push;
                    self.cap[rev[a as usize] as usize] += push;
                    if self.cap[a as usize] == 0 && cut_at == stack.len() {
                        cut_at = i;
                    }
                }
                stack.truncate(cut_at);
                u = match stack.last() {
                    Some(&a) => self.head[a as usize] as usize,
                    None => s as usize,
                };
                continue;
            }
            let end = self.offsets[u + 1];
            let mut advanced = false;
            while self.iter[u] < end {
                let a = self.iter[u] as usize;
                let v = self.head[a] as usize;
                if self.cap[a] > 0 && self.level[v] == self.level[u] + 1 {
                    stack.push(a as u32);
                    u = v;
                    advanced = true;
                    break;
                }
                self.iter[u] += 1;
            }
            if advanced {
                continue;
            }
            // Dead end: retreat.
            self.level[u] = -1;
            match stack.pop() {
                Some(a) => {
                    let tail = self.head[rev[a as usize] as usize] as usize;
                    self.iter[tail] += 1;
                    u = tail;
                }
                None => break,
            }
        }
        self.rev = rev;
        total
    }

    /// Maximum flow from `s` to `t` and a minimum cut.
    pub fn solve(&mut self, s: NodeIx, t: NodeIx) -> MaxFlow {
        self.cap.copy_from_slice(&self.cap0);
        let n = self.level.len();
        if s == t || s as usize >= n || t as usize >= n {
            return MaxFlow {
                gbps: 0.0,
                min_cut: Vec::new(),
            };
        }
        let mut flow = 0u64;
        while self.bfs(s, t) {
            flow += self.blocking(s, t);
        }
        // Source side of the min cut: nodes reachable in the residual network.
        let _ = self.bfs(s, t);
        let mut min_cut = Vec::new();
        for u in 0..n {
            if self.level[u] < 0 {
                continue;
            }
            for a in self.offsets[u] as usize..self.offsets[u + 1] as usize {
                if self.level[self.head[a] as usize] < 0 && self.cap0[a] > 0 {
                    min_cut.push(self.edge[a]);
                }
            }
        }
        min_cut.sort_unstable();
        min_cut.dedup();
        MaxFlow {
            gbps: flow as f64 / 1000.0,
            min_cut,
        }
    }
}

/// Maximum flow between two nodes, capacities from `capacity_gbps`
/// (missing ones count as `default_capacity_gbps`).
///
/// # Examples
/// ```
/// use silkway_net::graph::{Graph, NodeSpec, EdgeSpec};
/// let n = |id: &str| NodeSpec { id: id.into(), ..Default::default() };
/// let e = |a: &str, b: &str, c: f64| EdgeSpec { a: a.into(), b: b.into(), latency_us: Some(1.0), capacity_gbps: Some(c), ..Default::default() };
/// let (g, _) = Graph::from_specs(&[n("a"), n("b"), n("c")],
///     &[e("a", "b", 10.0), e("b", "c", 100.0), e("a", "c", 40.0)]).unwrap();
/// let f = silkway_net::maxflow::max_flow(&g, 0, 2, 0.0);
/// assert_eq!(f.gbps, 50.0);
/// ```
pub fn max_flow(g: &Graph, s: NodeIx, t: NodeIx, default_capacity_gbps: f64) -> MaxFlow {
    MaxFlowSolver::new(g, default_capacity_gbps).solve(s, t)
}

/// Maximum flows for many `(source, target)` pairs, in parallel (rayon, one
/// solver per worker), in input order.
pub fn max_flows(
    g: &Graph,
    pairs: &[(NodeIx, NodeIx)],
    default_capacity_gbps: f64,
) -> Vec<MaxFlow> {
    use rayon::prelude::*;
    pairs
        .par_iter()
        .map_init(
            || MaxFlowSolver::new(g, default_capacity_gbps),
            |sv, &(s, t)| sv.solve(s, t),
        )
        .collect()
}
