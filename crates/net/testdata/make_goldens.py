#!/usr/bin/env python3
"""Reference results for silkway-net, computed with networkx 3.x.

Usage: python3 make_goldens.py   (from this folder; writes rgg1k.graphml,
*.demands.csv and golden/*.json). Requires `pip install networkx`.

The graph is built with silkway's rules: latency of an edge = great-circle
length (haversine, R = 6371.0088 km) x 1.468 / c, rounded to integer
nanoseconds (the unit silkway computes in), or capacity/latency attributes
where declared; self-loops dropped; parallel edges collapse to the lowest
latency; nodes without coordinates dropped. Costs in the goldens are in
microseconds (ns / 1000); with integer-ns weights the comparison is exact.
"""
import itertools as it
import json
import math
import os
import random

import networkx as nx

R_KM = 6371.0088
NS_PER_KM = 1.468 / 299792.458 * 1e9
DEFAULT_CAP_GBPS = 100.0
K = 5


def hav_km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = math.radians(b[0] - a[0]), math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R_KM * math.asin(min(1.0, math.sqrt(h)))


def load(path):
    M = nx.read_graphml(path)
    G = nx.Graph()
    ok = {n: (float(d['Latitude']), float(d['Longitude'])) for n, d in M.nodes(data=True)
          if 'Latitude' in d and 'Longitude' in d}
    G.add_nodes_from(ok)
    for u, v, d in M.edges(data=True):
        if u == v or u not in ok or v not in ok:
            continue
        w = int(round(hav_km(ok[u], ok[v]) * NS_PER_KM))
        cap = float(d.get('capacity_gbps', DEFAULT_CAP_GBPS))
        if G.has_edge(u, v) and G[u][v]['w'] <= w:
            continue
        G.add_edge(u, v, w=w, cap=int(round(cap * 1000)))
    return G


def make_rgg(path, n=1000, m=3300, seed=7):
    r = math.sqrt(2 * m / (n * n * math.pi))
    H = nx.random_geometric_graph(n, r, seed=seed)
    H = H.subgraph(max(nx.connected_components(H), key=len)).copy()
    rng = random.Random(seed)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '  <key attr.name="Latitude" attr.type="double" for="node" id="d0"/>',
             '  <key attr.name="Longitude" attr.type="double" for="node" id="d1"/>',
             '  <key attr.name="capacity_gbps" attr.type="double" for="edge" id="d2"/>',
             '  <graph edgedefault="undirected">']
    for v in sorted(H):
        x, y = H.nodes[v]['pos']
        lines.append(f'    <node id="n{v}"><data key="d0">{36 + 14 * y:.6f}</data>'
                     f'<data key="d1">{44 + 22 * x:.6f}</data></node>')
    for u, v in sorted(H.edges):
        lines.append(f'    <edge source="n{u}" target="n{v}"><data key="d2">'
                     f'{rng.choice((10, 100, 400))}</data></edge>')
    lines += ['  </graph>', '</graphml>', '']
    with open(path, 'w') as f:
        f.write('\n'.join(lines))


def mcf2(G, s, t, node_disjoint):
    """2-unit min-cost flow (network simplex): the disjoint-pair cost, ns."""
    H = nx.DiGraph()
    inn = (lambda v: ('i', v)) if node_disjoint else (lambda v: v)
    out = (lambda v: ('o', v)) if node_disjoint else (lambda v: v)
    if node_disjoint:
        for v in G:
            H.add_edge(('i', v), ('o', v), capacity=2 if v in (s, t) else 1, weight=0)
    for u, v, w in G.edges(data='w'):
        H.add_edge(out(u), inn(v), capacity=1, weight=w)
        H.add_edge(out(v), inn(u), capacity=1, weight=w)
    H.add_node(inn(s), demand=-2)
    H.add_node(out(t), demand=2)
    try:
        return nx.network_simplex(H)[0]
    except nx.NetworkXUnfeasible:
        return None


def suurballe(G, s, t):
    """Edge-disjoint pair by Suurballe's transformation, ns (independent of mcf2)."""
    d, P = nx.single_source_dijkstra(G, s, weight='w')
    if t not in d:
        return None
    A = set(zip(P[t], P[t][1:]))
    H = nx.DiGraph()
    for u, v, c in G.edges(data='w'):
        for x, y in ((u, v), (v, u)):
            if x in d and y in d and (x, y) not in A and (y, x) not in A:
                H.add_edge(x, y, rc=c + d[x] - d[y])
    for x, y in A:
        H.add_edge(y, x, rc=0)
    try:
        p2 = nx.dijkstra_path(H, s, t, weight='rc')
    except nx.NetworkXNoPath:
        return None
    for x, y in zip(p2, p2[1:]):
        if (y, x) in A:
            A.discard((y, x))
        else:
            A.add((x, y))
    return sum(G[x][y]['w'] for x, y in A)


def us(ns):
    return None if ns is None else ns / 1000.0


def golden(name, G, demands, apsp=True):
    out = {'graph': name, 'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(), 'demands': []}
    if apsp:
        pairs = [(s, t, d) for s, row in nx.all_pairs_dijkstra_path_length(G, weight='w')
                 for t, d in row.items() if s != t]
        out['apsp'] = {'max_latency_us': us(max(d for _, _, d in pairs)),
                       'mean_latency_us': sum(d for _, _, d in pairs) / len(pairs) / 1000.0,
                       'reachable_pairs': len(pairs)}
    for s, t in demands:
        rec = {'source': s, 'target': t}
        try:
            base = nx.dijkstra_path_length(G, s, t, weight='w')
        except nx.NetworkXNoPath:
            base = None
        rec['shortest_us'] = us(base)
        rec['yen_us'] = [] if base is None else [
            us(sum(G[a][b]['w'] for a, b in zip(p, p[1:])))
            for p in it.islice(nx.shortest_simple_paths(G, s, t, weight='w'), K)]
        e2 = mcf2(G, s, t, False)
        sb = suurballe(G, s, t)
        assert e2 == sb, (name, s, t, e2, sb)
        rec['edge_disjoint_us'] = us(e2)
        rec['node_disjoint_us'] = us(mcf2(G, s, t, True))
        worst = base
        if base is not None:
            p = nx.dijkstra_path(G, s, t, weight='w')
            for a, b in zip(p, p[1:]):
                w = G[a][b]
                G.remove_edge(a, b)
                try:
                    x = nx.dijkstra_path_length(G, s, t, weight='w')
                    worst = None if worst is None else max(worst, x)
                except nx.NetworkXNoPath:
                    worst = None
                G.add_edge(a, b, **w)
                if worst is None:
                    break
        rec['single_failure_worst_us'] = us(worst)
        rec['maxflow_gbps'] = nx.maximum_flow_value(G, s, t, capacity='cap') / 1000.0
        out['demands'].append(rec)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    os.chdir(here)
    os.makedirs('golden', exist_ok=True)
    make_rgg('rgg1k.graphml')
    for name in ('Cogentco', 'Kdl', 'rgg1k'):
        G = load(f'{name}.graphml')
        rng = random.Random(42)
        nodes = sorted(G, key=str)
        big = max(nx.connected_components(G), key=len)
        demands = []
        while len(demands) < 30:
            s, t = rng.sample(nodes, 2)
            # Mostly within the largest component; keep a few unreachable pairs.
            if (s in big and t in big) or len(demands) % 10 == 9:
                demands.append((s, t))
        with open(f'{name}.demands.csv', 'w') as f:
            f.write('source,target,gbps\n')
            for s, t in demands:
                f.write(f'{s},{t},{rng.choice((1, 10, 40))}\n')
        g = golden(name, G, demands)
        with open(f'golden/{name}.json', 'w') as f:
            json.dump(g, f, indent=1)
        print(name, G.number_of_nodes(), G.number_of_edges(), 'ok')


if __name__ == '__main__':
    main()
