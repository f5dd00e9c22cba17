#!/usr/bin/env python3
"""Extract the Natural Earth land outline for 20–80°E, 25–55°N from the
npm package world-atlas 2.0.2 (land-10m.json, TopoJSON; ISC licence, data
Natural Earth, public domain) into land_20e80e_25n55n.txt.

Usage: npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
       python3 extract.py package/land-10m.json > land_20e80e_25n55n.txt

Every ring of the MultiPolygon is decoded (delta-encoded, quantized arcs),
clipped to the box with Sutherland–Hodgman (edges lying on the box
boundary are artificial and are not coastline), and written as lines
"lon lat" (degrees, 3 decimals), rings separated by a line "ring".
"""
import json
import sys

W, E, S, N = 20.0, 80.0, 25.0, 55.0


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_coords(arcs, ring):
    out = []
    for a in ring:
        pts = arcs[a] if a >= 0 else list(reversed(arcs[~a]))
        if out:
            pts = pts[1:]
        out.extend(pts)
    return out


def clip(poly, inside, intersect):
    out = []
    for i, cur in enumerate(poly):
        prev = poly[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(intersect(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(intersect(prev, cur))
    return out


def clip_box(poly):
    def ix(x0):
        return lambda p, q: (x0, p[1] + (q[1] - p[1]) * (x0 - p[0]) / (q[0] - p[0]))

    def iy(y0):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y0 - p[1]) / (q[1] - p[1]), y0)

    for inside, inter in (
        (lambda p: p[0] >= W, ix(W)),
        (lambda p: p[0] <= E, ix(E)),
        (lambda p: p[1] >= S, iy(S)),
        (lambda p: p[1] <= N, iy(N)),
    ):
        if not poly:
            break
        poly = clip(poly, inside, inter)
    return poly


def main():
    topo = json.load(open(sys.argv[1]))
    arcs = decode_arcs(topo)
    geoms = topo["objects"]["land"]["geometries"]
    rings = []
    for g in geoms:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        for poly in polys:
            for ring in poly:
                pts = ring_coords(arcs, ring)
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                if max(xs) < W or min(xs) > E or max(ys) < S or min(ys) > N:
                    continue
                c = clip_box(pts)
                if len(c) >= 3:
                    rings.append(c)
    print("# Natural Earth 1:10m land (public domain) via npm world-atlas 2.0.2 land-10m.json (ISC),")
    print("# clipped to 20-80E, 25-55N by crates/itur/data/coastline/extract.py. Rings: 'ring' then 'lon lat' lines.")
    for r in rings:
        print("ring")
        last = None
        for x, y in r:
            s = f"{x:.3f} {y:.3f}"
            if s != last:
                print(s)
            last = s


main()
