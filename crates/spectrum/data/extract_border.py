#!/usr/bin/env python3
"""Extract the Azerbaijan–Iran land boundary from Natural Earth admin-0.

Input: countries-10m.json of the npm package world-atlas 2.0.2 (Natural
Earth 4.1.0 "Admin 0 – Countries", 1:10m, as TopoJSON; Natural Earth is
public domain). Get it with `npm pack world-atlas@2.0.2` and untar.

Output (stdout): CSV `segment,lon_deg,lat_deg`, one line per vertex, one
segment per connected chain of arcs shared by the two countries
(ISO 3166-1 numeric 031 Azerbaijan, 364 Iran): the Nakhchivan–Iran and
the mainland Azerbaijan–Iran boundaries.

Usage: python3 extract_border.py countries-10m.json > border_az_ir.csv
"""
import json
import sys

AZ, IR = "031", "364"


def arcs_of(geom):
    out = set()
    polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
    for poly in polys:
        for ring in poly:
            for a in ring:
                out.add(a if a >= 0 else ~a)
    return out


def decode(topo, i):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    x = y = 0
    pts = []
    for dx, dy in topo["arcs"][i]:
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    return pts


def main():
    topo = json.load(open(sys.argv[1]))
    geoms = {g.get("id"): g for g in topo["objects"]["countries"]["geometries"]}
    shared = sorted(arcs_of(geoms[AZ]) & arcs_of(geoms[IR]))
    lines = [decode(topo, i) for i in shared]
    # Chain arcs that share end points into segments.
    segments = []
    while lines:
        seg = lines.pop(0)
        grown = True
        while grown:
            grown = False
            for k, other in enumerate(lines):
                if other[0] == seg[-1]:
                    seg += other[1:]
                elif other[-1] == seg[-1]:
                    seg += other[::-1][1:]
                elif other[-1] == seg[0]:
                    seg = other[:-1] + seg
                elif other[0] == seg[0]:
                    seg = other[::-1][:-1] + seg
                else:
                    continue
                lines.pop(k)
                grown = True
                break
        segments.append(seg)
    segments.sort(key=lambda s: min(p[0] for p in s))  # west (Nakhchivan) first
    print("segment,lon_deg,lat_deg")
    for n, seg in enumerate(segments):
        for lon, lat in seg:
            print(f"{n},{lon:.5f},{lat:.5f}")


if __name__ == "__main__":
    main()
