//! Yen's k shortest simple (loopless) paths.
//!
//! Each spur search is an A* search whose potential is the exact distance to
//! the target in the intact graph (consistent whatever is removed), and
//! spurs start at the deviation node of the path being expanded (Lawler's
//! refinement), so candidates are not regenerated.
//!
//! # References
//! - J. Y. Yen, "Finding the K shortest loopless paths in a network",
//!   Management Science 17(11), 1971, 712–716.
//! - E. L. Lawler, "A procedure for computing the K best solutions to discrete
//!   optimization problems", Management Science 18(7), 1972.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use crate::dijkstra::{UNREACHABLE, Workspace};
use crate::graph::{EdgeIx, Graph, NodeIx, Path};

/// Up to `k` shortest simple paths from `s` to `t`, in increasing latency
/// (ties broken by edge sequence, deterministically).
///
/// # Examples
/// ```
/// use silkway_net::graph::{Graph, NodeSpec, EdgeSpec};
/// let n = |id: &str| NodeSpec { id: id.into(), ..Default::default() };
/// let e = |a: &str, b: &str, us: f64| EdgeSpec { a: a.into(), b: b.into(), latency_us: Some(us), ..Default::default() };
/// let (g, _) = Graph::from_specs(&[n("a"), n("b"), n("c")],
///     &[e("a", "b", 1.0), e("b", "c", 1.0), e("a", "c", 3.0)]).unwrap();
/// let p = silkway_net::yen::k_shortest_paths(&g, 0, 2, 5);
/// assert_eq!(p.iter().map(|p| p.latency_ns).collect::<Vec<_>>(), vec![2000, 3000]);
/// ```
pub fn k_shortest_paths(g: &Graph, s: NodeIx, t: NodeIx, k: usize) -> Vec<Path> {
    let mut ws = Workspace::new(g);
    k_shortest_paths_in(&mut ws, g, s, t, k)
}

/// [`k_shortest_paths`] with a caller-owned workspace (bans are cleared).
pub fn k_shortest_paths_in(
    ws: &mut Workspace,
    g: &Graph,
    s: NodeIx,
    t: NodeIx,
    k: usize,
) -> Vec<Path> {
    if k == 0 {
        return Vec::new();
    }
    if s == t {
        return vec![Path {
            nodes: vec![s],
            edges: vec![],
            latency_ns: 0,
        }];
    }
    ws.clear_bans();
    let h = ws.distances_from(g, t);
    if h[s as usize] == UNREACHABLE {
        return Vec::new();
    }
    let Some(first) = ws.shortest_path(g, s, t, Some(&h)) else {
        return Vec::new();
    };
    let mut accepted: Vec<(Path, usize)> = vec![(first, 0)];
    let mut seen: HashSet<Vec<EdgeIx>> = HashSet::new();
    seen.insert(accepted[0].0.edges.clone());
    let mut candidates: BinaryHeap<Reverse<(u64, Vec<EdgeIx>, usize)>> = BinaryHeap::new();
    while accepted.len() < k {
        let (prev, dev) = {
            let (p, d) = &accepted[accepted.len() - 1];
            (p.clone(), *d)
        };
        for i in dev..prev.edges.len() {
            let spur = prev.nodes[i];
            let root = &prev.edges[..i];
            ws.clear_bans();
            for (p, _) in &accepted {
                if p.edges.len() > i && &p.edges[..i] == root {
                    ws.ban_edge(p.edges[i]);
                }
            }
            for &v in &prev.nodes[..i] {
                ws.ban_node(v);
            }
            if let Some(sp) = ws.shortest_path(g, spur, t, Some(&h)) {
                let mut edges = root.to_vec();
                edges.extend_from_slice(&sp.edges);
                if seen.insert(edges.clone()) {
                    let lat = g.path_latency_ns(&edges);
                    candidates.push(Reverse((lat, edges, i)));
                }
            }
        }
        let Some(Reverse((_, edges, i))) = candidates.pop() else {
            break;
        };
        accepted.push((Path::from_edges(g, s, edges), i));
    }
    ws.clear_bans();
    accepted.into_iter().map(|(p, _)| p).collect()
}

/// [`k_shortest_paths`] for many `(source, target)` pairs, in parallel (rayon), in input order.
pub fn k_shortest_paths_many(g: &Graph, pairs: &[(NodeIx, NodeIx)], k: usize) -> Vec<Vec<Path>> {
    use rayon::prelude::*;
    pairs
        .par_iter()
        .map_init(
            || Workspace::new(g),
            |ws, &(s, t)| k_shortest_paths_in(ws, g, s, t, k),
        )
        .collect()
}
