#!/usr/bin/env python3
"""silkway vs pycraf 2.1 on ITU-R P.452, same land profiles, one run.

For each land profile without clutter of the ITU-R WP 3M validation set
(crates/itur/testdata/p452), with the parameters of the first row of its
results file: the median time of one complete prediction, one thread each
(pycraf: PathProp(...) + loss_complete(...); silkway: path analysis +
combination, crates/itur/examples/p452_bench.rs), and the ratio. Then a
parallel batch (rayon, all cores) of every profile x --reps.

pycraf implements P.452-16 (silkway P.452-18), so its L_b differs slightly
(free-space distance, clutter model); the L_b of both and of ITU's
reference are printed for information only.

Usage (from the repository root):
    python3 -m venv /tmp/p452-venv && /tmp/p452-venv/bin/pip install "pycraf==2.1.*"
    cargo build --release -p silkway-itur --example p452_bench
    OMP_NUM_THREADS=1 /tmp/p452-venv/bin/python bench/itur/p452_vs_pycraf.py [--reps 50]
"""
import argparse, csv, json, os, statistics, subprocess, sys, time, warnings

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "crates", "itur", "testdata", "p452")
PROFILES = [
    "flat_land_5km", "flat_land_100km", "flat_land_1000km", "land_70km",
    "rburg_rural_no_clutter", "cebreros_3995_no_clutter", "b2iseac_land_eqdist_no_clutter",
]


def load(name):
    prof = os.path.join(DATA, "profiles", f"test_profile_{name}.csv")
    d, h = [], []
    with open(prof) as f:
        next(f)
        for row in csv.reader(f):
            d.append(float(row[0])); h.append(float(row[1]))
    with open(os.path.join(DATA, "results", f"test_result_{name}.csv")) as f:
        r = next(csv.DictReader(f))
    r = {k.strip(): v.strip() for k, v in r.items()}
    return prof, d, h, r


def case_arg(prof, r):
    keys = ["f (GHz)", "p (%)", "htg (m)", "hrg (m)", "phit_e (deg)", "phit_n (deg)",
            "phir_e (deg)", "phir_n (deg)", "Gt (dBi)", "Gr (dBi)", "pol (1-h/2-v)",
            "dct (km)", "dcr (km)", "press (hPa)", "temp (deg C)", "DN", "N0"]
    return ",".join([prof] + [r[k] for k in keys])


def time_pycraf(d, h, r, reps):
    import numpy as np
    import astropy.units as u
    from pycraf import pathprof, conversions as cnv
    warnings.filterwarnings("ignore")
    dists = np.array(d) * u.km
    heights = np.array(h) * u.m
    step = (d[1] - d[0]) * 1000 * u.m
    kw = dict(
        freq=float(r["f (GHz)"]) * u.GHz, temperature=(float(r["temp (deg C)"]) + 273.15) * u.K,
        pressure=float(r["press (hPa)"]) * u.hPa,
        lon_t=float(r["phit_e (deg)"]) * u.deg, lat_t=float(r["phit_n (deg)"]) * u.deg,
        lon_r=float(r["phir_e (deg)"]) * u.deg, lat_r=float(r["phir_n (deg)"]) * u.deg,
        h_tg=float(r["htg (m)"]) * u.m, h_rg=float(r["hrg (m)"]) * u.m, hprof_step=step,
        timepercent=float(r["p (%)"]) * u.percent, omega=0 * u.percent,
        d_tm=float(r["dtm"]) * u.km, d_lm=float(r["dlm"]) * u.km,
        d_ct=float(r["dct (km)"]) * u.km, d_cr=float(r["dcr (km)"]) * u.km,
        polarization=int(r["pol (1-h/2-v)"]) - 1, version=16,
        delta_N=float(r["DN"]) / u.km, N0=float(r["N0"]) * cnv.dimless,
        hprof_dists=dists, hprof_heights=heights,
        hprof_bearing=0 * u.deg, hprof_backbearing=180 * u.deg,
    )
    gt, gr = float(r["Gt (dBi)"]) * cnv.dBi, float(r["Gr (dBi)"]) * cnv.dBi
    times, lb = [], None
    for _ in range(reps):
        t = time.perf_counter()
        pp = pathprof.PathProp(**kw)
        out = pathprof.loss_complete(pp, gt, gr)
        times.append(time.perf_counter() - t)
        lb = float(out[4].to_value(cnv.dB))
    return statistics.median(times), lb


def run_silkway(cases, reps, threads):
    exe = os.path.join(ROOT, "target", "release", "examples", "p452_bench")
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    else:
        env.pop("RAYON_NUM_THREADS", None)
    out = subprocess.run([exe, str(reps)] + cases, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=50)
    a = ap.parse_args()
    loaded = [(n,) + load(n) for n in PROFILES]
    cases = [case_arg(prof, r) for _, prof, _, _, r in loaded]
    ours1 = run_silkway(cases, a.reps, 1)
    ours_all = run_silkway(cases, a.reps, 0)
    print(f"{'profile':32} {'pts':>5} {'pycraf ms':>10} {'silkway ms':>11} {'ratio':>7}"
          f" {'Lb pycraf':>10} {'Lb silkway':>10} {'Lb ITU':>10}")
    ratios = []
    for (name, _, d, h, r), ours in zip(loaded, ours1["cases"]):
        t_py, lb_py = time_pycraf(d, h, r, max(5, a.reps // 5))
        ratio = t_py / ours["median_s"]
        ratios.append(ratio)
        print(f"{name:32} {len(d):5d} {t_py * 1e3:10.3f} {ours['median_s'] * 1e3:11.4f} {ratio:6.0f}x"
              f" {lb_py:10.3f} {ours['lb_db']:10.3f} {float(r['Lb']):10.3f}")
    print(f"median per-path ratio (1 thread each): {statistics.median(ratios):.0f}x,"
          f" min {min(ratios):.0f}x")
    n = ours1["batch_paths"]
    print(f"silkway batch of {n} paths: 1 thread {ours1['batch_s']:.3f} s"
          f" ({n / ours1['batch_s']:.0f} paths/s); {ours_all['threads']} threads"
          f" {ours_all['batch_s']:.3f} s ({n / ours_all['batch_s']:.0f} paths/s)")


if __name__ == "__main__":
    main()
