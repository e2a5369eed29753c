#!/usr/bin/python3
"""Driver for the OpenBLAS baseline (openblas_step.c): export a model's discretised float32
parameters, compile the C step with `cc -O3 -march=native ... -lopenblas -lm`, check 64 steps
against test/e2e/reference.py (fails loudly over 1e-4) and time streaming steps.

    openblas_baseline.py MODEL.safetensors [--steps 200] [--reps 5] [--warmup 1]
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SOURCE = os.path.join(common.HERE, "openblas_step.c")
ENUMS = {"act": {"relu": 0, "gelu": 1, "gelu_erf": 2}, "glu": {"none": 0, "half1": 1, "full": 2}}


def env():
    e = dict(os.environ)
    e["OPENBLAS_NUM_THREADS"] = "1"
    e["OMP_NUM_THREADS"] = "1"
    return e


def build(workdir, cc="cc"):
    exe = os.path.join(workdir, "openblas_step")
    cmd = [cc, "-O3", "-march=native", "-std=c11", "-D_POSIX_C_SOURCE=200112L", "-o", exe, SOURCE,
           "-lopenblas", "-lm"]
    subprocess.run(cmd, check=True)
    return exe


def export(model_path, outdir):
    """Write outdir/manifest.txt + outdir/params.bin for openblas_step.c."""
    cfg, p = common.step_params(model_path)
    os.makedirs(outdir, exist_ok=True)
    lines = [f"d_in {cfg['d_input']}", f"H {cfg['d_model']}", f"N {cfg['d_state']}",
             f"d_out {cfg['d_output']}", f"L {cfg['n_layers']}",
             f"norm {int(cfg['norm'] == 'batchnorm')}", f"norm_post {int(cfg['norm_position'] == 'post')}",
             f"enc_act {int(cfg['encoder_activation'] == 'relu')}", f"act {ENUMS['act'][cfg['activation']]}",
             f"state_act {int(cfg['state_activation'] == 'relu')}", f"glu {ENUMS['glu'][cfg['glu']]}",
             f"res_act {int(cfg['residual_activation'] == 'relu')}", f"kappa {2 if cfg['conj_sym'] else 1}"]
    chunks, off = [], 0

    def add(name, a):
        nonlocal off
        a = np.ascontiguousarray(a, dtype=np.float32)
        a2 = a.reshape(1, -1) if a.ndim == 1 else a
        lines.append(f"tensor {name} {a2.shape[0]} {a2.shape[1]} {off}")
        chunks.append(a2.tobytes())
        off += a2.size
        pad = (-off) % 16  # keep every tensor 64-byte aligned
        if pad:
            chunks.append(b"\0" * (4 * pad))
            off += pad

    add("enc_w", p["enc_w"]); add("enc_b", p["enc_b"])
    add("dec_w", p["dec_w"]); add("dec_b", p["dec_b"])
    for i, lp in enumerate(p["layers"]):
        for key in ("bn_scale", "bn_shift", "lam_re", "lam_im", "D", "glu_w", "glu_b", "glu_vw", "glu_vb"):
            if key in lp:
                add(f"l{i}.{key}", lp[key])
        add(f"l{i}.B", np.concatenate([lp["B_re"], lp["B_im"]], axis=0))
        add(f"l{i}.C", np.concatenate([lp["C_re"], -lp["C_im"]], axis=1))
    with open(os.path.join(outdir, "manifest.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(outdir, "params.bin"), "wb") as f:
        f.write(b"".join(chunks))
    return cfg


def check(exe, model_path, export_dir, cfg):
    u = common.check_input(cfg)
    inp, outp = os.path.join(export_dir, "in.bin"), os.path.join(export_dir, "out.bin")
    u.tofile(inp)
    subprocess.run([exe, export_dir, "check", inp, str(len(u)), outp], check=True, env=env())
    out = np.fromfile(outp, dtype=np.float32).reshape(len(u), cfg["d_output"])
    return common.check_against_reference("openblas-sgemv", model_path, out, u)


def bench(exe, export_dir, steps, reps, warmup):
    res = subprocess.run([exe, export_dir, "bench", str(steps), str(reps), str(warmup)],
                         check=True, env=env(), capture_output=True, text=True).stdout
    rows = [l.split()[1:3] for l in res.splitlines() if l.startswith("rep_us_per_step")]
    return [float(w) for w, _ in rows], [float(c) for _, c in rows]


def run_model(model_path, workdir, exe, steps, reps, warmup):
    d = os.path.join(workdir, os.path.basename(model_path) + ".openblas")
    cfg = export(model_path, d)
    chk = check(exe, model_path, d, cfg)
    wall, cpu = bench(exe, d, steps, reps, warmup)
    return chk, wall, cpu


def main(argv=None):
    args = common.single_model_args(__doc__, argv)
    with tempfile.TemporaryDirectory() as tmp:
        exe = build(tmp)
        _, wall, cpu = run_model(args.model, tmp, exe, args.steps, args.reps, args.warmup)
    print(common.summarize(wall, cpu))


if __name__ == "__main__":
    main()
