#!/usr/bin/python3
"""CPU backend benchmark (issue 5): per-step latency at batch 1, streaming, of the compiled
model (`lrnnc --target=cpu`, float and w8a16 fixed point) on dense and 90%-pruned (ERK) models
at k = 0.5, 1, 3, next to the baselines of bench/baselines/ (OpenBLAS sgemv dense step, PyTorch
eager, upstream MLIR sparsifier projections) measured in the same run on the same weights; also
throughput for 1, 8 and 64 streams, model memory, and the floor of each model on this machine.

Times are process CPU time (medians over repetitions), which the shared, loaded machines this
runs on disturb far less than wall time; wall-time medians are recorded too. Not part of CI.

    bench/cpu.py [--build build] [--models-dir DIR] [--json OUT.json] [--markdown]
        [--skip-baselines] [--k 0.5 1 3]
"""
import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "bench", "cpu")


def run(argv, **kw):
    return subprocess.run(argv, check=True, capture_output=True, text=True, **kw)


def model_file(k, density):
    return f"s5-k{k:g}-d{density:g}.safetensors"


def rodata_bytes(obj):
    """Bytes of constant data in an object: the weights, indices and tables."""
    out = run(["size", "-A", obj]).stdout
    return sum(int(m.group(1)) for m in re.finditer(r"^\.rodata\S*\s+(\d+)", out, re.M))


def ours(bin_dir, model, tmp, extra, steps, reps):
    obj, header = os.path.join(tmp, "model.o"), os.path.join(tmp, "model.h")
    run([os.path.join(bin_dir, "lrnnc"), model, "--target=cpu", "--name", "model", "-o", obj,
         "--header", header, *extra])
    exe = os.path.join(tmp, "driver")
    run(["cc", "-O2", "-I", tmp, os.path.join(HERE, "driver.c"), obj, "-lm", "-o", exe])
    rec = json.loads(run([exe, str(steps), str(reps)]).stdout)
    rec["bytes_constants"] = rodata_bytes(obj)
    state = int(re.search(r"#define model_STATE_BYTES (\d+)", open(header).read()).group(1))
    rec["bytes_state"] = state
    return rec


def cost(bin_dir, model, extra):
    out = run([os.path.join(bin_dir, "lrnnc"), model, "--report", "--report-format=json", "-o",
               os.devnull, *extra]).stdout
    return json.loads(out)["models"][0]["totals"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--models-dir", default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--skip-baselines", action="store_true")
    ap.add_argument("--k", type=float, nargs="+", default=[0.5, 1.0, 3.0])
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=11)
    args = ap.parse_args()
    bin_dir = os.path.join(args.build, "bin")
    tmp_root = tempfile.mkdtemp(prefix="lrnn-bench-")
    models_dir = args.models_dir or os.path.join(tmp_root, "models")
    os.makedirs(models_dir, exist_ok=True)
    for k in args.k:
        missing = [d for d in (1.0, 0.1) if not os.path.exists(os.path.join(models_dir, model_file(k, d)))]
        if missing:
            run([sys.executable, os.path.join(ROOT, "scripts", "make-example-models"), "--out", models_dir,
                 "--k", f"{k:g}", "--density", *[f"{d:g}" for d in missing]])
    calib = os.path.join(tmp_root, "calib.npy")
    np.save(calib, np.abs(np.random.default_rng(1).standard_normal((256, 257))).astype(np.float32))

    records = []
    for k in args.k:
        for density in (1.0, 0.1):
            model = os.path.join(models_dir, model_file(k, density))
            totals = cost(bin_dir, model, [])
            for label, extra in (("ours-float", []),
                                 ("ours-w8a16", ["--quantize=w8a16", f"--calibrate={calib}"])):
                with tempfile.TemporaryDirectory(dir=tmp_root) as tmp:
                    rec = ours(bin_dir, model, tmp, extra, args.steps, args.reps)
                rec.update(baseline=label, k=k, density=density, eff_macs=totals["effective_macs"],
                           dense_bytes_f32=totals["bytes_dense_f32"] + totals["state_bytes"] * 2)
                records.append(rec)
                print(f"{label:12s} k={k:g} d={density:g}: {rec['us_per_step_cpu_median']:.2f} µs/step (cpu), "
                      f"{rec['us_per_step_median']:.2f} wall; batch 8: {rec['batch8_us_per_stream_step_cpu']:.2f}, "
                      f"64: {rec['batch64_us_per_stream_step_cpu']:.2f} µs/stream-step; "
                      f"constants {rec['bytes_constants']} B, state {rec['bytes_state']} B", flush=True)
            # The floor of this model: its sparse bytes streamed from cache, or its MACs at peak FMA rate.
            floor_exe = os.path.join(tmp_root, "floor")
            if not os.path.exists(floor_exe):
                run(["cc", "-O3", "-march=native", "-ffp-contract=fast", os.path.join(HERE, "floor.c"),
                     "-o", floor_exe])
            fl = json.loads(run([floor_exe, str(records[-2]["bytes_constants"])]).stdout)
            floor_us = max(records[-2]["bytes_constants"] / fl["read_bytes_per_s"],
                           totals["effective_macs"] / fl["fma_per_s"]) * 1e6
            for r in records[-2:]:
                r.update(floor_us=floor_us, read_bytes_per_s=fl["read_bytes_per_s"], fma_per_s=fl["fma_per_s"])

    baselines = []
    if not args.skip_baselines:
        out = os.path.join(tmp_root, "baselines.json")
        run([sys.executable, os.path.join(ROOT, "bench", "baselines", "run_baselines.py"), "--models-dir",
             models_dir, "--json", out, "--k", *[f"{k:g}" for k in args.k], "--steps", str(args.steps),
             "--reps", str(args.reps)], timeout=3600)
        with open(out) as f:
            baselines = json.load(f)
        if isinstance(baselines, dict):
            baselines = baselines.get("records", [])
    machine = run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"]).stdout.strip()
    result = {"machine": f"{machine}, {os.cpu_count()} cores, {platform.platform()}",
              "date": time.strftime("%Y-%m-%d"), "ours": records, "baselines": baselines}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
    if args.markdown:
        print_markdown(result)
    return 0


def print_markdown(result):
    base = {}
    for b in result["baselines"]:
        cpu = b.get("us_per_step_cpu_median", b.get("cpu_us_per_step_median"))
        base[(b["baseline"], float(b["k"]), float(b["density"]))] = cpu if cpu is not None else b["us_per_step_median"]
    print(f"Machine: {result['machine']}; date {result['date']}. µs per step, process-CPU medians.\n")
    print("| k | weights | ours float | ours w8a16 | OpenBLAS sgemv (dense step) | PyTorch eager | sparsifier (projections) "
          "| float vs OpenBLAS | float vs PyTorch | memory (constants + state) vs dense f32 | floor |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in result["ours"]:
        if r["baseline"] != "ours-float":
            continue
        k, d = float(r["k"]), float(r["density"])
        fixed = next(x for x in result["ours"] if x["baseline"] == "ours-w8a16" and float(x["k"]) == k and float(x["density"]) == d)
        ob = base.get(("openblas-sgemv", k, d))
        pt = base.get(("torch-eager", k, d))
        sp = base.get(("mlir-sparsifier-codegen", k, d))
        f = r["us_per_step_cpu_median"]
        mem = (r["bytes_constants"] + r["bytes_state"]) / r["dense_bytes_f32"]
        fmt = lambda v: "–" if v is None else f"{v:.1f}"  # noqa: E731
        ratio = lambda v: "–" if v is None else f"{v / f:.2f}×"  # noqa: E731
        print(f"| {k:g} | {'dense' if d == 1 else '90% ERK'} | {f:.1f} | {fixed['us_per_step_cpu_median']:.1f} | "
              f"{fmt(ob)} | {fmt(pt)} | {fmt(sp)} | {ratio(ob)} | {ratio(pt)} | {100 * mem:.1f}% | {r['floor_us']:.1f} |")
    print("\nThroughput (µs per stream-step, float, CPU time): n_streams = 1 / 8 / 64")
    for r in result["ours"]:
        print(f"- {r['baseline']} k={r['k']:g} d={r['density']:g}: {r['batch1_us_per_stream_step_cpu']:.2f} / "
              f"{r['batch8_us_per_stream_step_cpu']:.2f} / {r['batch64_us_per_stream_step_cpu']:.2f}")


if __name__ == "__main__":
    sys.exit(main())
