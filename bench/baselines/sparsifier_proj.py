#!/usr/bin/python3
"""Baseline: upstream MLIR's sparsifier (mlir-opt-22 --sparsifier) on the projections of one
step of a (pruned) model, alone: encoder, per layer B̄ re/im (discretised), C̃ re/im, GLU
weight(s), decoder. Each matrix is a CSR operand
`#sparse_tensor.encoding<{ map = (i, j) -> (i : dense, j : compressed) }>` of a
`linalg.matvec`, read at run time from a Matrix Market file with `sparse_tensor.new`
(TENSOR<i> environment variables, runtime support in libmlir_c_runner_utils). One "step" is
the sum of all projections, each on a fixed dense random float32 vector. The timing loop
runs inside MLIR (`@rtclock`), JIT-executed by mlir-runner-22 -O3; each repetition prints
its mean µs per step. `@check` prints every product once; it is validated against numpy.

The recurrence, norms, activations and GLU gating are NOT included (projections only).

    sparsifier_proj.py MODEL.safetensors [--variant codegen|codegen-vl16|runtime-lib]
                       [--steps 200] [--reps 5] [--warmup 1] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

LLVM_BIN = "/usr/lib/llvm-22/bin"
MLIR_OPT = os.path.join(LLVM_BIN, "mlir-opt")
MLIR_RUNNER = os.path.join(LLVM_BIN, "mlir-runner")
SHARED_LIBS = ["/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so", "/usr/lib/llvm-22/lib/libmlir_runner_utils.so"]
TEMPLATE = os.path.join(common.HERE, "sparsifier_proj.mlir.in")
VARIANTS = {
    # the sparsifier's own code generation for the sparse storage, scalar loops
    "codegen": "enable-runtime-library=false",
    # same, vectorised inner loops (16 x f32 = AVX-512), reassociated reductions, 32-bit indices
    "codegen-vl16": "enable-runtime-library=false vl=16 "
                    "reassociate-fp-reductions=true enable-index-optimizations=true",
    # the pipeline's default: sparse storage managed by the runtime library
    "runtime-lib": "enable-runtime-library=true",
}


def write_mtx(path, a):
    rows, cols = np.nonzero(a)
    vals = a[rows, cols]
    with open(path, "w") as f:
        f.write("%%MatrixMarket matrix coordinate real general\n")
        f.write(f"{a.shape[0]} {a.shape[1]} {len(vals)}\n")
        f.write("".join(f"{r + 1} {c + 1} {v:.9g}\n" for r, c, v in zip(rows.tolist(), cols.tolist(), vals.tolist())))


def dense_literal(v):
    return "dense<[" + ", ".join(f"{x:.9g}" for x in v.tolist()) + "]>"


def generate(mats, xs, workdir, steps, reps):
    """Write the .mtx files and the MLIR module; return (mlir path, env with TENSOR<i>)."""
    env = dict(os.environ)
    ty = lambda a: f"tensor<{a.shape[0]}x{a.shape[1]}xf32, #CSR>"  # noqa: E731
    vt = lambda n: f"tensor<{n}xf32>"  # noqa: E731
    n = len(mats)
    sig_args, sig_types, load, xdefs, mv, mv0, extract, checks, deallocs = [], [], [], [], [], [], [], [], []
    for i, (name, a) in enumerate(mats):
        m, k = a.shape
        path = os.path.join(workdir, f"A{i}.mtx")
        write_mtx(path, a)
        env[f"TENSOR{i}"] = path
        sig_args.append(f"%A{i}: {ty(a)}")
        sig_types.append(ty(a))
        load.append(f"    %c{i}_id = arith.constant {i} : index\n"
                    f"    %fn{i} = call @getTensorFilename(%c{i}_id) : (index) -> (!Filename)\n"
                    f"    %A{i} = sparse_tensor.new %fn{i} : !Filename to {ty(a)}  // {name}")
        xdefs.append(f"    %x{i} = arith.constant {dense_literal(xs[i])} : {vt(k)}\n"
                     f"    %y{i} = tensor.empty() : {vt(m)}")
        # @step accumulates into the caller's %y_i (y_i += A_i x_i, in place, returned to the
        # caller's loop-carried values); @products zeroes first
        mv.append(f"    %r{i} = linalg.matvec ins(%A{i}, %x{i} : {ty(a)}, {vt(k)}) outs(%y{i} : {vt(m)}) -> {vt(m)}")
        mv0.append(f"    %o{i} = linalg.fill ins(%zero : f32) outs(%y{i} : {vt(m)}) -> {vt(m)}\n"
                   f"    %r{i} = linalg.matvec ins(%A{i}, %x{i} : {ty(a)}, {vt(k)}) outs(%o{i} : {vt(m)}) -> {vt(m)}")
        extract.append(f"    %m{i} = arith.constant {m} : index\n"
                       f"    %j{i} = arith.remui %idx, %m{i} : index\n"
                       f"    %v{i} = tensor.extract %r{i}[%j{i}] : {vt(m)}\n"
                       f"    %s{i + 1} = arith.addf %s{i}, %v{i} : f32")
        checks.append(f"    %p{i} = vector.transfer_read %r{i}[%c0], %zero : {vt(m)}, vector<{m}xf32>\n"
                      f"    vector.print %p{i} : vector<{m}xf32>")
        deallocs.append(f"    bufferization.dealloc_tensor %A{i} : {ty(a)}")
    with open(TEMPLATE) as f:
        text = f.read()
    subst = {
        "STEP_ARGS": ", ".join(sig_args + [f"%x{i}: {vt(a.shape[1])}" for i, (_, a) in enumerate(mats)]
                               + [f"%y{i}: {vt(a.shape[0])}" for i, (_, a) in enumerate(mats)]),
        "STEP_OPERANDS": ", ".join([f"%A{i}" for i in range(n)] + [f"%x{i}" for i in range(n)]
                                   + [f"%y{i}" for i in range(n)]),
        "STEP_TYPES": ", ".join(sig_types + [vt(a.shape[1]) for _, a in mats] + [vt(a.shape[0]) for _, a in mats]),
        "MATVECS": "\n".join(mv),
        "MATVECS_ZEROED": "\n".join(mv0),
        "EXTRACTS": "\n".join(extract),
        "SUM": f"%s{n}",
        "LOAD": "\n".join(load),
        "XDEFS": "\n".join(xdefs),
        "CHECK_PRINTS": "\n".join(checks),
        "DEALLOCS": "\n".join(deallocs),
        "Y_TYPES": ", ".join(vt(a.shape[0]) for _, a in mats),
        "STEP_RESULTS": ", ".join(f"%r{i}" for i in range(n)),
        "NRES": str(n + 1),
        "Y_INIT": "\n".join(f"    %yz{i} = linalg.fill ins(%fz : f32) outs(%y{i} : {vt(a.shape[0])}) -> {vt(a.shape[0])}"
                            for i, (_, a) in enumerate(mats)),
        "OUTER_ITER": ", ".join(f"%yo{i} = %yz{i}" for i in range(n)),
        "INNER_ITER": ", ".join(f"%yi{i} = %yo{i}" for i in range(n)),
        "LOOP_OPERANDS": ", ".join([f"%A{i}" for i in range(n)] + [f"%x{i}" for i in range(n)]
                                   + [f"%yi{i}" for i in range(n)]),
        "INNER_YIELD": ", ".join(f"%v#{i + 1}" for i in range(n)),
        "OUTER_YIELD": ", ".join(f"%acc#{i}" for i in range(n + 1)),
        "STEPS": str(steps),
        "REPS": str(reps),
    }
    for key, val in subst.items():
        text = text.replace("@@" + key + "@@", val)
    path = os.path.join(workdir, "proj.mlir")
    with open(path, "w") as f:
        f.write(text)
    return path, env


def compile_mlir(src, variant, workdir):
    out = os.path.join(workdir, f"proj.{variant}.llvm.mlir")
    subprocess.run([MLIR_OPT, src, f"--sparsifier={VARIANTS[variant]}", "-o", out], check=True)
    return out


def runner(lowered, entry, env):
    cmd = [MLIR_RUNNER, lowered, "-e", entry, "-entry-point-result=void", "-O3",
           "-shared-libs=" + ",".join(SHARED_LIBS)]
    return subprocess.run(cmd, check=True, env=env, capture_output=True, text=True).stdout


def parse_vectors(text):
    return [np.array([float(t) for t in m.split(",")]) for m in re.findall(r"\(\s*([^()]*?)\s*\)", text)]


def prepare(model_path, workdir, steps, reps, seed=11):
    mats = common.projection_matrices(model_path)
    rng = np.random.default_rng(seed)
    xs = [rng.uniform(-1, 1, a.shape[1]).astype(np.float32) for _, a in mats]
    src, env = generate(mats, xs, workdir, steps, reps)
    return mats, xs, src, env


def check(model_path, mats, xs, lowered, env, variant):
    got = parse_vectors(runner(lowered, "check", env))
    if len(got) != len(mats):
        raise SystemExit(f"CHECK FAILED: sparsifier-{variant}: expected {len(mats)} vectors, got {len(got)}")
    worst = 0.0
    for (name, a), x, g in zip(mats, xs, got):
        ref = a.astype(np.float64) @ x.astype(np.float64)
        err = float(np.max(np.abs(g - ref)) / max(np.max(np.abs(ref)), 1e-30))
        worst = max(worst, err)
    ok = worst <= common.TOLERANCE
    print(f"[check] sparsifier-{variant} {os.path.basename(model_path)}: {len(mats)} projections vs numpy, "
          f"max |y - ref| / max |ref| = {worst:.3e} -> {'OK' if ok else 'FAIL'}", flush=True)
    if not ok:
        raise SystemExit(f"CHECK FAILED: sparsifier-{variant} on {model_path}: {worst:.3e}")
    return {"max_abs_over_max_ref": worst}


def bench(lowered, env, warmup):
    """Per-repetition mean µs/step, wall clock and CPU time (warm-up repetitions dropped)."""
    text = runner(lowered, "bench", env)
    wall = [float(l.split()[1]) for l in text.splitlines() if l.startswith("rep ")]
    cpu = [float(l.split()[1]) for l in text.splitlines() if l.startswith("cpu ")]
    if not any(l.startswith("checksum") for l in text.splitlines()) or len(wall) != len(cpu):
        raise SystemExit(f"sparsifier bench printed no checksum:\n{text}")
    return wall[warmup:], cpu[warmup:]


def run_model(model_path, workdir, variants, steps, reps, warmup):
    """(nnz info, {variant: (check, per-rep wall µs/step, per-rep CPU µs/step)})."""
    d = os.path.join(workdir, os.path.basename(model_path) + ".sparsifier")
    os.makedirs(d, exist_ok=True)
    mats, xs, src, env = prepare(model_path, d, steps, reps + warmup)
    _, tensors = common.lrnn_format.read_model(model_path)
    info = {"projections": len(mats), "nnz": int(sum(np.count_nonzero(a) for _, a in mats)),
            "dense_size": int(sum(a.size for _, a in mats)),
            # nonzeros of the stored (undiscretised) weight matrices: B̄ = diag(complex) B̃ mixes
            # B̃_re and B̃_im, so each row of B̄ re/im has the union of both rows' patterns
            "model_weight_nnz": int(sum(np.count_nonzero(a) for n, a in tensors.items()
                                        if common.lrnn_format.is_pruned(n)))}
    res = {}
    for v in variants:
        lowered = compile_mlir(src, v, d)
        chk = check(model_path, mats, xs, lowered, env, v)
        res[v] = (chk, *bench(lowered, env, warmup))
    return info, res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model")
    ap.add_argument("--variant", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--keep", help="keep the generated files in this directory")
    args = ap.parse_args(argv)
    tmp = args.keep or tempfile.mkdtemp()
    try:
        info, res = run_model(args.model, tmp, args.variant, args.steps, args.reps, args.warmup)
        print(info)
        for v, (_, wall, cpu) in res.items():
            print(v, common.summarize(wall, cpu))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
