#!/usr/bin/python3
"""Sparsity benchmark: cost report of the paper-sized models (k = 1 and 3) dense and pruned to
90% with ERK, side by side, and what dead-state elimination removes at 95%. The dense rows are
`lrnnc` without pruning (norms folded); the sparse rows are `lrnnc --sparsity=S --prune-scope=erk`
(prune, fold norms, eliminate dead states, no fusion so that dense MACs stay comparable).
Not part of CI.

    bench/sparsity.py [--build build] [--markdown]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def report(bin_dir, model, extra):
    out = subprocess.run([os.path.join(bin_dir, "lrnnc"), model, "--no-fuse", "--report",
                          "--report-format=json", "-o", os.devnull, *extra],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["models"][0]


def removed_states(bin_dir, model, sparsity):
    proc = subprocess.run([os.path.join(bin_dir, "lrnnc"), model, f"--sparsity={sparsity}",
                           "--prune-scope=erk", "--no-fuse", "--remarks", "-o", os.devnull],
                          check=True, capture_output=True, text=True)
    return re.findall(r"removed (\d+) of (\d+) states", proc.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    bin_dir = os.path.join(args.build, "bin")
    lines = [f"### Sparsity ({time.strftime('%Y-%m-%d')}; counting rules in docs/cost-model.md)", "",
             "| model | params | nnz | dense MACs/step | effective MACs/step | bytes dense f32 | bytes sparse (CSR) | states |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    removal = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-example-models"),
                        "--out", tmp, "--k", "1", "3", "--density", "1.0"],
                       check=True, capture_output=True)
        for k in ("1", "3"):
            model = os.path.join(tmp, f"s5-k{k}-d1.safetensors")
            for label, extra in (("dense", []), ("90% ERK", ["--sparsity=0.9", "--prune-scope=erk"])):
                m = report(bin_dir, model, extra)
                t = m["totals"]
                lines.append(f"| k={k} {label} | {t['params']:,} | {t['nnz']:,} | {t['dense_macs']:,} | "
                             f"{t['effective_macs']:,} | {t['bytes_dense_f32']:,} | {t['bytes_sparse']:,} | "
                             f"{m['states']} |")
            per_layer = removed_states(bin_dir, model, 0.95)
            removal.append(f"k={k} at 95% ERK: removed " +
                           ", ".join(f"{a} of {b}" for a, b in per_layer) + " states per layer")
    lines += ["", "Dead-state elimination after pruning (`lrnnc --sparsity=0.95 --remarks`):", ""]
    lines += [f"- {r}" for r in removal]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
