//! Criterion benchmarks of the hot paths (1,000-node random geometric graph;
//! all-pairs also on Cogentco).
//! Peer comparisons (networkx, rustworkx) live in bench/net/bench.py.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use silkway_net::demands::{read_demands, resolve};
use silkway_net::disjoint::{DisjointSolver, Diversity};
use silkway_net::failures::{FailureOptions, analyse};
use silkway_net::maxflow::MaxFlowSolver;
use silkway_net::{apsp, graphml, yen};

fn benches(c: &mut Criterion) {
    let td = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let (g, _) = graphml::read_graph(&td.join("rgg1k.graphml")).unwrap();
    let ds = resolve(
        &g,
        &read_demands(&td.join("rgg1k.demands.csv")).unwrap(),
        "d",
    )
    .unwrap();
    c.bench_function("apsp rgg1k", |b| b.iter(|| black_box(apsp::summary(&g))));
    // In-process all-pairs on the small Cogentco graph, where the
    // side-by-side script's process start-up dominates.
    let (cogent, _) = graphml::read_graph(&td.join("Cogentco.graphml")).unwrap();
    c.bench_function("apsp cogentco", |b| {
        b.iter(|| black_box(apsp::summary(&cogent)))
    });
    c.bench_function("yen k=5 x30 rgg1k", |b| {
        b.iter(|| {
            for d in &ds {
                black_box(yen::k_shortest_paths(&g, d.source, d.target, 5));
            }
        })
    });
    let mut dj = DisjointSolver::new(&g, Diversity::Edge);
    c.bench_function("suurballe x30 rgg1k", |b| {
        b.iter(|| {
            for d in &ds {
                black_box(dj.solve(&g, d.source, d.target));
            }
        })
    });
    c.bench_function("single failures x30 rgg1k", |b| {
        b.iter(|| {
            black_box(analyse(
                &g,
                &ds,
                FailureOptions {
                    order: 1,
                    srlg: false,
                },
            ))
        })
    });
    let mut mf = MaxFlowSolver::new(&g, 100.0);
    c.bench_function("dinic x30 rgg1k", |b| {
        b.iter(|| {
            for d in &ds {
                black_box(mf.solve(d.source, d.target));
            }
        })
    });
}

criterion_group! {
    name = net;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(net);
