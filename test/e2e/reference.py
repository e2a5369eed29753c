#!/usr/bin/python3
"""Float64 numpy reference for LRNN interchange models (`lrnn-s5/1`).

Written from ``shared/spec/lrnn-model-format.md`` alone.  Discretisation is done in
float64; the sequence is evaluated layer by layer over the whole sequence (equivalent to
the spec's per-step order because only the state recurs, within its own layer).

``run(model, u, dtype=np.float32)`` evaluates the same formulas with float32/complex64
arithmetic (parameters rounded after float64 discretisation); it serves to check that
a float32 implementation can meet the spec's 1e-4 tolerance on a given model.

``load(path)`` reads a model file and ``from_arrays(config, tensors)`` builds the same
``Model`` from an in-memory configuration and tensors.

CLI: ``reference.py MODEL --input IN.npy --output OUT.npy [--float32]``.
"""

from __future__ import annotations

import argparse
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import lrnn_format  # noqa: E402

_erf = np.vectorize(math.erf, otypes=[np.float64])


class Layer:
    """Discretised parameters of one S5 block (float64 / complex128)."""

    def __init__(self, config: dict, t: dict[str, np.ndarray], i: int):
        p = f"layers.{i}."
        g = lambda name: np.asarray(t[p + name], dtype=np.float64)  # noqa: E731
        self.norm = None
        if config["norm"] == "batchnorm":
            self.norm = tuple(g("norm." + k) for k in ("scale", "bias", "mean", "var"))
        lam = g("ssm.lambda_re") + 1j * g("ssm.lambda_im")
        b = g("ssm.B_re") + 1j * g("ssm.B_im")
        if config["discretization"] == "none":
            self.lam_bar, self.b_bar = lam, b
        else:
            step = np.exp(g("ssm.log_step")) * config["step_rescale"]
            self.lam_bar, self.b_bar = discretize(config["discretization"], lam, b, step)
        self.c = g("ssm.C_re") + 1j * g("ssm.C_im")
        self.d = g("ssm.D")
        self.glu_w = self.glu_b = self.glu_vw = self.glu_vb = None
        if config["glu"] in ("half1", "full"):
            self.glu_w, self.glu_b = g("glu.weight"), g("glu.bias")
        if config["glu"] == "full":
            self.glu_vw, self.glu_vb = g("glu.value_weight"), g("glu.value_bias")


def discretize(method: str, lam: np.ndarray, b: np.ndarray, step: np.ndarray):
    """Return (Λ̄, B̄) for continuous Λ [N], B̃ [N, H] and step Δ [N], in complex128."""
    lam = np.asarray(lam, dtype=np.complex128)
    b = np.asarray(b, dtype=np.complex128)
    step = np.asarray(step, dtype=np.float64)
    if method == "zoh":
        lam_bar = np.exp(lam * step)
        return lam_bar, ((lam_bar - 1.0) / lam)[:, None] * b
    if method == "bilinear":
        beta = 1.0 / (1.0 - lam * step / 2.0)
        return beta * (1.0 + lam * step / 2.0), (beta * step)[:, None] * b
    if method == "none":
        return lam, b
    raise ValueError(f"unknown discretization {method!r}")


class Model:
    """A loaded model: normalised config plus per-layer float64 parameters."""

    def __init__(self, config: dict, tensors: dict[str, np.ndarray]):
        self.config = lrnn_format.normalize_config(config)
        f64 = lambda name: np.asarray(tensors[name], dtype=np.float64)  # noqa: E731
        self.enc_w, self.enc_b = f64("encoder.weight"), f64("encoder.bias")
        self.dec_w, self.dec_b = f64("decoder.weight"), f64("decoder.bias")
        self.layers = [Layer(self.config, tensors, i) for i in range(self.config["n_layers"])]


def from_arrays(config: dict, tensors: dict[str, np.ndarray]) -> Model:
    """Build a model from an in-memory configuration dict and spec tensors (name -> array).

    The pair is validated exactly as a file holding it would be (``lrnn_format``'s
    checks: configuration, tensor names and shapes, finite values, non-negative
    variances; the first error raises :class:`lrnn_format.FormatError`).  float32 and
    float64 tensors pass through unchanged, so the result equals that of writing the
    model to a file and :func:`load`-ing it.
    """
    return Model(*lrnn_format.read_bytes(lrnn_format.encode_model(config, tensors)))


def load(path) -> Model:
    """Read (and validate) a model file."""
    return from_arrays(*lrnn_format.read_model(path))


def relu(v):
    return np.maximum(v, 0)


def crelu(x):
    """Keep x where Re x > 0, or Re x == 0 and Im x > 0; zero elsewhere."""
    keep = (x.real > 0) | ((x.real == 0) & (x.imag > 0))
    return np.where(keep, x, 0)


def gelu_tanh(v):
    c = math.sqrt(2.0 / math.pi)
    return 0.5 * v * (1.0 + np.tanh(c * (v + 0.044715 * v ** 3)))


def gelu_erf(v):
    return (0.5 * v * (1.0 + _erf(np.asarray(v, dtype=np.float64) / math.sqrt(2.0)))).astype(v.dtype)


def sigmoid(v):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-v))


ACTIVATIONS = {"relu": relu, "gelu": gelu_tanh, "gelu_erf": gelu_erf}


def batchnorm(v, norm, eps):
    scale, bias, mean, var = norm
    return (v - mean) / np.sqrt(var + eps) * scale + bias


def run(model: Model, u: np.ndarray, dtype=np.float64, trace: dict | None = None,
        flip_band: float = 0.0) -> np.ndarray:
    """Evaluate ``model`` on inputs ``u`` [T, d_input] from zero state; return [T, d_output].

    ``dtype`` np.float64 (the reference) or np.float32 (float32 emulation).  If ``trace``
    is a dict, the state sequences x_t [T, N] of every layer are appended to
    ``trace["states"]``.  ``flip_band`` > 0 (a diagnostic) inverts crelu's decision for
    every state element with a nonzero real part and |Re x| <= flip_band * max_t |x_t| (per state, max over
    the whole sequence), to measure how much a rounding-induced flip could move the output.
    """
    cfg = model.config
    rt = np.dtype(dtype)
    ct = np.result_type(rt, np.complex64)
    cast = lambda a: np.asarray(a, dtype=rt)  # noqa: E731
    u = np.asarray(u, dtype=np.float64).astype(rt)
    if u.ndim != 2 or u.shape[1] != cfg["d_input"]:
        raise ValueError(f"input must be [T, {cfg['d_input']}], got {list(u.shape)}")
    steps = u.shape[0]
    eps = rt.type(cfg["bn_eps"])
    kappa = rt.type(2.0 if cfg["conj_sym"] else 1.0)
    act = ACTIVATIONS[cfg["activation"]]

    h = u @ cast(model.enc_w).T + cast(model.enc_b)
    if cfg["encoder_activation"] == "relu":
        h = relu(h)
    for layer in model.layers:
        norm = tuple(cast(a) for a in layer.norm) if layer.norm is not None else None
        s = h
        z = batchnorm(h, norm, eps) if norm and cfg["norm_position"] == "pre" else h
        lam_bar = layer.lam_bar.astype(ct)
        bz = z.astype(ct) @ layer.b_bar.astype(ct).T  # [T, N]
        xs = np.empty_like(bz)
        x = np.zeros(bz.shape[1], dtype=ct)
        for t in range(steps):
            x = lam_bar * x + bz[t]
            xs[t] = x
        if trace is not None:
            trace.setdefault("states", []).append(xs)
        xh = xs
        if cfg["state_activation"] == "relu":
            xh = crelu(xs)
            if flip_band > 0:
                near = (np.abs(xs.real) <= flip_band * np.abs(xs).max(axis=0)) & (xs.real != 0)
                xh = np.where(near, xs - xh, xh)
        y = kappa * (xh @ layer.c.astype(ct).T).real + cast(layer.d) * z
        a = act(y)
        if cfg["glu"] == "half1":
            g = a * sigmoid(a @ cast(layer.glu_w).T + cast(layer.glu_b))
        elif cfg["glu"] == "full":
            g = (a @ cast(layer.glu_vw).T + cast(layer.glu_vb)) * sigmoid(a @ cast(layer.glu_w).T + cast(layer.glu_b))
        else:
            g = a
        h = g + s
        if norm and cfg["norm_position"] == "post":
            h = batchnorm(h, norm, eps)
        if cfg["residual_activation"] == "relu":
            h = relu(h)
    out = h @ cast(model.dec_w).T + cast(model.dec_b)
    assert out.dtype == rt and out.shape == (steps, cfg["d_output"])
    return out


def rel_error(out: np.ndarray, ref: np.ndarray) -> float:
    """‖out − ref‖₂ / ‖ref‖₂ over the whole sequence (inf on shape mismatch or non-finite)."""
    out = np.asarray(out, dtype=np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    if out.shape != ref.shape or not np.all(np.isfinite(out)):
        return math.inf
    den = np.linalg.norm(ref)
    num = np.linalg.norm(out - ref)
    return float(num / den) if den > 0 else float(num)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("--input", required=True, help=".npy file, [T, d_input]")
    ap.add_argument("--output", required=True, help=".npy file to write, [T, d_output]")
    ap.add_argument("--float32", action="store_true", help="evaluate in float32 (emulation)")
    args = ap.parse_args(argv)
    model = load(args.model)
    out = run(model, np.load(args.input), np.float32 if args.float32 else np.float64)
    np.save(args.output, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
