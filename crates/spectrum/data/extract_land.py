#!/usr/bin/env python3
"""Extract Natural Earth land polygons around the Caspian for App. 7 zones.

Input: land-50m.json of the npm package world-atlas 2.0.2 (Natural Earth
4.1.0 "Land", 1:50m, as TopoJSON; Natural Earth is public domain). Get it
with `npm pack world-atlas@2.0.2` and untar.

Output (stdout): CSV `ring,lon_deg,lat_deg`, one line per vertex, one
ring per polygon ring (outer or hole; inside/outside is decided by the
even-odd rule). Only rings with a vertex in the window 20–80 E, 15–60 N
are kept, each whole (clipping would need care to keep the rings
closed and is not worth it at 1:50m).

Usage: python3 extract_land.py land-50m.json > land_caspian_50m.csv
"""
import json
import sys

LON0, LON1, LAT0, LAT1 = 20.0, 80.0, 15.0, 60.0


def decode(topo, i):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    rev = i < 0
    arc = topo["arcs"][~i if rev else i]
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append((round(x * sx + tx, 4), round(y * sy + ty, 4)))
    return pts[::-1] if rev else pts


def inside(p):
    return LON0 <= p[0] <= LON1 and LAT0 <= p[1] <= LAT1


def main():
    topo = json.load(open(sys.argv[1]))
    print("ring,lon_deg,lat_deg")
    n = 0
    for g in topo["objects"]["land"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        for poly in polys:
            for ring in poly:
                pts = []
                for a in ring:
                    seg = decode(topo, a)
                    pts += seg if not pts else seg[1:]
                if not any(inside(p) for p in pts):
                    continue
                kept = pts
                for p in kept:
                    print(f"{n},{p[0]},{p[1]}")
                n += 1


main()
