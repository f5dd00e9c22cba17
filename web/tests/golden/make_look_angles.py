"""Reference look angles for the browser tests, computed by pymap3d.

pymap3d (https://github.com/geospace-code/pymap3d, BSD-2-Clause) is an
independent implementation of geodetic -> ECEF -> local AER on WGS84. Each
station of the scenario GeoJSON looks at each GEO satellite, placed as the
UI places it: on the equator at radius 42 164.17 km (silkway_model::wgs84).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pymap3d==3.2.0
    cargo run -q -p silkway-cli -- scenario show --builtin caspian --format geojson > /tmp/caspian.geojson
    /tmp/venv/bin/python make_look_angles.py /tmp/caspian.geojson > look-angles-pymap3d.json
"""

import json
import math
import sys

import pymap3d

GEO_RADIUS_M = 42_164_170.0

scenario = json.load(open(sys.argv[1]))
stations = [f for f in scenario["features"] if f["properties"]["layer"] == "station"]
satellites = [
    f for f in scenario["features"]
    if f["properties"]["layer"] == "satellite" and f["properties"]["orbit"] == "geo"
]
rows = []
for st in stations:
    lon0, lat0, h0 = st["geometry"]["coordinates"]
    for sat in satellites:
        lam = math.radians(sat["geometry"]["coordinates"][0])
        az, el, rng = pymap3d.ecef2aer(
            GEO_RADIUS_M * math.cos(lam), GEO_RADIUS_M * math.sin(lam), 0.0, lat0, lon0, h0
        )
        rows.append({
            "station": st["properties"]["id"],
            "satellite": sat["properties"]["id"],
            "azimuth_deg": round(float(az), 9),
            "elevation_deg": round(float(el), 9),
            "range_km": round(float(rng) / 1000, 9),
        })
json.dump({
    "source": "pymap3d 3.2.0 ecef2aer (WGS84), satellites at 42164.17 km on the equator",
    "rows": rows,
}, sys.stdout, indent=1)
print()
