//! All-pairs latency: one Dijkstra per source, sources in parallel (rayon).
//!
//! Each worker keeps its own distance array and heap; the inner loop walks
//! the CSR arrays directly with a binary heap of packed `(distance, node)`
//! keys.
//!
//! # References
//! - E. W. Dijkstra (1959), see [`crate::dijkstra`].

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rayon::prelude::*;

use crate::dijkstra::UNREACHABLE;
use crate::graph::{Graph, NodeIx};

/// Summary of all-pairs latencies over ordered pairs `(s, t)`, `s != t`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApspSummary {
    /// Largest finite latency (the latency diameter), ns.
    pub max_latency_ns: u64,
    /// Mean latency over reachable ordered pairs, ns.
    pub mean_latency_ns: f64,
    /// Number of reachable ordered pairs.
    pub reachable_pairs: u64,
    /// Number of unreachable ordered pairs.
    pub unreachable_pairs: u64,
}

/// The graph relabelled in breadth-first order (better cache locality for
/// geometric graphs whose input ids are in random order), with 32-bit
/// weights, for packed heap keys `distance << 24 | node`.
struct Compact {
    offsets: Vec<u32>,
    to: Vec<u32>,
    w: Vec<u32>,
}

impl Compact {
    /// `None` when the graph is too large for packed keys (n ≥ 2^24 nodes,
    /// an edge ≥ 2^32 ns, or total latency ≥ 2^40 ns).
    fn new(g: &Graph) -> Option<Compact> {
        let n = g.node_count();
        let total: u128 = g.edges().iter().map(|e| e.latency_ns as u128).sum();
        if n >= 1 << 24
            || total >= 1 << 40
            || g.edges().iter().any(|e| e.latency_ns > u32::MAX as u64)
        {
            return None;
        }
        // Breadth-first order from each unvisited node.
        let mut order = Vec::with_capacity(n);
        let mut new_ix = vec![u32::MAX; n];
        for root in 0..n {
            if new_ix[root] != u32::MAX {
                continue;
            }
            new_ix[root] = order.len() as u32;
            order.push(root as NodeIx);
            let mut head = order.len() - 1;
            while head < order.len() {
                let u = order[head];
                head += 1;
                for &v in g.adjacency(u).0 {
                    if new_ix[v as usize] == u32::MAX {
                        new_ix[v as usize] = order.len() as u32;
                        order.push(v);
                    }
                }
            }
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let (mut to, mut w) = (Vec::new(), Vec::new());
        offsets.push(0);
        for &old in &order {
            let (t, _, ws) = g.adjacency(old);
            for (&v, &x) in t.iter().zip(ws) {
                to.push(new_ix[v as usize]);
                w.push(x as u32);
            }
            offsets.push(to.len() as u32);
        }
        Some(Compact { offsets, to, w })
    }

    /// Distances from `s` (new numbering) into `dist`.
    fn run(&self, s: u32, dist: &mut [u64], heap: &mut BinaryHeap<Reverse<u64>>) {
        const MASK: u64 = (1 << 24) - 1;
        dist.fill(UNREACHABLE);
        heap.clear();
        dist[s as usize] = 0;
        heap.push(Reverse(s as u64));
        while let Some(Reverse(key)) = heap.pop() {
            let (d, u) = (key >> 24, (key & MASK) as usize);
            if d > dist[u] {
                continue;
            }
            let (a, b) = (self.offsets[u] as usize, self.offsets[u + 1] as usize);
            for (&v, &wv) in self.to[a..b].iter().zip(&self.w[a..b]) {
                let nd = d + wv as u64;
                let slot = &mut dist[v as usize];
                if nd < *slot {
                    *slot = nd;
                    heap.push(Reverse(nd << 24 | v as u64));
                }
            }
        }
    }
}

/// Per-thread buffers.
struct Sssp {
    dist: Vec<u64>,
    heap: BinaryHeap<Reverse<(u64, NodeIx)>>,
}

impl Sssp {
    fn new(n: usize) -> Sssp {
        Sssp {
            dist: vec![UNREACHABLE; n],
            heap: BinaryHeap::with_capacity(n),
        }
    }

    /// Distances from `s` into `self.dist`.
    fn run(&mut self, g: &Graph, s: NodeIx) {
        self.dist.fill(UNREACHABLE);
        self.heap.clear();
        self.dist[s as usize] = 0;
        self.heap.push(Reverse((0, s)));
        while let Some(Reverse((d, u))) = self.heap.pop() {
            if d > self.dist[u as usize] {
                continue;
            }
            let (to, _, w) = g.adjacency(u);
            for (&v, &wv) in to.iter().zip(w) {
                let nd = d + wv;
                let slot = &mut self.dist[v as usize];
                if nd < *slot {
                    *slot = nd;
                    self.heap.push(Reverse((nd, v)));
                }
            }
        }
    }
}

/// Latency diameter and mean latency over all ordered pairs, computed in
/// parallel over sources on the current rayon pool.
///
/// # Examples
/// ```
/// use silkway_net::graph::{Graph, NodeSpec, EdgeSpec};
/// let n = |id: &str| NodeSpec { id: id.into(), ..Default::default() };
/// let e = |a: &str, b: &str, us: f64| EdgeSpec { a: a.into(), b: b.into(), latency_us: Some(us), ..Default::default() };
/// let (g, _) = Graph::from_specs(&[n("a"), n("b"), n("c")], &[e("a", "b", 1.0), e("b", "c", 2.0)]).unwrap();
/// let s = silkway_net::apsp::summary(&g);
/// assert_eq!(s.max_latency_ns, 3000);
/// assert_eq!(s.mean_latency_ns, 2000.0);
/// ```
pub fn summary(g: &Graph) -> ApspSummary {
    let n = g.node_count();
    let fold = |dist: &[u64], s: usize| {
        let (mut max, mut sum, mut reach) = (0u64, 0u128, 0u64);
        for (v, &d) in dist.iter().enumerate() {
            if d != UNREACHABLE && v != s {
                max = max.max(d);
                sum += d as u128;
                reach += 1;
            }
        }
        (max, sum, reach)
    };
    let compact = Compact::new(g);
    let (max, sum, reach) = if let Some(c) = &compact {
        (0..n as u32)
            .into_par_iter()
            .with_min_len(16)
            .map_init(
                || (vec![UNREACHABLE; n], BinaryHeap::with_capacity(n)),
                |(dist, heap), s| {
                    c.run(s, dist, heap);
                    fold(dist, s as usize)
                },
            )
            .reduce(|| (0, 0, 0), |a, b| (a.0.max(b.0), a.1 + b.1, a.2 + b.2))
    } else {
        (0..n as NodeIx)
            .into_par_iter()
            .with_min_len(16)
            .map_init(
                || Sssp::new(n),
                |w, s| {
                    w.run(g, s);
                    let (mut max, mut sum, mut reach) = (0u64, 0u128, 0u64);
                    for (v, &d) in w.dist.iter().enumerate() {
                        if d != UNREACHABLE && v != s as usize {
                            max = max.max(d);
                            sum += d as u128;
                            reach += 1;
                        }
                    }
                    (max, sum, reach)
                },
            )
            .reduce(|| (0, 0, 0), |a, b| (a.0.max(b.0), a.1 + b.1, a.2 + b.2))
    };
    let pairs = (n as u64) * (n as u64).saturating_sub(1);
    ApspSummary {
        max_latency_ns: max,
        mean_latency_ns: if reach == 0 {
            0.0
        } else {
            sum as f64 / reach as f64
        },
        reachable_pairs: reach,
        unreachable_pairs: pairs - reach,
    }
}

/// Full distance rows, computed in parallel in blocks and handed to `sink`
/// in source order (`UNREACHABLE` marks unreachable nodes). Memory stays
/// O(block × n).
///
/// # Errors
/// Whatever `sink` returns.
pub fn for_each_row<E>(
    g: &Graph,
    mut sink: impl FnMut(NodeIx, &[u64]) -> Result<(), E>,
) -> Result<(), E> {
    let n = g.node_count();
    let block = 256usize;
    let mut start = 0usize;
    while start < n {
        let end = (start + block).min(n);
        let rows: Vec<Vec<u64>> = (start as NodeIx..end as NodeIx)
            .into_par_iter()
            .map_init(
                || Sssp::new(n),
                |w, s| {
                    w.run(g, s);
                    w.dist.clone()
                },
            )
            .collect();
        for (i, row) in rows.iter().enumerate() {
            sink((start + i) as NodeIx, row)?;
        }
        start = end;
    }
    Ok(())
}
