#!/usr/bin/python3
"""Baseline: the per-step inference a researcher would write in PyTorch eager (CPU, batch 1,
one thread, inference_mode). Dense float32 matmuls via torch.nn.functional.linear (what
nn.Linear calls), complex state as separate real/imaginary float32 tensors. Parameters are the
spec's discretisation done in float64 and rounded to float32 (common.step_params).

    torch_step.py MODEL.safetensors [--steps 200] [--reps 5] [--warmup 1]
"""
from __future__ import annotations

import math
import os
import sys
import time

# single-threaded BLAS/OpenMP under torch too (Debian's torch calls OpenBLAS), set before import
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

torch.set_num_threads(1)
torch.set_num_interop_threads(1)


class S5Step(torch.nn.Module):
    def __init__(self, model_path):
        super().__init__()
        cfg, p = common.step_params(model_path)
        self.cfg = cfg
        t = lambda a: torch.from_numpy(np.array(a, dtype=np.float32))  # noqa: E731
        self.enc_w, self.enc_b = t(p["enc_w"]), t(p["enc_b"])
        self.dec_w, self.dec_b = t(p["dec_w"]), t(p["dec_b"])
        self.layers = [{k: t(v) for k, v in lp.items()} for lp in p["layers"]]
        self.kappa = 2.0 if cfg["conj_sym"] else 1.0
        act = cfg["activation"]
        self.act = {"relu": torch.relu, "gelu": lambda v: F.gelu(v, approximate="tanh"),
                    "gelu_erf": F.gelu}[act]
        self.reset()

    def reset(self):
        n = self.cfg["d_state"]
        self.x_re = [torch.zeros(n) for _ in self.layers]
        self.x_im = [torch.zeros(n) for _ in self.layers]

    def forward(self, u):
        cfg = self.cfg
        h = F.linear(u, self.enc_w, self.enc_b)
        if cfg["encoder_activation"] == "relu":
            h = torch.relu(h)
        for i, lp in enumerate(self.layers):
            s = h
            bn = cfg["norm"] == "batchnorm"
            z = h * lp["bn_scale"] + lp["bn_shift"] if bn and cfg["norm_position"] == "pre" else h
            xr, xi = self.x_re[i], self.x_im[i]
            x_re = lp["lam_re"] * xr - lp["lam_im"] * xi + F.linear(z, lp["B_re"])
            x_im = lp["lam_re"] * xi + lp["lam_im"] * xr + F.linear(z, lp["B_im"])
            self.x_re[i], self.x_im[i] = x_re, x_im
            if cfg["state_activation"] == "relu":
                keep = (x_re > 0) | ((x_re == 0) & (x_im > 0))
                x_re, x_im = x_re * keep, x_im * keep
            y = self.kappa * (F.linear(x_re, lp["C_re"]) - F.linear(x_im, lp["C_im"])) + lp["D"] * z
            a = self.act(y)
            if cfg["glu"] == "half1":
                g = a * torch.sigmoid(F.linear(a, lp["glu_w"], lp["glu_b"]))
            elif cfg["glu"] == "full":
                g = F.linear(a, lp["glu_vw"], lp["glu_vb"]) * torch.sigmoid(F.linear(a, lp["glu_w"], lp["glu_b"]))
            else:
                g = a
            h = g + s
            if bn and cfg["norm_position"] == "post":
                h = h * lp["bn_scale"] + lp["bn_shift"]
            if cfg["residual_activation"] == "relu":
                h = torch.relu(h)
        return F.linear(h, self.dec_w, self.dec_b)


def check(model_path):
    with torch.inference_mode():
        m = S5Step(model_path)
        u = common.check_input(m.cfg)
        ut = torch.from_numpy(u)
        out = torch.stack([m(ut[t]) for t in range(len(u))]).numpy()
    return common.check_against_reference("torch-eager", model_path, out, u)


def bench(model_path, steps, reps, warmup):
    per_rep, cpu_rep = [], []
    with torch.inference_mode():
        m = S5Step(model_path)
        u = torch.from_numpy(np.random.default_rng(7).uniform(-1, 1, (steps, m.cfg["d_input"])).astype(np.float32))
        sink = 0.0
        for r in range(-warmup, reps):
            t0, c0 = time.perf_counter(), time.process_time()
            for t in range(steps):
                out = m(u[t])
            us = (time.perf_counter() - t0) * 1e6 / steps
            cpu = (time.process_time() - c0) * 1e6 / steps
            sink += float(out[0])
            if r >= 0:
                per_rep.append(us)
                cpu_rep.append(cpu)
    assert math.isfinite(sink)
    return per_rep, cpu_rep


def run_model(model_path, steps, reps, warmup):
    chk = check(model_path)
    return (chk, *bench(model_path, steps, reps, warmup))


def main(argv=None):
    args = common.single_model_args(__doc__, argv)
    _, wall, cpu = run_model(args.model, args.steps, args.reps, args.warmup)
    print(common.summarize(wall, cpu))


if __name__ == "__main__":
    main()
