"""Reference pass tables and GEO look angles from Skyfield 1.55 (offline).

Satellites (CelesTrak snapshot in testdata/tle): SPOT 6, SPOT 7, KAZEOSAT 1,
KAZEOSAT 2, ISS (ZARYA); stations Baku (40.41 N, 49.87 E, 0 m) and Almaty
(43.24 N, 76.89 E, 800 m); window 2026-05-31T00:00Z + 3 days; minimum
elevation 10 deg. Skyfield's find_events locates events to about half a
second, so each AOS/LOS is refined here by bisection on Skyfield's own
altitude to 1 ms, and each maximum by golden-section search on it.

GEO look angles: AZERSPACE 1, AZERSPACE 2 (IS-38), KAZSAT-2, KAZSAT-3 from
both stations every 6 h over the window.

Writes testdata/skyfield/passes.csv and testdata/skyfield/geo_look.csv.

    pip install skyfield==1.55 sgp4==2.27
    python3 crates/orbit/scripts/make_skyfield_tables.py
"""
import os
import skyfield
from skyfield.api import load, wgs84, EarthSatellite

assert skyfield.__version__ == "1.55", skyfield.__version__
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "testdata")
ts = load.timescale(builtin=True)

def read_tles():
    sats = {}
    for f in ("resource.tle", "stations.tle", "geo.tle"):
        lines = [l.rstrip("\n") for l in open(os.path.join(data, "tle", f)) if l.strip()]
        for i in range(0, len(lines) - 2, 3):
            name = lines[i].strip()
            sats.setdefault(name, EarthSatellite(lines[i + 1], lines[i + 2], name, ts))
    return sats

sats = read_tles()
stations = {"Baku": wgs84.latlon(40.41, 49.87, elevation_m=0.0),
            "Almaty": wgs84.latlon(43.24, 76.89, elevation_m=800.0)}
t0 = ts.utc(2026, 5, 31)
t1 = ts.utc(2026, 6, 3)
MIN_EL = 10.0
DAY = 86400.0

def alt_az(sat, st, jd):
    t = ts.tt_jd(jd)
    alt, az, dist = (sat - st).at(t).altaz()
    return alt.degrees, az.degrees, dist.km

def bisect(sat, st, a, b, rising):
    # a, b: TT Julian dates bracketing the crossing of MIN_EL
    for _ in range(60):
        if (b - a) * DAY < 1e-4:
            break
        m = 0.5 * (a + b)
        above = alt_az(sat, st, m)[0] > MIN_EL
        if above == rising:
            b = m
        else:
            a = m
    return 0.5 * (a + b)

def golden_max(sat, st, a, b):
    g = (5 ** 0.5 - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = alt_az(sat, st, c)[0], alt_az(sat, st, d)[0]
    while (b - a) * DAY > 1e-3:
        if fc > fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = alt_az(sat, st, c)[0]
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = alt_az(sat, st, d)[0]
    return 0.5 * (a + b)

def iso(jd):
    return ts.tt_jd(jd).utc_strftime("%Y-%m-%dT%H:%M:%S.%fZ")

rows = []
for name in ("SPOT 6", "SPOT 7", "KAZEOSAT 1", "KAZEOSAT 2", "ISS (ZARYA)"):
    sat = sats[name]
    for sname, st in stations.items():
        t, ev = sat.find_events(st, t0, t1, altitude_degrees=MIN_EL)
        jds = [x.tt for x in t]
        aos = None
        tca = None
        for jd, e in zip(jds, ev):
            if e == 0:
                aos = bisect(sat, st, jd - 2 / DAY, jd + 2 / DAY, True)
                tca = None
            elif e == 1 and aos is not None:
                tca = jd
            elif e == 2 and aos is not None and tca is not None:
                los = bisect(sat, st, jd - 2 / DAY, jd + 2 / DAY, False)
                tm = golden_max(sat, st, max(aos, tca - 30 / DAY), min(los, tca + 30 / DAY))
                max_el = alt_az(sat, st, tm)[0]
                rows.append((name, sat.model.satnum, sname, iso(aos), iso(tm), iso(los),
                             max_el, alt_az(sat, st, aos)[1], alt_az(sat, st, los)[1]))
                aos = None
with open(os.path.join(data, "skyfield", "passes.csv"), "w") as out:
    out.write("satellite,norad_id,station,aos,tca,los,max_elevation_deg,aos_azimuth_deg,los_azimuth_deg\n")
    for r in rows:
        out.write("%s,%d,%s,%s,%s,%s,%.6f,%.6f,%.6f\n" % r)
print(len(rows), "passes")

with open(os.path.join(data, "skyfield", "geo_look.csv"), "w") as out:
    out.write("satellite,norad_id,station,time,azimuth_deg,elevation_deg,range_km\n")
    for name in ("AZERSPACE 1", "AZERSPACE 2 (IS-38)", "KAZSAT-2", "KAZSAT-3"):
        sat = sats[name]
        for sname, st in stations.items():
            for k in range(13):
                t = ts.utc(2026, 5, 31, 6 * k)
                alt, az, dist = (sat - st).at(t).altaz()
                out.write("%s,%d,%s,%s,%.6f,%.6f,%.6f\n" % (
                    name, sat.model.satnum, sname, t.utc_strftime("%Y-%m-%dT%H:%M:%SZ"),
                    az.degrees, alt.degrees, dist.km))
print("geo done")
