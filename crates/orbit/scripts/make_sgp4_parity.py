"""Reference states from python-sgp4 2.27 for the CelesTrak snapshot.

For every element set in testdata/tle/*.tle (3-line files), three times are
drawn, one in each day of 0-72 h after epoch (seeded by file and index), and
the TEME position from python-sgp4 (WGS72, opsmode 'i', the defaults of
Satrec.twoline2rv) is written with 1 mm resolution; a propagation error is
written with its code. Output: testdata/sgp4_parity.txt (plain text).

    pip install sgp4==2.27
    python3 crates/orbit/scripts/make_sgp4_parity.py
"""
import glob, os, random
import sgp4
from sgp4.api import Satrec, WGS72

assert sgp4.__version__ == "2.27", sgp4.__version__
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "testdata")
out = open(os.path.join(data, "sgp4_parity.txt"), "w")
out.write("# python-sgp4 %s; file index minutes x_km y_km z_km | file index minutes E code\n"
          % sgp4.__version__)
n = 0
for path in sorted(glob.glob(os.path.join(data, "tle", "*.tle"))):
    name = os.path.basename(path)
    lines = [l.rstrip("\n") for l in open(path) if l.strip()]
    for idx in range(len(lines) // 3):
        l1, l2 = lines[3 * idx + 1].rstrip(), lines[3 * idx + 2].rstrip()
        sat = Satrec.twoline2rv(l1, l2, WGS72)
        rng = random.Random("%s:%d" % (name, idx))
        for day in range(3):
            t = round(1440.0 * (day + rng.random()), 3)
            e, r, v = sat.sgp4_tsince(t)
            if e:
                out.write("%s %d %.3f E %d\n" % (name, idx, t, e))
            else:
                out.write("%s %d %.3f %.6f %.6f %.6f\n" % (name, idx, t, *r))
            n += 1
print("wrote", n, "states")
