#!/usr/bin/env python3
"""silkway net vs networkx (and rustworkx all-pairs) on the same inputs, one run.

Usage: python3 bench/net/bench.py [--quick] [--skip-10k]
  (from the repository root; builds nothing: run `cargo build --release -p silkway-cli` first)

Graphs: Topology Zoo Cogentco and Kdl, the committed 1k random geometric graph
(crates/net/testdata), and a 10k-node random geometric graph generated here
(seed 11, ~30k edges). 100 random demands per graph (seed 42, largest
component). Both tools read the same GraphML and demand CSV; silkway is timed
as a whole CLI process (start-up, parsing, JSON output included); networkx
gets the graph already loaded. On the 10k graph, networkx runs on a subset
(APSP: 200 sources; Yen, failures, max-flow: 10 demands) and its time is
scaled to the full workload (stated in the output).
Ratios are networkx time / silkway time.
"""
import argparse
import itertools as it
import math
import os
import random
import subprocess
import sys
import tempfile
import time

import networkx as nx

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
TD = os.path.join(ROOT, 'crates', 'net', 'testdata')
sys.path.insert(0, TD)
from make_goldens import load, suurballe, make_rgg  # noqa: E402

SILKWAY = os.path.join(ROOT, 'target', 'release', 'silkway')


def demands(G, n=100, seed=42):
    rng = random.Random(seed)
    big = sorted(max(nx.connected_components(G), key=len), key=str)
    return [tuple(rng.sample(big, 2)) for _ in range(n)]


def write_demands(path, D, G):
    rng = random.Random(1)
    with open(path, 'w') as f:
        f.write('source,target,gbps\n')
        for s, t in D:
            f.write(f'{s},{t},{rng.choice((1, 10, 40))}\n')


def timed(f):
    t0 = time.perf_counter()
    r = f()
    return time.perf_counter() - t0, r


def silk(args, threads=None):
    env = dict(os.environ)
    if threads:
        env['RAYON_NUM_THREADS'] = str(threads)
    t0 = time.perf_counter()
    subprocess.run([SILKWAY, 'net'] + args + ['--format', 'json'], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def nx_failures(G, D):
    out = 0
    for s, t in D:
        p = nx.bidirectional_dijkstra(G, s, t, weight='w')[1]
        for e in zip(p, p[1:]):
            try:
                nx.bidirectional_dijkstra(nx.restricted_view(G, [], [e]), s, t, weight='w')
            except nx.NetworkXNoPath:
                out += 1
    return out


def row(name, label, t_nx, t_sw, note=''):
    print(f'| {name} | {label} | {t_nx:.3f} | {t_sw:.3f} | {t_nx / t_sw:.1f}x | {note} |', flush=True)


def bench(name, path, sub=None):
    G = load(path)
    D = demands(G)
    dfile = os.path.join(tempfile.gettempdir(), f'silkway-bench-{name}.csv')
    write_demands(dfile, D, G)
    g = ['--graph', path]
    dd = ['--demands', dfile]
    n = G.number_of_nodes()
    print(f'\n{name}: {n} nodes, {G.number_of_edges()} edges, 100 demands', flush=True)
    print('| graph | workload | networkx s | silkway s | ratio | note |\n|---|---|---|---|---|---|')
    # All-pairs.
    if sub:
        srcs = list(G)[:200]
        t, _ = timed(lambda: [nx.single_source_dijkstra_path_length(G, s, weight='w') for s in srcs])
        t_nx, note = t * n / 200, 'networkx: 200 sources, scaled'
    else:
        t_nx, _ = timed(lambda: max(max(x.values()) for _, x in nx.all_pairs_dijkstra_path_length(G, weight='w')))
        note = ''
    t1 = silk(['apsp'] + g, threads=1)
    t2 = silk(['apsp'] + g, threads=2)
    row(name, 'all-pairs latency (1 thread)', t_nx, t1, note)
    row(name, 'all-pairs latency (2 threads)', t_nx, t2, note)
    try:
        import rustworkx as rx
        R = rx.PyGraph()
        idx = {v: R.add_node(v) for v in G}
        R.add_edges_from([(idx[u], idx[v], float(c)) for u, v, c in G.edges(data='w')])
        t_rx, _ = timed(lambda: max(max(x.values()) for x in rx.all_pairs_dijkstra_path_lengths(R, float).values() if len(x)))
        print(f'| {name} | all-pairs: rustworkx (all cores) | {t_rx:.3f} | {t2:.3f} | {t_rx / t2:.1f}x | vs rustworkx |')
    except ImportError:
        print('(rustworkx not installed: pip install rustworkx)')
    Ds = D[:10] if sub else D
    scale = len(D) / len(Ds)
    snote = f'networkx: {len(Ds)} demands, scaled' if sub else ''
    t, _ = timed(lambda: sum(len(list(it.islice(nx.shortest_simple_paths(G, s, t_, weight='w'), 5))) for s, t_ in Ds))
    row(name, 'Yen k=5 x100', t * scale, silk(['paths', '--k', '5'] + g + dd), snote)
    t, _ = timed(lambda: sum(suurballe(G, s, t_) is not None for s, t_ in D))
    row(name, 'edge-disjoint pair x100', t, silk(['disjoint', '--mode', 'edge'] + g + dd))
    t, _ = timed(lambda: nx_failures(G, Ds))
    row(name, 'all single-link failures x100', t * scale, silk(['failures', '--order', '1'] + g + dd), snote)
    H = G.copy()
    for u, v, d in H.edges(data=True):
        d['capf'] = d['cap']
    t, _ = timed(lambda: sum(nx.maximum_flow_value(H, s, t_, capacity='capf') for s, t_ in Ds))
    row(name, 'max-flow x100', t * scale, silk(['maxflow'] + g + dd), snote)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--skip-10k', action='store_true')
    a = ap.parse_args()
    if not os.path.exists(SILKWAY):
        sys.exit(f'{SILKWAY} missing: run `cargo build --release -p silkway-cli` first')
    print(f'# {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}, {os.cpu_count()} cores, networkx {nx.__version__}')
    bench('Cogentco', os.path.join(TD, 'Cogentco.graphml'))
    bench('Kdl', os.path.join(TD, 'Kdl.graphml'))
    bench('rgg1k', os.path.join(TD, 'rgg1k.graphml'))
    if not a.skip_10k:
        p10 = os.path.join(tempfile.gettempdir(), 'silkway-bench-rgg10k.graphml')
        if not os.path.exists(p10):
            make_rgg(p10, n=10000, m=30600, seed=11)
        bench('rgg10k', p10, sub=True)


if __name__ == '__main__':
    main()
