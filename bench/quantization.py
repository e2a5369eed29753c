#!/usr/bin/python3
"""Quantisation quality through the C++ path: output SNR and largest absolute error of the
integer model against the float model it came from, and the saturations seen, for the example
models (k = 0.25, 0.5) and a k = 1 model with 90% of its weights pruned, at w8a16 and w8a24.

Each model is quantised by `lrnnc --quantize=S --calibrate=CALIB.npy` (prune-free pipeline:
fold norms, eliminate dead states, calibrate, quantise) with CALIB the absolute values of a
standard-normal sequence (seed 1; the models' inputs are STFT magnitudes), and evaluated with
`lrnn-run --compare IMPORTED FIXED` on another such sequence (seed 2) against the imported float
model. Not part of CI.

    bench/quantization.py [--build build] [--steps 512] [--markdown]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--steps", type=int, default=512)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    bin_dir = os.path.join(args.build, "bin")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        run([sys.executable, os.path.join(ROOT, "scripts", "make-example-models"), "--out", tmp,
             "--k", "1", "--density", "0.1"])
        k1 = [f for f in os.listdir(tmp) if f.endswith(".safetensors")][0]
        models = [("k = 0.25 (examples/s5-k0.25-d0.1)", os.path.join(ROOT, "examples", "s5-k0.25-d0.1.safetensors")),
                  ("k = 0.5 (examples/s5-k0.5-d0.1)", os.path.join(ROOT, "examples", "s5-k0.5-d0.1.safetensors")),
                  ("k = 1, 90% pruned", os.path.join(tmp, k1))]
        calib, evaluation = (os.path.join(tmp, f) for f in ("calib.npy", "eval.npy"))
        np.save(calib, np.abs(np.random.default_rng(1).standard_normal((args.steps, 257))).astype(np.float32))
        np.save(evaluation, np.abs(np.random.default_rng(2).standard_normal((args.steps, 257))).astype(np.float32))
        for name, path in models:
            imported = os.path.join(tmp, "imported.mlir")
            run([os.path.join(bin_dir, "lrnn-import"), path, "-o", imported])
            for scheme in ("w8a16", "w8a24"):
                fixed, stats = os.path.join(tmp, "fixed.mlir"), os.path.join(tmp, "stats.json")
                run([os.path.join(bin_dir, "lrnnc"), path, f"--quantize={scheme}", f"--calibrate={calib}",
                     "-o", fixed])
                out = run([os.path.join(bin_dir, "lrnn-run"), "--compare", imported, fixed,
                           "--input", evaluation]).stdout
                m = re.search(r"SNR ([0-9.]+|inf) dB, max abs error ([0-9.eE+-]+) \(max abs reference "
                              r"([0-9.eE+-]+)\)", out)
                run([os.path.join(bin_dir, "lrnn-run"), fixed, "--input", evaluation, "--output",
                     os.path.join(tmp, "out.npy"), "--stats", stats])
                with open(stats) as f:
                    s = json.load(f)
                where = ", ".join(f"`{o['op'].removeprefix('lrnn.')}` @{o['location']}: {o['saturations']}"
                                  for o in s["ops"] if o["saturations"]) or "–"
                rows.append((name, scheme, m.group(1), m.group(2), m.group(3), s["input_saturations"],
                             s["saturations"], where))
    if args.markdown:
        print("| model | scheme | SNR (dB) | max abs error | max abs ref | saturations (input / ops) | where |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for r in rows:
            print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} / {r[6]} | {r[7]} |")
    else:
        for r in rows:
            print(f"{r[0]:40s} {r[1]}  SNR {r[2]:>6} dB  max err {r[3]:>8}  (ref {r[4]})  "
                  f"sat {r[5]}/{r[6]}  {r[7]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
