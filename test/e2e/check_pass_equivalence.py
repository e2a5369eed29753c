#!/usr/bin/python3
"""Property test: a semantics-preserving pass pipeline leaves a model's outputs unchanged.

    check_pass_equivalence.py --tools DIR --workdir DIR --pipeline "ARGS" [--prune S]
                              [--rtol 1e-6] [--steps 256] [--count N] [--seed S]

For each model of the covering set of ``check_interpreter.py`` (every configuration
option value; crelu decisions chosen robust against tiny perturbations), plus ``--count``
extra random configurations: import it (``lrnn-import``), optionally prune it first with
``lrnn-opt --lrnn-prune=sparsity=S`` (so that the pipeline sees the dead states and
all-zero rows that pruning creates), run the reference interpreter on a random input,
apply ``lrnn-opt ARGS``, run again and require ‖after − before‖₂ / ‖before‖₂ ≤ rtol.
The ground truth is the interpreter on the IR before the pipeline, so this checks the
pipeline only. Prints one line per model and ``N passed, M failed``; exits 1 on failure.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))

import check_interpreter  # noqa: E402
import lrnn_format  # noqa: E402


def run(argv: list[str]) -> str:
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"{os.path.basename(argv[0])} exit {proc.returncode}: "
                           + " | ".join(tail))
    return proc.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tools", required=True, help="directory with lrnn-opt, lrnn-run, lrnn-import")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--pipeline", required=True, help="lrnn-opt arguments, e.g. '--lrnn-fold-norm'")
    parser.add_argument("--prune", type=float, default=None, help="prune to this sparsity first")
    parser.add_argument("--rtol", type=float, default=1e-6)
    parser.add_argument("--steps", type=int, default=256)
    parser.add_argument("--count", type=int, default=0, help="extra random configurations")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    tool = lambda name: os.path.join(args.tools, name)  # noqa: E731
    os.makedirs(args.workdir, exist_ok=True)
    rows = list(check_interpreter.COVERING)
    rng = np.random.default_rng([args.seed, 4242])
    rows += [check_interpreter.random_row(rng) for _ in range(args.count)]

    passed = failed = 0
    for case in check_interpreter.build_models(rows, args.seed, args.steps):
        name = f"m{case.idx:02d}"
        base = os.path.join(args.workdir, name)
        try:
            lrnn_format.write_model(base + ".safetensors", case.cfg, case.tensors)
            np.save(base + ".in.npy", case.u)
            run([tool("lrnn-import"), base + ".safetensors", "-o", base + ".mlir"])
            model = base + ".mlir"
            if args.prune is not None:
                run([tool("lrnn-opt"), model, f"--lrnn-prune=sparsity={args.prune}",
                     "-o", base + ".pruned.mlir"])
                model = base + ".pruned.mlir"
            run([tool("lrnn-opt"), model, *shlex.split(args.pipeline), "-o", base + ".after.mlir"])
            run([tool("lrnn-run"), model, "--input", base + ".in.npy", "--output", base + ".before.npy"])
            run([tool("lrnn-run"), base + ".after.mlir", "--input", base + ".in.npy",
                 "--output", base + ".after.npy"])
            before, after = np.load(base + ".before.npy"), np.load(base + ".after.npy")
            norm = np.linalg.norm(before.ravel())
            err = np.linalg.norm((after - before).ravel()) / (norm if norm > 0 else 1.0)
            ok = bool(np.isfinite(err)) and err <= args.rtol
            message = f"rel={err:.2e}"
        except (RuntimeError, OSError, ValueError, subprocess.TimeoutExpired) as e:
            ok, message = False, str(e)
        desc = check_interpreter.describe(case.cfg, case.density, case.dtype)
        print(f"{name}: {desc}  {message}  {'PASS' if ok else 'FAIL'}")
        passed += ok
        failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
