"""Independent SPOT 6 access windows and roll over point targets, with
Skyfield 1.55 (offline: no ephemeris file is needed, only SGP4 and the
ITRS frame; the sun is not compared).

Geometry, written here from the definitions in silkway's
crates/eo/src/geom/pointing.rs doc comment (not from its code):
  z = -r/|r| (geocentric nadir), y = unit(z x v) with v the ITRS velocity,
  x = y x z; line of sight u = target - satellite;
  roll = atan2(u.y, u.z), pitch = asin(u.x / |u|).
Broadside = pitch 0 (falling through zero with the target in view); the
access window of a target is [pitch = +30 deg, pitch = -30 deg] around it,
kept when |roll at broadside| <= 30 deg (SPOT 6 standard limits).
Incidence = 90 deg - elevation of the satellite seen from the target
(Skyfield altaz on the WGS84 ellipsoid).

SPOT 6 elements: the built-in scenario's (crates/model/scenarios/caspian.toml).
Window 2026-06-01T00:00Z + 4 days. Instants by bisection to 0.1 ms on
Skyfield's own positions.

    pip install skyfield==1.55 sgp4==2.27 numpy
    python3 bench/eo/skyfield_access.py > crates/eo/testdata/skyfield/spot6_access.csv
"""
import os
import sys
import tomllib

import numpy as np
import skyfield
from skyfield.api import EarthSatellite, load, wgs84
from skyfield.framelib import itrs

assert skyfield.__version__ == "1.55", skyfield.__version__
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
scenario = tomllib.load(open(os.path.join(root, "crates/model/scenarios/caspian.toml"), "rb"))
spot6 = next(s for s in scenario["satellites"] if s["id"] == "spot-6")
ts = load.timescale(builtin=True)
sat = EarthSatellite(spot6["tle"]["line1"], spot6["tle"]["line2"], "SPOT 6", ts)

TARGETS = [  # FACTS.md places (approximate), (lat, lon)
    ("baku", 40.41, 49.87),
    ("aktau", 43.65, 51.17),
    ("turkmenbashi", 40.02, 52.96),
    ("tehran", 35.69, 51.39),
    ("atyrau", 47.11, 51.92),
]
ROLL_MAX = 30.0
PITCH_MAX = 30.0
DAY = 86400.0
t0 = ts.utc(2026, 6, 1)
DAYS = 4


def state(jd):
    t = ts.tt_jd(jd)
    r, v = sat.at(t).frame_xyz_and_velocity(itrs)
    return np.asarray(r.km), np.asarray(v.km_per_s)


def angles(jd, target):
    r, v = state(jd)
    z = -r / np.linalg.norm(r, axis=0)
    y = np.cross(z, v, axis=0)
    y = y / np.linalg.norm(y, axis=0)
    x = np.cross(y, z, axis=0)
    u = target.reshape(3, *([1] * (r.ndim - 1))) - r
    ux, uy, uz = (u * x).sum(0), (u * y).sum(0), (u * z).sum(0)
    rng = np.linalg.norm(u, axis=0)
    return np.degrees(np.arctan2(uy, uz)), np.degrees(np.arcsin(ux / rng)), rng


def crossing(a, b, target, level):
    """Bisection for pitch == level in [a, b] (pitch decreasing)."""
    for _ in range(80):
        if (b - a) * DAY < 1e-4:
            break
        m = 0.5 * (a + b)
        if angles(m, target)[1] > level:
            a = m
        else:
            b = m
    return 0.5 * (a + b)


def iso(jd):
    return ts.tt_jd(jd).utc_strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# The ITRS velocity must be the Earth-fixed one: check it against a
# finite difference of ITRS positions.
jd = t0.tt + 0.01
r1, v1 = state(jd)
r2, _ = state(jd + 1.0 / DAY)
assert np.linalg.norm((r2 - r1) - v1) < 5e-3, (r2 - r1, v1)

step = 10.0 / DAY
grid = t0.tt + np.arange(0.0, DAYS, step)
print("aoi,broadside,window_start,window_end,roll_deg,incidence_deg")
for name, lat, lon in TARGETS:
    site = wgs84.latlon(lat, lon)
    target = np.asarray(site.itrs_xyz.km)
    roll, pitch, rng = angles(grid, target)
    falls = np.nonzero((pitch[:-1] > 0) & (pitch[1:] <= 0) & (rng[:-1] < 3500.0))[0]
    for i in falls:
        tb = crossing(grid[i], grid[i + 1], target, 0.0)
        roll_b = float(angles(tb, target)[0])
        if abs(roll_b) > ROLL_MAX:
            continue
        w0 = crossing(tb - 400.0 / DAY, tb, target, PITCH_MAX)
        w1 = crossing(tb, tb + 400.0 / DAY, target, -PITCH_MAX)
        alt, _, _ = (sat - site).at(ts.tt_jd(tb)).altaz()
        print(f"{name},{iso(tb)},{iso(w0)},{iso(w1)},{roll_b:.5f},{90.0 - alt.degrees:.5f}")
sys.stdout.flush()
