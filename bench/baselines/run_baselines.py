#!/usr/bin/python3
"""Run every baseline on every example model and write JSON records.

    /usr/bin/python3 bench/baselines/run_baselines.py --models-dir DIR --json OUT.json
        [--steps 1000] [--reps 11] [--warmup 1] [--k 0.5 1 3] [--density 1.0 0.1]
        [--baselines openblas torch sparsifier] [--sparsifier-variants codegen codegen-vl16 runtime-lib]

Models s5-k<k>-d<density>.safetensors are (re)created in DIR with scripts/make-example-models
when missing. Baselines (batch 1, single thread, streaming steps from a running state):
  openblas-sgemv      full step, dense float32, cblas_sgemv (openblas_step.c)       all models
  torch-eager         full step, PyTorch eager, F.linear, real/imag float32 state   all models
  mlir-sparsifier-*   projections only (CSR linalg.matvec via mlir-opt-22 --sparsifier),
                      one variant per pipeline configuration                       density < 1 only
Each baseline is first checked (full steps: 64 steps vs test/e2e/reference.py, relative error
<= 1e-4; sparsifier: every product vs numpy); a failed check is reported, recorded with
"check_failed" and makes the script exit 1. Latency: per repetition, the mean µs/step over
--steps streaming steps; records hold the median and min over --reps repetitions (after
--warmup discarded repetitions).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback

os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import openblas_baseline  # noqa: E402
import sparsifier_proj  # noqa: E402

MAKE_MODELS = os.path.join(common.ROOT, "scripts", "make-example-models")


def model_file(k, density):
    return f"s5-k{k:g}-d{density:g}.safetensors"


def ensure_models(models_dir, ks, densities):
    os.makedirs(models_dir, exist_ok=True)
    for k in ks:
        missing = [d for d in densities if not os.path.exists(os.path.join(models_dir, model_file(k, d)))]
        if missing:
            subprocess.run([sys.executable, MAKE_MODELS, "--out", models_dir, "--k", f"{k:g}",
                            "--density", *[f"{d:g}" for d in missing]], check=True)


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models-dir", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--steps", type=int, default=1000, help="streaming steps per repetition (>= 200)")
    ap.add_argument("--reps", type=int, default=11, help="timed repetitions (>= 5)")
    ap.add_argument("--warmup", type=int, default=1, help="discarded repetitions before timing")
    ap.add_argument("--k", type=float, nargs="+", default=[0.5, 1.0, 3.0])
    ap.add_argument("--density", type=float, nargs="+", default=[1.0, 0.1])
    ap.add_argument("--baselines", nargs="+", default=["openblas", "torch", "sparsifier"],
                    choices=["openblas", "torch", "sparsifier"])
    ap.add_argument("--sparsifier-variants", nargs="+", default=list(sparsifier_proj.VARIANTS),
                    choices=list(sparsifier_proj.VARIANTS))
    args = ap.parse_args(argv)
    if args.steps < 200 or args.reps < 5:
        ap.error("need --steps >= 200 and --reps >= 5")

    ensure_models(args.models_dir, args.k, args.density)
    machine, date = common.machine(), common.today()
    records, failures = [], []
    t_start = time.time()
    base = {"steps": args.steps, "warmup_repetitions": args.warmup, "batch": 1, "threads": 1,
            "machine": machine, "date": date}

    def record(baseline, scope, path, k, density, cfg, chk, per_rep, cpu_rep, extra=None):
        r = {"baseline": baseline, "scope": scope, "model": os.path.basename(path), "k": k, "density": density,
             "d_model": cfg["d_model"], "d_state": cfg["d_state"]}
        r.update(common.summarize(per_rep, cpu_rep))
        r.update(base)
        r["check"] = chk
        r["loadavg_after"] = loadavg()
        if extra:
            r.update(extra)
        records.append(r)
        print(f"  {baseline:32s} {r['model']:26s} median {r['us_per_step_median']:10.2f} us/step "
              f"(min {r['us_per_step_min']:.2f}; CPU time median {r['cpu_us_per_step_median']:.2f}; "
              f"{r['repetitions']} x {args.steps} steps)", flush=True)

    def failed(baseline, path, k, density, err):
        msg = f"{baseline} on {os.path.basename(path)}: {err}"
        print(f"!! FAILURE {msg}", flush=True)
        failures.append(msg)
        records.append({"baseline": baseline, "model": os.path.basename(path), "k": k, "density": density,
                        "check_failed": str(err), **base})

    torch_step = None
    if "torch" in args.baselines:
        import torch_step  # noqa: F401  (sets torch to one thread)
    with tempfile.TemporaryDirectory(prefix="lrnn-baselines-") as tmp:
        exe = openblas_baseline.build(tmp) if "openblas" in args.baselines else None
        for k in args.k:
            for density in args.density:
                path = os.path.join(args.models_dir, model_file(k, density))
                cfg, _ = common.step_params(path)
                print(f"== {os.path.basename(path)}: H={cfg['d_model']} N={cfg['d_state']}", flush=True)
                if exe:
                    try:
                        chk, wall, cpu = openblas_baseline.run_model(path, tmp, exe, args.steps, args.reps, args.warmup)
                        record("openblas-sgemv", "full-step", path, k, density, cfg, chk, wall, cpu)
                    except (SystemExit, Exception) as e:  # noqa: BLE001
                        traceback.print_exc()
                        failed("openblas-sgemv", path, k, density, e)
                if torch_step:
                    try:
                        chk, wall, cpu = torch_step.run_model(path, args.steps, args.reps, args.warmup)
                        record("torch-eager", "full-step", path, k, density, cfg, chk, wall, cpu)
                    except (SystemExit, Exception) as e:  # noqa: BLE001
                        traceback.print_exc()
                        failed("torch-eager", path, k, density, e)
                if "sparsifier" in args.baselines and density < 1.0:
                    try:
                        info, res = sparsifier_proj.run_model(path, tmp, args.sparsifier_variants,
                                                              args.steps, args.reps, args.warmup)
                        for v, (chk, wall, cpu) in res.items():
                            record(f"mlir-sparsifier-{v}", "projections-only", path, k, density, cfg, chk, wall, cpu,
                                   {"sparsifier_options": sparsifier_proj.VARIANTS[v], **info})
                    except (SystemExit, Exception) as e:  # noqa: BLE001
                        traceback.print_exc()
                        failed("mlir-sparsifier", path, k, density, e)

    with open(args.json, "w") as f:
        json.dump(records, f, indent=1)
    # summary table
    models = [model_file(k, d) for k in args.k for d in args.density]
    names = []
    for r in records:
        if r["baseline"] not in names:
            names.append(r["baseline"])
    for key, label in (("us_per_step_median", "wall-clock µs/step, median"),
                       ("us_per_step_min", "wall-clock µs/step, min"),
                       ("cpu_us_per_step_median", "process CPU µs/step, median")):
        print(f"\n{label} over {args.reps} x {args.steps} steps ({machine}; {date}; "
              f"{time.time() - t_start:.0f} s total)")
        print("| baseline | " + " | ".join(m.replace(".safetensors", "") for m in models) + " |")
        print("| --- |" + " --- |" * len(models))
        for n in names:
            cells = []
            for m in models:
                r = next((r for r in records if r["baseline"] == n and r["model"] == m), None)
                cells.append("—" if r is None else ("FAIL" if "check_failed" in r else f"{r[key]:.1f}"))
            print(f"| {n} | " + " | ".join(cells) + " |")
    print(f"wrote {len(records)} records to {args.json}")
    if failures:
        print("CHECK FAILURES:\n  " + "\n  ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
