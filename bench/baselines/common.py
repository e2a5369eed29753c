"""Shared helpers for the baselines: model loading + discretisation (float64, then float32),
the correctness check against test/e2e/reference.py, and machine info.

Parameters produced by ``step_params`` (all float32, row-major):
  enc_w [H, d_in], enc_b [H], dec_w [d_out, H], dec_b [d_out]
  per layer i: bn_scale [H], bn_shift [H]        (batchnorm in inference form, folded in float64 to
                                                  v * bn_scale + bn_shift; present iff norm == batchnorm)
               lam_re, lam_im [N]                (Λ̄)
               B_re, B_im [N, H]                 (B̄ = discretised B̃)
               C_re, C_im [H, N]                 (C̃)
               D [H]
               glu_w [H, H], glu_b [H]           (half1 / full)
               glu_vw [H, H], glu_vb [H]         (full)
"""
from __future__ import annotations

import datetime
import math
import os
import platform
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, os.path.join(ROOT, "test", "e2e"))
import lrnn_format  # noqa: E402
import reference  # noqa: E402

TOLERANCE = 1e-4
CHECK_STEPS = 64


def step_params(path):
    """(normalised config, dict of float32 parameter arrays) for the model at ``path``."""
    config, tensors = lrnn_format.read_model(path)
    cfg = lrnn_format.normalize_config(config)
    f64 = lambda name: np.asarray(tensors[name], dtype=np.float64)  # noqa: E731
    f32 = lambda a: np.ascontiguousarray(np.asarray(a, dtype=np.float32))  # noqa: E731
    p = {"enc_w": f32(f64("encoder.weight")), "enc_b": f32(f64("encoder.bias")),
         "dec_w": f32(f64("decoder.weight")), "dec_b": f32(f64("decoder.bias")), "layers": []}
    for i in range(cfg["n_layers"]):
        g = lambda name: f64(f"layers.{i}.{name}")  # noqa: E731
        lp = {}
        if cfg["norm"] == "batchnorm":
            scale = g("norm.scale") / np.sqrt(g("norm.var") + cfg["bn_eps"])
            lp["bn_scale"] = f32(scale)
            lp["bn_shift"] = f32(g("norm.bias") - g("norm.mean") * scale)
        lam = g("ssm.lambda_re") + 1j * g("ssm.lambda_im")
        b = g("ssm.B_re") + 1j * g("ssm.B_im")
        if cfg["discretization"] == "none":
            lam_bar, b_bar = lam, b
        else:
            step = np.exp(g("ssm.log_step")) * cfg["step_rescale"]
            lam_bar, b_bar = reference.discretize(cfg["discretization"], lam, b, step)
        lp["lam_re"], lp["lam_im"] = f32(lam_bar.real), f32(lam_bar.imag)
        lp["B_re"], lp["B_im"] = f32(b_bar.real), f32(b_bar.imag)
        lp["C_re"], lp["C_im"] = f32(g("ssm.C_re")), f32(g("ssm.C_im"))
        lp["D"] = f32(g("ssm.D"))
        if cfg["glu"] in ("half1", "full"):
            lp["glu_w"], lp["glu_b"] = f32(g("glu.weight")), f32(g("glu.bias"))
        if cfg["glu"] == "full":
            lp["glu_vw"], lp["glu_vb"] = f32(g("glu.value_weight")), f32(g("glu.value_bias"))
        p["layers"].append(lp)
    return cfg, p


def projection_matrices(path):
    """[(name, float32 matrix)] of every projection of one step, in execution order."""
    cfg, p = step_params(path)
    mats = [("encoder", p["enc_w"])]
    for i, lp in enumerate(p["layers"]):
        for key in ("B_re", "B_im", "C_re", "C_im", "glu_w", "glu_vw"):
            if key in lp:
                mats.append((f"layers.{i}.{key}", lp[key]))
    mats.append(("decoder", p["dec_w"]))
    return mats


def check_input(cfg, steps=CHECK_STEPS, seed=1234):
    return np.random.default_rng(seed).standard_normal((steps, cfg["d_input"])).astype(np.float32)


def check_against_reference(name, model_path, out, u):
    """Compare ``out`` [T, d_out] with reference.run(float64); raise if over TOLERANCE.

    Two measures, both must be <= 1e-4: the spec's ‖out − ref‖₂ / ‖ref‖₂ over the whole sequence,
    and max_t,j |out − ref| / max_t,j |ref| (elementwise error normalised by the output scale)."""
    ref = reference.run(reference.load(model_path), u.astype(np.float64))
    rel = reference.rel_error(out, ref)
    out64 = np.asarray(out, dtype=np.float64)
    maxrel = float(np.max(np.abs(out64 - ref)) / np.max(np.abs(ref))) if np.all(np.isfinite(out64)) else math.inf
    ok = rel <= TOLERANCE and maxrel <= TOLERANCE
    print(f"[check] {name} {os.path.basename(model_path)}: {u.shape[0]} steps, "
          f"rel_l2={rel:.3e} max_abs/max_ref={maxrel:.3e} -> {'OK' if ok else 'FAIL'}", flush=True)
    if not ok:
        raise SystemExit(f"CHECK FAILED: {name} on {model_path}: rel_l2={rel:.3e} "
                         f"max_abs/max_ref={maxrel:.3e} > {TOLERANCE}")
    return {"rel_l2": rel, "max_abs_over_max_ref": maxrel}


def machine():
    name = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    name = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    # what `nproc` prints without OMP_NUM_THREADS (which nproc honours and the runs set to 1)
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", "OMP_THREAD_LIMIT")}
    nproc = subprocess.run(["nproc"], capture_output=True, text=True, env=env).stdout.strip()
    return f"{name}, nproc={nproc}, {platform.machine()}"


def today():
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def _median(v):
    s = sorted(v)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def summarize(per_step_us, cpu_per_step_us=None):
    """per_step_us: wall-clock mean µs/step of each repetition; cpu_per_step_us: the same in
    process CPU time (less sensitive to other processes on a shared machine)."""
    out = {"us_per_step_median": _median(per_step_us), "us_per_step_min": min(per_step_us),
           "repetitions": len(per_step_us), "us_per_step_all": [round(v, 3) for v in per_step_us]}
    if cpu_per_step_us:
        out.update({"cpu_us_per_step_median": _median(cpu_per_step_us), "cpu_us_per_step_min": min(cpu_per_step_us),
                    "cpu_us_per_step_all": [round(v, 3) for v in cpu_per_step_us]})
    return out


def single_model_args(doc, argv=None):
    """The command line of a baseline run alone on one model."""
    import argparse
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model")
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    return ap.parse_args(argv)
