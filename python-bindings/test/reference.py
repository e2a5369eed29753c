"""Independent float64 numpy implementations for the binding tests.

``run_spec`` evaluates an interchange model (config + spec tensors) from the
formulas of ../shared/spec/lrnn-model-format.md; ``random_config`` and
``random_tensors`` make small stable models covering the configuration
options. Nothing here uses lrnn.
"""

from __future__ import annotations

import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[np.float64])


def gelu(v, kind):
    if kind == "gelu":
        return 0.5 * v * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (v + 0.044715 * v**3)))
    return 0.5 * v * (1.0 + _erf(v / math.sqrt(2.0)))


def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


def crelu(x):
    """Lexicographic max(x, 0) of complex x, as numpy orders complex numbers."""
    return np.maximum(x, 0)


def discretize(method, lam, b, step):
    """(Λ̄, B̄) of continuous Λ [N], B̃ [N, H] and step Δ [N]."""
    if method == "zoh":
        lam_bar = np.exp(lam * step)
        return lam_bar, ((lam_bar - 1.0) / lam)[:, None] * b
    if method == "bilinear":
        beta = 1.0 / (1.0 - lam * step / 2.0)
        return beta * (1.0 + lam * step / 2.0), (beta * step)[:, None] * b
    return lam, b


def run_spec(config, tensors, u):
    """Outputs [T, d_output] of the model on u [T, d_input], float64."""
    c = dict(config)
    c.setdefault("step_rescale", 1.0)
    c.setdefault("norm_position", "pre")
    c.setdefault("bn_eps", 1e-5)
    t = {k: np.asarray(v, dtype=np.float64) for k, v in tensors.items()}
    u = np.asarray(u, dtype=np.float64)
    kappa = 2.0 if c["conj_sym"] else 1.0

    def norm(v, p):
        return (v - t[p + "mean"]) / np.sqrt(t[p + "var"] + c["bn_eps"]) * t[p + "scale"] + t[p + "bias"]

    h = u @ t["encoder.weight"].T + t["encoder.bias"]
    if c["encoder_activation"] == "relu":
        h = np.maximum(h, 0.0)
    for i in range(c["n_layers"]):
        p = f"layers.{i}."
        s = h
        pre = c["norm"] == "batchnorm" and c["norm_position"] == "pre"
        z = norm(h, p + "norm.") if pre else h
        lam = t[p + "ssm.lambda_re"] + 1j * t[p + "ssm.lambda_im"]
        b = t[p + "ssm.B_re"] + 1j * t[p + "ssm.B_im"]
        step = None
        if c["discretization"] != "none":
            step = np.exp(t[p + "ssm.log_step"]) * c["step_rescale"]
        lam_bar, b_bar = discretize(c["discretization"], lam, b, step)
        x = np.zeros(lam.shape, dtype=np.complex128)
        xs = np.zeros((len(u), len(lam)), dtype=np.complex128)
        bz = z @ b_bar.T
        for k in range(len(u)):
            x = lam_bar * x + bz[k]
            xs[k] = x
        if c["state_activation"] == "relu":
            xs = crelu(xs)
        cm = t[p + "ssm.C_re"] + 1j * t[p + "ssm.C_im"]
        y = kappa * (xs @ cm.T).real + t[p + "ssm.D"] * z
        a = np.maximum(y, 0.0) if c["activation"] == "relu" else gelu(y, c["activation"])
        if c["glu"] == "none":
            g = a
        else:
            gate = sigmoid(a @ t[p + "glu.weight"].T + t[p + "glu.bias"])
            value = a if c["glu"] == "half1" else a @ t[p + "glu.value_weight"].T + t[p + "glu.value_bias"]
            g = value * gate
        h = g + s
        if c["norm"] == "batchnorm" and c["norm_position"] == "post":
            h = norm(h, p + "norm.")
        if c["residual_activation"] == "relu":
            h = np.maximum(h, 0.0)
    return h @ t["decoder.weight"].T + t["decoder.bias"]


def random_config(d_input=6, d_model=8, d_state=4, d_output=5, n_layers=2, **options):
    """A small configuration; keyword arguments override its options."""
    config = {
        "format": "lrnn-s5/1",
        "d_input": d_input, "d_model": d_model, "d_state": d_state,
        "d_output": d_output, "n_layers": n_layers,
        "conj_sym": True, "discretization": "zoh", "step_rescale": 1.0,
        "norm": "batchnorm", "norm_position": "pre", "bn_eps": 1e-5,
        "encoder_activation": "relu", "activation": "relu",
        "state_activation": "relu", "glu": "half1", "residual_activation": "relu",
    }
    config.update(options)
    return config


def random_tensors(config, seed=0, density=1.0, dtype=np.float32):
    """Random stable spec tensors for ``config`` (weights pruned at random to
    ``density``)."""
    rng = np.random.default_rng(seed)
    c = config
    h, n = c["d_model"], c["d_state"]
    t = {
        "encoder.weight": rng.standard_normal((h, c["d_input"])) / math.sqrt(c["d_input"]),
        "encoder.bias": 0.1 * rng.standard_normal(h),
        "decoder.weight": rng.standard_normal((c["d_output"], h)) / math.sqrt(h),
        "decoder.bias": 0.1 * rng.standard_normal(c["d_output"]),
    }
    for i in range(c["n_layers"]):
        p = f"layers.{i}."
        if c["norm"] == "batchnorm":
            t[p + "norm.scale"] = rng.uniform(0.5, 1.5, h)
            t[p + "norm.bias"] = 0.1 * rng.standard_normal(h)
            t[p + "norm.mean"] = 0.2 * rng.standard_normal(h)
            t[p + "norm.var"] = rng.uniform(0.5, 2.0, h)
        if c["discretization"] == "none":
            r = rng.uniform(0.5, 0.95, n)
            theta = rng.uniform(-math.pi, math.pi, n)
            t[p + "ssm.lambda_re"] = r * np.cos(theta)
            t[p + "ssm.lambda_im"] = r * np.sin(theta)
        else:
            t[p + "ssm.lambda_re"] = -rng.uniform(0.1, 1.0, n)
            t[p + "ssm.lambda_im"] = rng.uniform(-3.0, 3.0, n)
            t[p + "ssm.log_step"] = rng.uniform(math.log(1e-2), math.log(0.5), n)
        t[p + "ssm.B_re"] = rng.standard_normal((n, h)) / math.sqrt(2 * h)
        t[p + "ssm.B_im"] = rng.standard_normal((n, h)) / math.sqrt(2 * h)
        t[p + "ssm.C_re"] = rng.standard_normal((h, n)) / math.sqrt(4 * n)
        t[p + "ssm.C_im"] = rng.standard_normal((h, n)) / math.sqrt(4 * n)
        t[p + "ssm.D"] = rng.standard_normal(h)
        if c["glu"] in ("half1", "full"):
            t[p + "glu.weight"] = rng.standard_normal((h, h)) / math.sqrt(h)
            t[p + "glu.bias"] = 0.1 * rng.standard_normal(h)
        if c["glu"] == "full":
            t[p + "glu.value_weight"] = rng.standard_normal((h, h)) / math.sqrt(h)
            t[p + "glu.value_bias"] = 0.1 * rng.standard_normal(h)
    pruned = ("encoder.weight", "decoder.weight", "ssm.B_re", "ssm.B_im", "ssm.C_re",
              "ssm.C_im", "glu.weight", "glu.value_weight")
    for name, value in t.items():
        if density < 1.0 and name.endswith(pruned):
            value[rng.random(value.shape) >= density] = 0.0
    return {name: np.asarray(value, dtype=dtype) for name, value in t.items()}


def rel_error(out, ref):
    """‖out − ref‖₂ / ‖ref‖₂ over the whole sequence."""
    ref = np.asarray(ref, dtype=np.float64)
    return float(np.linalg.norm(np.asarray(out, dtype=np.float64) - ref) / np.linalg.norm(ref))
