"""Reference helpers of the binding tests.

The model semantics come from the project's float64 numpy reference,
test/e2e/reference.py (written from ../shared/spec/lrnn-model-format.md; it shares
nothing with lrnn), re-exported here: ``from_arrays(config, tensors)`` builds its
``Model``, ``run(model, u)`` evaluates it, plus ``discretize``, ``crelu``,
``gelu_tanh``, ``gelu_erf``, ``sigmoid`` and ``rel_error``.  What is specific to these
tests is defined here: ``random_config`` and ``random_tensors`` make small stable
models covering the configuration options.

The source tree is ``$LRNN_SOURCE_DIR`` (set by the ctest entry) or the one holding
this file.  Both modules are called ``reference``, so the e2e one is loaded under
the name ``lrnn_e2e_reference``.
"""

from __future__ import annotations

import importlib.util
import math
import os
import pathlib
import sys

import numpy as np

SOURCE_DIR = pathlib.Path(os.environ.get("LRNN_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))

_E2E = "lrnn_e2e_reference"
if _E2E not in sys.modules:
    _spec = importlib.util.spec_from_file_location(_E2E, SOURCE_DIR / "test" / "e2e" / "reference.py")
    sys.modules[_E2E] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_E2E])

from lrnn_e2e_reference import (  # noqa: E402,F401 - re-exported for the tests
    Model, crelu, discretize, from_arrays, gelu_erf, gelu_tanh, rel_error, run, sigmoid)


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
