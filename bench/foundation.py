#!/usr/bin/python3
"""Foundation benchmarks: import and reload time of the k = 3 model, interpreter speed on
the k = 1 model, dense and at 90% sparsity. Medians of --repeat runs, all in one run on the
same machine. Not part of CI.

    bench/foundation.py [--build build] [--repeat 5] [--steps 2000] [--markdown]
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(argv):
    start = time.perf_counter()
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--markdown", action="store_true", help="print a docs/benchmarks.md section")
    args = parser.parse_args()
    bin_dir = os.path.join(args.build, "bin")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-example-models"),
                        "--out", tmp, "--k", "1", "3", "--density", "1.0", "0.1"],
                       check=True, capture_output=True)
        for k in ("3",):
            for d in ("1", "0.1"):
                model = os.path.join(tmp, f"s5-k{k}-d{d}.safetensors")
                mlir = os.path.join(tmp, f"k{k}-d{d}.mlir")
                imp = [timed([os.path.join(bin_dir, "lrnn-import"), model, "-o", mlir])[0]
                       for _ in range(args.repeat)]
                rel = [timed([os.path.join(bin_dir, "lrnn-opt"), mlir, "-o", os.devnull])[0]
                       for _ in range(args.repeat)]
                size = os.path.getsize(mlir)
                rows.append((f"k={k} density {d}: import (safetensors -> .mlir, {size / 2**20:.1f} MiB)",
                             f"{statistics.median(imp):.3f} s"))
                rows.append((f"k={k} density {d}: reload (parse + verify + print)",
                             f"{statistics.median(rel):.3f} s"))
        x = np.random.default_rng(0).standard_normal((args.steps, 257)).astype(np.float32)
        inp = os.path.join(tmp, "in.npy")
        np.save(inp, x)
        for d in ("1", "0.1"):
            model = os.path.join(tmp, f"s5-k1-d{d}.safetensors")
            mlir = os.path.join(tmp, f"k1-d{d}.mlir")
            subprocess.run([os.path.join(bin_dir, "lrnn-import"), model, "-o", mlir], check=True)
            speeds = []
            for _ in range(args.repeat):
                _, out = timed([os.path.join(bin_dir, "lrnn-run"), mlir, "--input", inp, "--output",
                                os.path.join(tmp, "out.npy"), "--summary"])
                speeds.append(float(re.search(r"interp (\d+) steps/s", out).group(1)))
            rows.append((f"k=1 density {d}: interpreter, {args.steps} steps",
                         f"{statistics.median(speeds):,.0f} steps/s"))
    cpu = platform.processor() or platform.machine()
    try:
        cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
    except (OSError, IndexError):
        pass
    header = f"{time.strftime('%Y-%m-%d')}, {cpu}, {os.cpu_count()} cores, median of {args.repeat}"
    if args.markdown:
        print(f"### Foundation ({header})\n\n| measurement | median |\n| --- | --- |")
        for name, value in rows:
            print(f"| {name} | {value} |")
    else:
        print(header)
        for name, value in rows:
            print(f"{name:70s} {value}")


if __name__ == "__main__":
    main()
