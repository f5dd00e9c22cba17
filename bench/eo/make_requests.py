"""A realistic tasking day over the Caspian region: 200 requests for
2026-06-01 (the scenario's element sets date from 2026-05-30), generated
deterministically (Python's Mersenne Twister, seed 2026; no other input).

Areas are spread over 35-48 N, 44-62 E (Caucasus, Caspian shores, Iranian
plateau, western Kazakhstan and Turkmenistan): 60 % rectangles 5-60 km a
side (some rotated 20 deg), 40 % points. Priorities 1-5 (skewed low), 15 %
stereo, maximum incidence 20-45 deg, minimum sun elevation 10-30 deg, a
quarter with a delivery deadline in the afternoon, a fifth limited to a
half-day window.

    python3 bench/eo/make_requests.py > crates/eo/testdata/requests/caspian_day.json
"""
import json
import math
import random

rng = random.Random(2026)
DAY = "2026-06-01"
requests = []
for i in range(200):
    lat = rng.uniform(35.0, 48.0)
    lon = rng.uniform(44.0, 62.0)
    if rng.random() < 0.6:
        w_km = rng.uniform(5.0, 60.0)
        h_km = rng.uniform(5.0, 60.0)
        rot = math.radians(rng.choice([0.0, 0.0, 20.0]))
        corners = []
        for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
            x, y = sx * w_km / 2, sy * h_km / 2
            x, y = x * math.cos(rot) - y * math.sin(rot), x * math.sin(rot) + y * math.cos(rot)
            corners.append([round(lon + x / (111.32 * math.cos(math.radians(lat))), 5),
                            round(lat + y / 110.95, 5)])
        corners.append(corners[0])
        aoi = {"type": "Polygon", "coordinates": [corners]}
    else:
        aoi = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
    start, end = f"{DAY}T00:00:00Z", "2026-06-02T00:00:00Z"
    if rng.random() < 0.2:
        start, end = (f"{DAY}T00:00:00Z", f"{DAY}T12:00:00Z") if rng.random() < 0.5 else (f"{DAY}T06:00:00Z", f"{DAY}T18:00:00Z")
    r = {
        "id": f"r{i + 1:03d}",
        "customer": rng.choice(["azercosmos", "ghalam", "ir-buyer", "ge-agency", "uz-agency"]),
        "aoi": aoi,
        "window": {"start": start, "end": end},
        "priority": rng.choice([1, 1, 1, 2, 2, 3, 3, 4, 5]),
        "max_incidence_deg": rng.choice([20.0, 25.0, 30.0, 35.0, 45.0]),
        "min_sun_elevation_deg": rng.choice([10.0, 15.0, 20.0, 30.0]),
        "mode": "stereo" if rng.random() < 0.15 else "mono",
    }
    if rng.random() < 0.25:
        r["deliver_by"] = f"{DAY}T{rng.choice([12, 15, 18])}:00:00Z"
    requests.append(r)
print(json.dumps({"requests": requests}, indent=1))
