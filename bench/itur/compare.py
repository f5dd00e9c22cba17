#!/usr/bin/env python3
"""silkway vs itur 0.4.0 on the issue-4 workload, in one run.

P.618-13 total attenuation toward GEO 46E, 12 GHz, p = 0.01 %, D = 1.2 m,
eta = 0.65 on the 100 x 100 grid 36-48N x 44-60E.

Usage (from the repository root, maps installed, `pip install itur==0.4.0`):
    python3 bench/itur/compare.py [--runs 3]
Prints itur's and silkway's timings, the ratios and the largest difference
between the two tools' grids. Single-thread: OMP_NUM_THREADS=1 and
RAYON_NUM_THREADS=1; the all-core silkway figure uses every core.
"""
import argparse, json, os, subprocess, sys, tempfile, time, warnings

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_itur(runs):
    t0 = time.perf_counter()
    import numpy as np
    import itur
    from itur.utils import elevation_angle
    warnings.filterwarnings("ignore")
    t_import = time.perf_counter() - t0

    def total(lat, lon):
        el = elevation_angle(35786.0, 0.0, 46.0, lat, lon)
        return itur.atmospheric_attenuation_slant_path(lat, lon, 12.0, el, 0.01, 1.2, eta=0.65), el

    t = time.perf_counter(); a1, _ = total(40.41, 49.87); cold = time.perf_counter() - t
    pts = []
    for _ in range(20):
        t = time.perf_counter(); total(40.41, 49.87); pts.append(time.perf_counter() - t)
    lat = np.linspace(36.0, 48.0, 100); lon = np.linspace(44.0, 60.0, 100)
    LON, LAT = np.meshgrid(lon, lat)
    tg = []
    for _ in range(runs):
        t = time.perf_counter(); A, EL = total(LAT, LON); tg.append(time.perf_counter() - t)
    return dict(import_s=t_import, cold_point_s=cold + t_import, point_s=float(np.median(pts)),
                grid_s=float(np.median(tg)), baku=float(a1.value), A=np.asarray(A.value).ravel(),
                EL=np.asarray(EL).ravel())


def run_silkway(threads, values=None):
    exe = os.path.join(ROOT, "target", "release", "examples", "grid_bench")
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    else:
        env.pop("RAYON_NUM_THREADS", None)
    args = [exe] + (["--values", values] if values else [])
    t = time.perf_counter()
    out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t
    r = json.loads(out.strip().splitlines()[-1])
    r["process_wall_s"] = wall
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "silkway-itur", "--example", "grid_bench"],
                   cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as d:
        vals = os.path.join(d, "grid.csv")
        s1 = run_silkway(1, vals)
        it = run_itur(a.runs)
        s1b = run_silkway(1)
        sall = run_silkway(None)
        import numpy as np
        ours = np.genfromtxt(vals, delimiter=",", names=True)
        diff_raw = np.abs(ours["a_total_db"] - it["A"])
        diff = np.nanmax(np.abs(ours["a_total_db_hs_clamped"] - it["A"]))
        below = ours["hs_km"] < 0
        del_el = np.nanmax(np.abs(ours["elevation_deg"] - it["EL"]))
    grid_1 = min(s1["grid_serial_s"], s1b["grid_serial_s"])
    print(f"itur 0.4.0 : grid {it['grid_s']:.3f} s, single point {it['point_s']*1e3:.2f} ms, "
          f"cold start (import + first point) {it['cold_point_s']:.2f} s, Baku {it['baku']:.4f} dB")
    print(f"silkway    : grid {grid_1*1e3:.1f} ms (1 thread), {sall['grid_parallel_s']*1e3:.1f} ms "
          f"({sall['threads']} threads), single point {s1['point_s']*1e6:.1f} us, "
          f"cold start (process start to first point, maps loaded) {s1['cold_point_s']*1e3:.1f} ms, "
          f"to first full grid {s1['cold_total_s']:.3f} s, Baku {s1['baku_a_total_db']:.4f} dB")
    print(f"ratio grid single-thread: {it['grid_s']/grid_1:.0f}x; all cores: {it['grid_s']/sall['grid_parallel_s']:.0f}x; "
          f"single point: {it['point_s']/s1['point_s']:.0f}x; cold start: {it['cold_point_s']/s1['cold_point_s']:.0f}x")
    print(f"max |A_total(silkway) - A_total(itur)| over the grid: {diff:.2e} dB with itur's convention "
          f"(station heights clamped to >= 0 km); max elevation diff {del_el:.1e} deg")
    print(f"  with P.1511-2 heights as they are (negative at {below.sum()} points of the Caspian depression): "
          f"max diff {np.nanmax(diff_raw):.3f} dB; {np.nanmax(diff_raw[~below]):.2e} dB where hs >= 0")
    return 0 if diff <= 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
