#!/usr/bin/env python3
"""Extract Natural Earth country polygons around the Caspian.

Input: countries-110m.json of the npm package world-atlas 2.0.2 (Natural
Earth 4.1.0 "Admin 0 – Countries", 1:110m, as TopoJSON; public domain).

Output (stdout): CSV `iso_n3,alpha2,name,ring,lon_deg,lat_deg`, one line
per vertex; rings of a country's polygons (outer rings and holes, even-odd
rule), for countries within 40–60 E ± 20°, i.e. with a vertex in the
window 25–75 E, 25–55 N. `alpha2` is filled for the countries of the
region from ISO 3166-1 (numeric → alpha-2, written out below); it is
empty for the others.

Usage: python3 extract_countries.py countries-110m.json > countries_caspian_110m.csv
"""
import json
import sys

LON0, LON1, LAT0, LAT1 = 25.0, 75.0, 25.0, 55.0

# ISO 3166-1 numeric → alpha-2 for the countries around the Caspian.
ALPHA2 = {
    "004": "AF", "031": "AZ", "048": "BH", "051": "AM", "268": "GE",
    "364": "IR", "368": "IQ", "376": "IL", "400": "JO", "398": "KZ",
    "414": "KW", "417": "KG", "422": "LB", "512": "OM", "586": "PK",
    "634": "QA", "643": "RU", "682": "SA", "760": "SY", "762": "TJ",
    "784": "AE", "792": "TR", "795": "TM", "804": "UA", "860": "UZ",
    "818": "EG", "196": "CY", "100": "BG", "642": "RO", "498": "MD",
    "112": "BY", "156": "CN", "356": "IN", "496": "MN", "887": "YE",
    "300": "GR", "275": "PS",
}


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


def main():
    topo = json.load(open(sys.argv[1]))
    print("iso_n3,alpha2,name,ring,lon_deg,lat_deg")
    n = 0
    for g in topo["objects"]["countries"]["geometries"]:
        if "arcs" not in g:
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = []
        for poly in polys:
            for ring in poly:
                pts = []
                for a in ring:
                    seg = decode(topo, a)
                    pts += seg if not pts else seg[1:]
                rings.append(pts)
        if not any(LON0 <= x <= LON1 and LAT0 <= y <= LAT1 for r in rings for x, y in r):
            continue
        iso = g.get("id", "")
        name = g["properties"]["name"].replace(",", " ")
        for r in rings:
            for x, y in r:
                print(f"{iso},{ALPHA2.get(iso, '')},{name},{n},{x},{y}")
            n += 1


main()
