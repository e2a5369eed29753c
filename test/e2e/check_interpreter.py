#!/usr/bin/python3
"""End-to-end check of `lrnn-run` against the float64 numpy reference.

    check_interpreter.py --lrnn-run PATH --workdir DIR [--count N] [--steps 512] [--seed S]
                         [--lrnn-import PATH]
    check_interpreter.py --self-test [--steps 512] [--seed S]

The first form writes a deterministic set of small random models that together cover
every configuration option value (see ``COVERING``), a random float32 input per model,
runs ``lrnn-run MODEL --input IN.npy --output OUT.npy`` and requires a float32 output of
shape [steps, d_output] within ‖out − ref‖₂/‖ref‖₂ ≤ 1e-4 of ``reference.py``.  One model
is also run on a float64 input.  ``--count`` beyond the covering set adds random configs.

crelu is discontinuous at Re x = 0, so a float32 implementation may legitimately land on
the other side of a near-tie and miss the tolerance.  Each model (parameters and input) is
therefore picked deterministically among a few draws so that flipping every crelu decision
within 3e-5 of a tie moves the output by at most 1e-5; exact ties (Re x == 0, reproduced
exactly in float32) are kept, and one model (m16) is built so the tie rule decides every
state.  Two models (m17, m18) put the activation input where gelu and gelu_erf differ most.

``--self-test`` checks the reference itself (no lrnn-run needed): a hand-unrolled tiny
model, a naive per-step scalar implementation, zoh/bilinear against closed forms, the
conj_sym/explicit-conjugate equivalence, format round trips, that a float32 emulation of
every covering model meets the tolerance, and that 26 plausible implementation bugs
(``MUTANTS``) each make some covering model fail.
"""

from __future__ import annotations

import argparse
import cmath
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
import lrnn_format  # noqa: E402
import reference  # noqa: E402

TOLERANCE = 1e-4

# One row per model.  Columns: discretization, step_rescale (None: key absent), norm,
# norm_position (None: absent), bn_eps (None: absent), encoder_activation, activation,
# state_activation, glu, residual_activation, conj_sym, n_layers,
# (d_input, d_model, d_state, d_output), density, tensor dtype ("F32", "F64" or "mixed"),
# optionally a dict of tensor overrides: name -> value to fill, or a function of the array.
COVERING = [
    ("zoh",      None, "batchnorm", None,   None, "relu", "relu",     "relu", "half1", "relu", True,  3, (5, 8, 4, 3),    1.0,  "F32"),
    ("zoh",      0.5,  "batchnorm", "post", 1e-3, "none", "gelu",     "none", "full",  "none", False, 2, (3, 6, 5, 4),    0.2,  "F64"),
    ("bilinear", 1.0,  "batchnorm", "pre",  1e-2, "relu", "gelu_erf", "relu", "none",  "relu", False, 1, (4, 10, 6, 2),   1.0,  "F32"),
    ("bilinear", 2.0,  "none",      None,   None, "none", "relu",     "none", "half1", "none", True,  3, (7, 5, 3, 9),    0.2,  "mixed"),
    ("none",     3.0,  "batchnorm", "pre",  None, "relu", "gelu",     "relu", "full",  "relu", True,  2, (2, 12, 8, 5),   0.2,  "F32"),
    ("none",     None, "none",      None,   None, "none", "gelu_erf", "none", "none",  "none", False, 1, (6, 4, 4, 7),    1.0,  "F64"),
    ("zoh",      1.5,  "batchnorm", "post", 1e-4, "relu", "gelu_erf", "relu", "half1", "relu", False, 3, (9, 16, 12, 4),  0.2,  "F32"),
    ("bilinear", None, "batchnorm", "post", None, "relu", "relu",     "relu", "full",  "none", True,  1, (3, 8, 6, 5),    1.0,  "F64"),
    ("zoh",      None, "none",      "post", None, "relu", "gelu",     "relu", "none",  "relu", True,  2, (16, 8, 4, 1),   0.2,  "F32"),
    ("none",     None, "batchnorm", "post", 1e-2, "relu", "relu",     "none", "half1", "relu", False, 3, (5, 6, 3, 2),    0.2,  "mixed"),
    ("zoh",      0.25, "batchnorm", "pre",  None, "none", "gelu_erf", "none", "full",  "none", True,  1, (1, 4, 2, 3),    1.0,  "F32"),
    ("bilinear", 0.7,  "batchnorm", "pre",  1e-3, "none", "gelu",     "relu", "half1", "relu", True,  2, (4, 20, 16, 6),  0.2,  "F64"),
    ("none",     None, "batchnorm", "pre",  1e-5, "relu", "gelu_erf", "relu", "none",  "none", True,  2, (3, 7, 5, 2),    1.0,  "mixed"),
    ("zoh",      None, "none",      None,   None, "none", "relu",     "none", "full",  "relu", False, 1, (2, 1, 1, 3),    1.0,  "F32"),
    ("zoh",      None, "batchnorm", "pre",  None, "relu", "relu",     "relu", "half1", "relu", True,  3, (33, 48, 32, 33), 0.1, "F32"),
    ("bilinear", 1.25, "batchnorm", "post", 1e-3, "none", "gelu",     "none", "full",  "relu", False, 2, (6, 9, 7, 4),    0.05, "F64",
     {"layers.0.ssm.B_im": 0.0, "layers.1.ssm.C_re": 0.0, "layers.0.glu.value_weight": 0.0}),
    # crelu's tie rule decides every state: real Λ and B_re == 0 keep Re x exactly 0.
    ("zoh",      None, "batchnorm", "pre",  None, "relu", "relu",     "relu", "half1", "relu", True,  1, (4, 6, 5, 3),    1.0,  "F32",
     {"layers.0.ssm.lambda_im": 0.0, "layers.0.ssm.B_re": 0.0}),
    # gelu vs gelu_erf differ by < 2e-4 relative for positive inputs but by up to 5% around
    # -2.7: the norm bias shifts y there, the small encoder keeps the residual small.
    ("zoh",      None, "batchnorm", "pre",  None, "none", "gelu_erf", "none", "none",  "none", False, 1, (3, 4, 2, 2),    1.0,  "F64",
     {"layers.0.norm.scale": 1.0, "layers.0.norm.mean": 0.0, "layers.0.norm.var": 1.0,
      "layers.0.norm.bias": -2.7, "layers.0.ssm.D": 1.0, "encoder.bias": 0.0,
      "encoder.weight": lambda w: 0.1 * w, "layers.0.ssm.C_re": lambda w: 0.1 * w,
      "layers.0.ssm.C_im": lambda w: 0.1 * w, "decoder.bias": 0.0}),
    ("zoh",      None, "batchnorm", "pre",  None, "none", "gelu",     "none", "none",  "none", True,  1, (3, 4, 2, 2),    1.0,  "F32",
     {"layers.0.norm.scale": 1.0, "layers.0.norm.mean": 0.0, "layers.0.norm.var": 1.0,
      "layers.0.norm.bias": -2.7, "layers.0.ssm.D": 1.0, "encoder.bias": 0.0,
      "encoder.weight": lambda w: 0.1 * w, "layers.0.ssm.C_re": lambda w: 0.1 * w,
      "layers.0.ssm.C_im": lambda w: 0.1 * w, "decoder.bias": 0.0}),
]

COLUMNS = ("discretization", "step_rescale", "norm", "norm_position", "bn_eps",
           "encoder_activation", "activation", "state_activation", "glu",
           "residual_activation", "conj_sym", "n_layers", "dims", "density", "dtype")


def make_config(row) -> tuple[dict, float, str]:
    """Turn a ``COVERING`` row into (config dict, density, dtype)."""
    r = dict(zip(COLUMNS, row))
    din, h, n, dout = r["dims"]
    cfg = {"format": lrnn_format.FORMAT, "d_input": din, "d_model": h, "d_state": n,
           "d_output": dout, "n_layers": r["n_layers"], "conj_sym": r["conj_sym"],
           "discretization": r["discretization"], "norm": r["norm"]}
    for key in ("step_rescale", "norm_position", "bn_eps"):
        if r[key] is not None:
            cfg[key] = r[key]
    for key in ("encoder_activation", "activation", "state_activation", "glu",
                "residual_activation"):
        cfg[key] = r[key]
    return cfg, r["density"], r["dtype"]


def random_row(rng: np.random.Generator):
    """A random configuration row (for --count beyond the covering set)."""
    pick = lambda xs: xs[int(rng.integers(len(xs)))]  # noqa: E731
    dims = tuple(int(rng.integers(1, 13)) for _ in range(4))
    return (pick(["zoh", "bilinear", "none"]), pick([None, 0.5, 1.0, 2.0]),
            pick(["batchnorm", "none"]), pick([None, "pre", "post"]), pick([None, 1e-5, 1e-3]),
            pick(["relu", "none"]), pick(["relu", "gelu", "gelu_erf"]), pick(["relu", "none"]),
            pick(["half1", "full", "none"]), pick(["relu", "none"]), bool(rng.integers(2)),
            int(rng.integers(1, 4)), dims, pick([1.0, 0.2, 0.5]), pick(["F32", "F64", "mixed"]))


def coverage_gaps(rows) -> list[str]:
    """Option values the rows fail to cover (empty when the set covers everything)."""
    cfgs = [make_config(r) for r in rows]
    wanted = {key: set(v) for key, v in lrnn_format.ENUM_KEYS.items()}
    wanted["norm_position"] = {"pre", "post", "<default>"}
    wanted["conj_sym"] = {True, False}
    wanted["n_layers"] = {1, 2, 3}
    seen: dict[str, set] = {k: set() for k in wanted}
    gaps = []
    for cfg, _, _ in cfgs:
        for key in wanted:
            seen[key].add(cfg.get(key, "<default>"))
    for key in wanted:
        for value in sorted(wanted[key] - seen[key], key=str):
            gaps.append(f"{key}={value}")
    checks = {
        "step_rescale != 1": any(c.get("step_rescale", 1.0) != 1.0 and c["discretization"] != "none"
                                 for c, _, _ in cfgs),
        "step_rescale absent": any("step_rescale" not in c for c, _, _ in cfgs),
        "bn_eps non-default": any(c["norm"] == "batchnorm" and c.get("bn_eps", 1e-5) != 1e-5
                                  for c, _, _ in cfgs),
        "bn_eps absent": any(c["norm"] == "batchnorm" and "bn_eps" not in c for c, _, _ in cfgs),
        "batchnorm pre": any(c["norm"] == "batchnorm" and c.get("norm_position", "pre") == "pre"
                             for c, _, _ in cfgs),
        "batchnorm post": any(c["norm"] == "batchnorm" and c.get("norm_position") == "post"
                              for c, _, _ in cfgs),
        "d_input != d_model != d_output": any(
            len({c["d_input"], c["d_model"], c["d_output"]}) == 3 for c, _, _ in cfgs),
        "density 1": any(d == 1.0 for _, d, _ in cfgs),
        "density ~0.2": any(0.1 <= d <= 0.3 for _, d, _ in cfgs),
        "F32": any(t == "F32" for _, _, t in cfgs),
        "F64": any(t == "F64" for _, _, t in cfgs),
        "mixed dtypes": any(t == "mixed" for _, _, t in cfgs),
    }
    gaps += [name for name, ok in checks.items() if not ok]
    return gaps


def describe(cfg: dict, density: float, dtype: str) -> str:
    """One-line config summary."""
    norm = "none"
    if cfg["norm"] == "batchnorm":
        norm = f"bn/{cfg.get('norm_position', 'pre')}"
        if "bn_eps" in cfg:
            norm += f"/eps={cfg['bn_eps']:g}"
    sr = f" sr={cfg['step_rescale']:g}" if "step_rescale" in cfg else ""
    return (f"{cfg['discretization']}{sr} {norm} enc={cfg['encoder_activation']} "
            f"act={cfg['activation']} st={cfg['state_activation']} glu={cfg['glu']} "
            f"res={cfg['residual_activation']} conj={'T' if cfg['conj_sym'] else 'F'} "
            f"L={cfg['n_layers']} {cfg['d_input']}/{cfg['d_model']}/{cfg['d_state']}/"
            f"{cfg['d_output']} dens={density:g} {dtype}")


def dtype_spec(tensors: dict, dtype: str):
    """The ``write_model`` dtype argument: "mixed" alternates F32/F64 by sorted name."""
    if dtype != "mixed":
        return dtype
    return {name: ("F64" if i % 2 else "F32") for i, name in enumerate(sorted(tensors))}


FLIP_BAND = 3e-5       # a few times the float32 state noise (|Re x| error / max_t |x|) seen
MAX_SENSITIVITY = 1e-5  # output change allowed when every decision in that band flips
MAX_ATTEMPTS = 24


class Case:
    """One test model: configuration, parameters as stored, and its input."""

    def __init__(self, idx, cfg, density, dtype, tensors, u, attempt, sensitivity, activity):
        self.idx, self.cfg, self.density, self.dtype = idx, cfg, density, dtype
        self.tensors, self.u, self.attempt = tensors, u, attempt
        self.sensitivity, self.activity = sensitivity, activity

    @property
    def spec(self):
        return dtype_spec(self.tensors, self.dtype)

    def model(self):
        return reference.Model(self.cfg, self.tensors)


def stored(tensors: dict, spec) -> dict:
    """Tensors rounded to the dtypes they are written with."""
    return {k: np.asarray(v, dtype=lrnn_format.DTYPES[spec[k] if isinstance(spec, dict) else spec])
            for k, v in tensors.items()}


def crelu_sensitivity(model, u, ref=None) -> float:
    """Relative output change when every crelu decision within ``FLIP_BAND`` flips.

    crelu is discontinuous at Re x = 0; a float32 implementation whose rounding lands on
    the other side of a near-tie can legitimately differ by far more than the tolerance.
    """
    if model.config["state_activation"] != "relu":
        return 0.0
    if ref is None:
        ref = reference.run(model, u)
    return reference.rel_error(reference.run(model, u, flip_band=FLIP_BAND), ref)


def build_models(rows, seed: int, steps: int):
    """Yield a :class:`Case` per row, deterministically.

    Attempt ``j`` draws parameters and input from ``seed, idx, j``; the first attempt whose
    output varies in time and whose crelu decisions are robust (see
    :func:`crelu_sensitivity`) is taken, else the most robust of ``MAX_ATTEMPTS``.
    """
    for idx, row in enumerate(rows):
        cfg, density, dtype = make_config(row)
        overrides = row[len(COLUMNS)] if len(row) > len(COLUMNS) else {}
        best = None
        for attempt in range(MAX_ATTEMPTS):
            rng = np.random.default_rng([seed, idx, attempt])
            tensors = lrnn_format.random_model(cfg, rng, density=density)
            for name, value in overrides.items():
                tensors[name] = value(tensors[name]) if callable(value) else np.full_like(tensors[name], value)
            tensors = stored(tensors, dtype_spec(tensors, dtype))
            u = rng.standard_normal((steps, cfg["d_input"])).astype(np.float32)
            model = reference.Model(cfg, tensors)
            ref = reference.run(model, u)
            rms = float(np.sqrt(np.mean(ref ** 2)))
            activity = float(ref.std(axis=0).mean()) / rms if rms > 0 else 0.0
            sens = crelu_sensitivity(model, u, ref)
            case = Case(idx, cfg, density, dtype, tensors, u, attempt, sens, activity)
            score = (activity < 0.05, sens > MAX_SENSITIVITY, sens)
            if best is None or score < best[0]:
                best = (score, case)
            if not score[0] and not score[1]:
                break
        yield best[1]


# --------------------------------------------------------------------------- lrnn-run


def run_tool(argv: list[str]):
    """Run a tool; return (ok, message)."""
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, f"could not run {os.path.basename(argv[0])}: {e}"
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return False, f"{os.path.basename(argv[0])} exit code {proc.returncode}: {' | '.join(tail)}"
    return True, ""


def run_lrnn(args, model_path: str, in_path: str, out_path: str):
    """Run lrnn-run (after lrnn-import when --lrnn-import is given); return (ok, message)."""
    if os.path.exists(out_path):
        os.remove(out_path)
    if args.lrnn_import:
        mlir_path = os.path.splitext(model_path)[0] + ".mlir"
        if not os.path.exists(mlir_path):
            ok, msg = run_tool([args.lrnn_import, model_path, "-o", mlir_path])
            if not ok:
                return ok, msg
        model_path = mlir_path
    return run_tool([args.lrnn_run, model_path, "--input", in_path, "--output", out_path])


def check_output(out_path: str, ref: np.ndarray):
    """Load an lrnn-run output; return (rel_error or None, failure message)."""
    try:
        out = np.load(out_path)
    except (OSError, ValueError) as e:
        return None, f"cannot load output: {e}"
    if out.dtype != np.float32:
        return None, f"output dtype {out.dtype}, expected float32"
    if out.shape != ref.shape:
        return None, f"output shape {list(out.shape)}, expected {list(ref.shape)}"
    err = reference.rel_error(out, ref)
    return err, "" if err <= TOLERANCE else "above tolerance"


def check(args) -> int:
    """Run every model through lrnn-run and compare."""
    rows = list(COVERING)
    count = len(rows) if args.count is None else args.count
    if count > len(rows):
        rng = np.random.default_rng([args.seed, 999])
        rows += [random_row(rng) for _ in range(count - len(rows))]
    rows = rows[:count]
    gaps = coverage_gaps(rows)
    if gaps:
        print(f"note: {count} models leave uncovered: {', '.join(gaps)}")
    os.makedirs(args.workdir, exist_ok=True)
    passed = failed = 0
    for case in build_models(rows, args.seed, args.steps):
        idx, cfg = case.idx, case.cfg
        stem = os.path.join(args.workdir, f"m{idx:02d}")
        model_path = stem + ".safetensors"
        lrnn_format.write_model(model_path, cfg, case.tensors, dtype=case.spec)
        if os.path.exists(stem + ".mlir"):
            os.remove(stem + ".mlir")  # stale import from an earlier run
        model = reference.load(model_path)
        runs = [("", case.u)]
        if idx == 0:
            noise = np.random.default_rng([args.seed, idx, 64]).standard_normal(case.u.shape)
            runs.append(("-f64in", case.u.astype(np.float64) + 1e-3 * noise))
        for suffix, inp in runs:
            in_path, out_path = f"{stem}{suffix}.in.npy", f"{stem}{suffix}.out.npy"
            np.save(in_path, inp)
            ref = reference.run(model, inp)
            ok, msg = run_lrnn(args, model_path, in_path, out_path)
            err = None
            if ok:
                err, msg = check_output(out_path, ref)
            good = ok and not msg
            if not good and err is not None and cfg["state_activation"] == "relu":
                msg += (f" (flipping crelu decisions within {FLIP_BAND:g} of a tie moves the "
                        f"output by {crelu_sensitivity(model, inp, ref):.1e})")
            passed += good
            failed += not good
            label = f"m{idx:02d}{suffix}" + (" [float64 input]" if suffix else "")
            err_s = "n/a" if err is None else f"{err:.2e}"
            print(f"{label}: {describe(cfg, case.density, case.dtype)}  rel={err_s}  "
                  f"{'PASS' if good else 'FAIL'}{'' if good else ': ' + msg}", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


# --------------------------------------------------------------------------- self-test


def naive_run(config: dict, t: dict, u) -> np.ndarray:
    """Per-step, per-element pure-Python evaluation of the spec (slow; tiny models only)."""
    cfg = lrnn_format.normalize_config(config)
    din, h, n, dout = cfg["d_input"], cfg["d_model"], cfg["d_state"], cfg["d_output"]
    f = lambda name: np.asarray(t[name], dtype=np.float64).tolist()  # noqa: E731
    kappa = 2.0 if cfg["conj_sym"] else 1.0
    act = {"relu": lambda v: max(v, 0.0),
           "gelu": lambda v: 0.5 * v * (1 + math.tanh(math.sqrt(2 / math.pi) * (v + 0.044715 * v ** 3))),
           "gelu_erf": lambda v: 0.5 * v * (1 + math.erf(v / math.sqrt(2)))}[cfg["activation"]]
    sig = lambda v: 1.0 / (1.0 + math.exp(-v))  # noqa: E731
    layers = []
    for i in range(cfg["n_layers"]):
        p = f"layers.{i}."
        lam = [complex(a, b) for a, b in zip(f(p + "ssm.lambda_re"), f(p + "ssm.lambda_im"))]
        bt = [[complex(a, b) for a, b in zip(ra, rb)] for ra, rb in zip(f(p + "ssm.B_re"), f(p + "ssm.B_im"))]
        lb, bb = [], []
        for k in range(n):
            if cfg["discretization"] == "none":
                lb.append(lam[k])
                bb.append(bt[k])
                continue
            d = math.exp(f(p + "ssm.log_step")[k]) * cfg["step_rescale"]
            if cfg["discretization"] == "zoh":
                lbar = cmath.exp(lam[k] * d)
                fac = (lbar - 1) / lam[k]
            else:
                beta = 1 / (1 - lam[k] * d / 2)
                lbar = beta * (1 + lam[k] * d / 2)
                fac = beta * d
            lb.append(lbar)
            bb.append([fac * v for v in bt[k]])
        ly = {"lb": lb, "bb": bb, "x": [0j] * n,
              "c": [[complex(a, b) for a, b in zip(ra, rb)] for ra, rb in zip(f(p + "ssm.C_re"), f(p + "ssm.C_im"))],
              "D": f(p + "ssm.D")}
        if cfg["norm"] == "batchnorm":
            ly["norm"] = [f(p + "norm." + k) for k in ("scale", "bias", "mean", "var")]
        if cfg["glu"] != "none":
            ly["gw"], ly["gb"] = f(p + "glu.weight"), f(p + "glu.bias")
        if cfg["glu"] == "full":
            ly["vw"], ly["vb"] = f(p + "glu.value_weight"), f(p + "glu.value_bias")
        layers.append(ly)

    def norm(v, nm):
        sc, bi, me, va = nm
        return [(v[j] - me[j]) / math.sqrt(va[j] + cfg["bn_eps"]) * sc[j] + bi[j] for j in range(h)]

    ew, eb, dw, db = f("encoder.weight"), f("encoder.bias"), f("decoder.weight"), f("decoder.bias")
    out = []
    for ut in np.asarray(u, dtype=np.float64).tolist():
        hv = [sum(ew[j][q] * ut[q] for q in range(din)) + eb[j] for j in range(h)]
        if cfg["encoder_activation"] == "relu":
            hv = [max(v, 0.0) for v in hv]
        for ly in layers:
            s = hv
            z = norm(hv, ly["norm"]) if "norm" in ly and cfg["norm_position"] == "pre" else hv
            ly["x"] = [ly["lb"][k] * ly["x"][k] + sum(ly["bb"][k][j] * z[j] for j in range(h))
                       for k in range(n)]
            xh = ly["x"]
            if cfg["state_activation"] == "relu":
                xh = [v if (v.real > 0 or (v.real == 0 and v.imag > 0)) else 0j for v in xh]
            y = [kappa * sum(ly["c"][j][k] * xh[k] for k in range(n)).real + ly["D"][j] * z[j]
                 for j in range(h)]
            a = [act(v) for v in y]
            if cfg["glu"] == "none":
                g = a
            else:
                gate = [sig(sum(ly["gw"][j][q] * a[q] for q in range(h)) + ly["gb"][j]) for j in range(h)]
                if cfg["glu"] == "half1":
                    g = [a[j] * gate[j] for j in range(h)]
                else:
                    g = [(sum(ly["vw"][j][q] * a[q] for q in range(h)) + ly["vb"][j]) * gate[j]
                         for j in range(h)]
            hv = [g[j] + s[j] for j in range(h)]
            if "norm" in ly and cfg["norm_position"] == "post":
                hv = norm(hv, ly["norm"])
            if cfg["residual_activation"] == "relu":
                hv = [max(v, 0.0) for v in hv]
        out.append([sum(dw[o][j] * hv[j] for j in range(h)) + db[o] for o in range(dout)])
    return np.array(out)


class SelfTest:
    """Collects named checks and prints one line each."""

    def __init__(self):
        self.failures = 0
        self.count = 0

    def check(self, name: str, ok: bool, detail: str = ""):
        self.count += 1
        self.failures += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}{'  ' + detail if detail else ''}", flush=True)


def base_config(**kw) -> dict:
    cfg = {"format": lrnn_format.FORMAT, "d_input": 1, "d_model": 1, "d_state": 1, "d_output": 1,
           "n_layers": 1, "conj_sym": False, "discretization": "none", "norm": "none",
           "encoder_activation": "none", "activation": "relu", "state_activation": "none",
           "glu": "none", "residual_activation": "none"}
    cfg.update(kw)
    return cfg


def test_hand_unrolled(st: SelfTest):
    """(a) A 1-state model with discretization none, unrolled by hand."""
    cfg = base_config()
    t = {"encoder.weight": np.array([[2.0]]), "encoder.bias": np.array([0.5]),
         "layers.0.ssm.lambda_re": np.array([0.5]), "layers.0.ssm.lambda_im": np.array([0.5]),
         "layers.0.ssm.B_re": np.array([[1.0]]), "layers.0.ssm.B_im": np.array([[-1.0]]),
         "layers.0.ssm.C_re": np.array([[1.0]]), "layers.0.ssm.C_im": np.array([[2.0]]),
         "layers.0.ssm.D": np.array([0.25]),
         "decoder.weight": np.array([[3.0]]), "decoder.bias": np.array([-1.0])}
    u = np.array([[1.0], [0.0], [-1.0], [0.0]])
    # h = 2u + .5 = 2.5, .5, -1.5, .5 ; Λ̄ = .5+.5i ; B̄ = 1-i ; Bh = 2.5-2.5i, .5-.5i, -1.5+1.5i, .5-.5i
    # x1 = 2.5-2.5i
    # x2 = (.5+.5i)(2.5-2.5i) + .5-.5i = 2.5 + .5-.5i = 3-.5i
    # x3 = (.5+.5i)(3-.5i) - 1.5+1.5i = (1.75+1.25i) - 1.5+1.5i = .25+2.75i
    # x4 = (.5+.5i)(.25+2.75i) + .5-.5i = (-1.25+1.5i) + .5-.5i = -.75+1i
    # Re(C x) = Re((1+2i) x) = Re x - 2 Im x : 7.5, 4, -5.25, -2.75
    # y = Re(Cx) + .25 h : 8.125, 4.125, -5.625, -2.625 ; relu : 8.125, 4.125, 0, 0
    # h = a + s : 10.625, 4.625, -1.5, .5 ; out = 3h - 1
    expect = np.array([[30.875], [12.875], [-5.5], [0.5]])
    got = reference.run(reference.Model(cfg, t), u)
    st.check("(a) hand-unrolled discretization=none model", np.allclose(got, expect, rtol=0, atol=1e-12),
             f"max abs diff {np.abs(got - expect).max():.1e}")
    # Same model with a crelu'd state and conj_sym: x̂ = x where Re x > 0: steps 1-3 kept, 4 zeroed.
    cfg2 = base_config(state_activation="relu", conj_sym=True)
    # y = 2 Re(Cx̂) + .25 h = 15.625, 8.125, -10.875, .125 -> relu 15.625, 8.125, 0, .125
    # h = 18.125, 8.625, -1.5, .625 ; out = 3h - 1
    expect2 = np.array([[53.375], [24.875], [-5.5], [0.875]])
    got2 = reference.run(reference.Model(cfg2, t), u)
    st.check("(a) hand-unrolled with crelu state and conj_sym", np.allclose(got2, expect2, rtol=0, atol=1e-12),
             f"max abs diff {np.abs(got2 - expect2).max():.1e}")
    # crelu's tie rule: Re = 0 kept only when Im > 0.
    x = np.array([0 + 1j, 0 - 1j, 0j, 1e-300 - 5j, -1e-300 + 5j])
    ok = np.array_equal(reference.crelu(x), np.array([1j, 0, 0, 1e-300 - 5j, 0]))
    st.check("(a) crelu lexicographic tie rule", ok)


def test_discretization(st: SelfTest):
    """(b) zoh and bilinear on scalars against closed forms of the continuous system."""
    worst_zoh = worst_bil = 0.0
    for lam, b, step in [(-0.3 + 2.0j, 0.7 - 0.2j, 0.05), (-1.0 + 0.0j, 1.0 + 0.0j, 0.1),
                         (-0.05 - 3.0j, -0.4 + 1.1j, 0.001), (-2.0 + 0.5j, 0.3 + 0.3j, 0.3)]:
        # zoh: Λ̄ from Euler's formula; B̄ from the exact integral ∫_0^Δ e^{λs} ds b.
        lb, bb = reference.discretize("zoh", np.array([lam]), np.array([[b]]), np.array([step]))
        euler = math.exp(lam.real * step) * complex(math.cos(lam.imag * step), math.sin(lam.imag * step))
        worst_zoh = max(worst_zoh, abs(lb[0] - euler) / abs(euler))
        # Constant input 1 for k steps: the continuous solution (e^{λkΔ} − 1)/λ b is exact at kΔ.
        x = 0j
        for k in range(1, 201):
            x = lb[0] * x + bb[0, 0]
            exact = (cmath.exp(lam * k * step) - 1) / lam * b
            worst_zoh = max(worst_zoh, abs(x - exact) / max(abs(exact), 1e-300))
        # Simpson's rule for ∫_0^Δ e^{λs} ds (independent of the closed form).
        m = 2000
        hs = step / m
        simpson = sum((1 if j in (0, m) else 4 if j % 2 else 2) * cmath.exp(lam * j * hs)
                      for j in range(m + 1)) * hs / 3
        worst_zoh = max(worst_zoh, abs(bb[0, 0] - simpson * b) / abs(simpson * b))
        # bilinear: the trapezoid rule for x' = λx + b (constant input) must hold exactly.
        lb2, bb2 = reference.discretize("bilinear", np.array([lam]), np.array([[b]]), np.array([step]))
        x0 = 0.3 - 0.8j
        x1 = lb2[0] * x0 + bb2[0, 0]
        trap = x0 + step / 2 * (lam * x0 + lam * x1) + step * b
        worst_bil = max(worst_bil, abs(x1 - trap) / abs(x1))
        assert abs(lb2[0]) < 1
    st.check("(b) zoh: Euler formula, Simpson integral, exact step response", worst_zoh < 1e-10,
             f"worst rel diff {worst_zoh:.1e}")
    st.check("(b) bilinear: trapezoid relation", worst_bil < 1e-13, f"worst rel diff {worst_bil:.1e}")
    # step_rescale multiplies Δ: rescale 2 on log_step equals log_step + log 2.
    rng = np.random.default_rng(5)
    cfg = base_config(discretization="zoh", d_state=3, d_model=2, step_rescale=2.0)
    t = lrnn_format.random_model(cfg, rng)
    t2 = dict(t)
    t2["layers.0.ssm.log_step"] = t["layers.0.ssm.log_step"] + math.log(2.0)
    cfg2 = dict(cfg, step_rescale=1.0)
    u = rng.standard_normal((50, 1))
    d = reference.rel_error(reference.run(reference.Model(cfg, t), u), reference.run(reference.Model(cfg2, t2), u))
    st.check("(b) step_rescale multiplies the step", d < 1e-13, f"rel diff {d:.1e}")


def conjugate_expand(cfg: dict, t: dict) -> tuple[dict, dict]:
    """The conj_sym=false model with each stored state's conjugate added explicitly."""
    cfg2 = dict(cfg, conj_sym=False, d_state=2 * cfg["d_state"])
    t2 = dict(t)
    for i in range(cfg["n_layers"]):
        p = f"layers.{i}.ssm."
        t2[p + "lambda_re"] = np.concatenate([t[p + "lambda_re"], t[p + "lambda_re"]])
        t2[p + "lambda_im"] = np.concatenate([t[p + "lambda_im"], -t[p + "lambda_im"]])
        if p + "log_step" in t:
            t2[p + "log_step"] = np.concatenate([t[p + "log_step"], t[p + "log_step"]])
        t2[p + "B_re"] = np.concatenate([t[p + "B_re"], t[p + "B_re"]], axis=0)
        t2[p + "B_im"] = np.concatenate([t[p + "B_im"], -t[p + "B_im"]], axis=0)
        t2[p + "C_re"] = np.concatenate([t[p + "C_re"], t[p + "C_re"]], axis=1)
        t2[p + "C_im"] = np.concatenate([t[p + "C_im"], -t[p + "C_im"]], axis=1)
    return cfg2, t2


def test_conj_sym(st: SelfTest, cases):
    """(c) conj_sym model == explicit-conjugate model with κ = 1, for every covering row.

    Where some Re x is exactly 0 (a tie: pruned or zeroed B_re with real Λ̄, or discretization
    none), crelu keeps x but not its conjugate, so the two models legitimately differ; those
    are compared with state_activation none instead.
    """
    worst = 0.0
    untied = []
    for case in cases:
        cfg = dict(case.cfg, conj_sym=True)
        trace: dict = {}
        reference.run(reference.Model(cfg, case.tensors), case.u, trace=trace)
        if cfg["state_activation"] == "relu" and any(
                np.any((xs.real == 0) & (xs.imag != 0)) for xs in trace["states"]):
            cfg["state_activation"] = "none"
            untied.append(f"m{case.idx:02d}")
        cfg2, t2 = conjugate_expand(cfg, case.tensors)
        a = reference.run(reference.Model(cfg, case.tensors), case.u)
        b = reference.run(reference.Model(cfg2, t2), case.u)
        worst = max(worst, reference.rel_error(b, a))
    note = f"; exact crelu ties, compared without crelu: {' '.join(untied)}" if untied else ""
    st.check(f"(c) conj_sym == explicit conjugate states, kappa 1 ({len(cases)} models, all options)",
             worst < 1e-11, f"worst rel diff {worst:.1e}{note}")


def test_tie_rule(st: SelfTest, cases):
    """The tie-rule model (m16) really depends on crelu's Re x == 0 rule."""
    case = cases[16]
    model = case.model()
    trace: dict = {}
    ref = reference.run(model, case.u, trace=trace)
    ties = sum(int(np.count_nonzero((xs.real == 0) & (xs.imag != 0))) for xs in trace["states"])
    saved = reference.crelu
    try:
        reference.crelu = lambda x: np.where(x.real > 0, x, 0)
        alt = reference.run(model, case.u)
    finally:
        reference.crelu = saved
    diff = reference.rel_error(alt, ref)
    st.check(f"m{case.idx:02d} exercises the crelu tie rule", ties > 0 and diff > 1e-2,
             f"{ties} exact ties; dropping them moves the output by {diff:.1e}")


# Plausible implementation bugs, as edits of reference.py's source: each must make at
# least one covering model miss the tolerance.
MUTANTS = {
    "kappa ignored": [('kappa = rt.type(2.0 if cfg["conj_sym"] else 1.0)', "kappa = rt.type(1.0)")],
    "gelu computed with erf": [('"gelu": gelu_tanh', '"gelu": gelu_erf')],
    "gelu_erf computed with tanh": [('"gelu_erf": gelu_erf', '"gelu_erf": gelu_tanh')],
    "norm_position ignored": [('cfg["norm_position"] == "pre"', "True"), ('cfg["norm_position"] == "post"', "False")],
    "bn_eps ignored": [('eps = rt.type(cfg["bn_eps"])', "eps = rt.type(1e-5)")],
    "step_rescale ignored": [(' * config["step_rescale"]', "")],
    "crelu as relu on re and im": [("return np.where(keep, x, 0)", "return np.maximum(x.real, 0) + 1j * np.maximum(x.imag, 0)")],
    "crelu tie rule ignored": [(" | ((x.real == 0) & (x.imag > 0))", "")],
    "zoh B without (exp-1)/lambda": [("((lam_bar - 1.0) / lam)[:, None] * b", "step[:, None] * b")],
    "bilinear B without beta": [("(beta * step)[:, None] * b", "step[:, None] * b")],
    "crelu fed back into the state": [("            xs[t] = x\n", "            x = crelu(x) if cfg['state_activation'] == 'relu' else x\n            xs[t] = x\n")],
    "state off by one step": [("            x = lam_bar * x + bz[t]\n            xs[t] = x\n", "            xs[t] = x\n            x = lam_bar * x + bz[t]\n")],
    "glu full gate/value swapped": [("(a @ cast(layer.glu_vw).T + cast(layer.glu_vb)) * sigmoid(a @ cast(layer.glu_w).T + cast(layer.glu_b))",
                                     "(a @ cast(layer.glu_w).T + cast(layer.glu_b)) * sigmoid(a @ cast(layer.glu_vw).T + cast(layer.glu_vb))")],
    "glu gate from y": [("g = a * sigmoid(a @", "g = a * sigmoid(y @")],
    "sigmoid sign": [("np.exp(-v)", "np.exp(v)")],
    "D on unnormalised input": [("+ cast(layer.d) * z", "+ cast(layer.d) * s")],
    "encoder activation ignored": [('if cfg["encoder_activation"] == "relu":', "if False:")],
    "residual activation ignored": [('if cfg["residual_activation"] == "relu":', "if False:")],
    "residual add missing": [("h = g + s", "h = g")],
    "post-norm before the residual add": [("h = g + s", 'h = (batchnorm(g, norm, eps) if norm and cfg["norm_position"] == "post" else g) + s'),
                                          ('            h = batchnorm(h, norm, eps)\n', "            pass\n")],
    "batchnorm without sqrt": [("/ np.sqrt(var + eps)", "/ (var + eps)")],
    "lambda_im sign": [('lam = g("ssm.lambda_re") + 1j', 'lam = g("ssm.lambda_re") - 1j')],
    "B_im sign": [('b = g("ssm.B_re") + 1j', 'b = g("ssm.B_re") - 1j')],
    "C_im sign": [('self.c = g("ssm.C_re") + 1j', 'self.c = g("ssm.C_re") - 1j')],
    "C transposed (square layers)": [('self.c = g("ssm.C_re") + 1j * g("ssm.C_im")',
                                      'self.c = g("ssm.C_re") + 1j * g("ssm.C_im")\n        '
                                      'self.c = self.c.T if self.c.shape[0] == self.c.shape[1] else self.c')],
    "none discretized as zoh": [('if config["discretization"] == "none":\n            self.lam_bar',
                                 'if False:\n            self.lam_bar'),
                                ('step = np.exp(g("ssm.log_step"))', 'step = np.exp(t.get(p + "ssm.log_step", np.zeros(lam.shape)))'),
                                ('self.lam_bar, self.b_bar = discretize(config["discretization"]',
                                 'self.lam_bar, self.b_bar = discretize(config["discretization"].replace("none", "zoh")')],
}


def test_mutants(st: SelfTest, cases):
    """Every mutant of the reference misses the tolerance on some covering model."""
    import types
    with open(reference.__file__) as f:
        source = f.read()
    missed, broken = [], []
    for name, edits in MUTANTS.items():
        text = source
        for old, new in edits:
            if old not in text:
                broken.append(name)
            text = text.replace(old, new)
        mod = types.ModuleType("mutant")
        mod.__file__ = reference.__file__
        exec(compile(text, f"<mutant {name}>", "exec"), mod.__dict__)
        worst = 0.0
        for case in cases:
            with np.errstate(all="ignore"):
                try:
                    out = mod.run(mod.Model(case.cfg, case.tensors), case.u)
                except Exception:  # noqa: BLE001 - a crash counts as detected
                    out = None
            ref = reference.run(case.model(), case.u)
            worst = max(worst, math.inf if out is None else reference.rel_error(out, ref))
        if worst <= TOLERANCE:
            missed.append(name)
    st.check(f"covering set catches {len(MUTANTS) - len(missed)}/{len(MUTANTS)} implementation bugs",
             not missed and not broken,
             (f"missed: {', '.join(missed)} " if missed else "") +
             (f"edit not found: {', '.join(broken)}" if broken else ""))


def test_naive(st: SelfTest, cases):
    """Vectorised reference == per-step scalar implementation on every covering row."""
    worst = 0.0
    for case in cases:
        if case.cfg["d_model"] > 16:  # keep the pure-Python loops quick
            continue
        u = case.u[:40]
        a = reference.run(case.model(), u)
        b = naive_run(case.cfg, case.tensors, u)
        worst = max(worst, reference.rel_error(b, a))
    st.check("vectorised reference == naive per-step scalar implementation", worst < 1e-12,
             f"worst rel diff {worst:.1e}")


def test_format(st: SelfTest, cases, seed: int, steps: int, tmp: str):
    """Round trips, determinism, the header layout and exact nonzero counts."""
    detail = []
    for case in cases:
        idx, cfg, t, spec = case.idx, case.cfg, case.tensors, case.spec
        path = os.path.join(tmp, f"rt{idx}.safetensors")
        buf = lrnn_format.write_model(path, cfg, t, dtype=spec)
        n = int.from_bytes(buf[:8], "little")
        if n % 8 or buf[8 + n - 1:8 + n] not in (b" ", b"}"):
            detail.append(f"m{idx}: header length {n}")
        if idx in (0, 3):
            again = list(build_models(COVERING[:idx + 1], seed, steps))[-1]
            if (lrnn_format.encode_model(cfg, again.tensors, dtype=spec) != buf
                    or not np.array_equal(again.u, case.u)):
                detail.append(f"m{idx}: not byte-identical on regeneration")
        cfg_r, t_r = lrnn_format.read_model(path)
        if cfg_r != lrnn_format.normalize_config(cfg) or set(t_r) != set(t):
            detail.append(f"m{idx}: config or names differ")
        for name, arr in stored(t, spec).items():
            if t_r[name].dtype != arr.dtype or not np.array_equal(t_r[name], arr):
                detail.append(f"m{idx}: {name} differs")
            if lrnn_format.is_pruned(name) and np.any(arr):
                k = lrnn_format.keep_count(case.density, arr.size)
                if np.count_nonzero(t_r[name]) != k:
                    detail.append(f"m{idx}: {name} has {np.count_nonzero(t_r[name])} nonzeros, want {k}")
    st.check("format round trip, determinism, 8-byte header, exact nnz", not detail, "; ".join(detail[:3]))


def test_float32(st: SelfTest, cases, steps: int):
    """Float32 emulation meets the tolerance on every covering model; outputs stay O(1)."""
    worst = worst_sens = 0.0
    lines = []
    for case in cases:
        model = case.model()
        ref = reference.run(model, case.u)
        err = reference.rel_error(reference.run(model, case.u, np.float32), ref)
        worst = max(worst, err)
        worst_sens = max(worst_sens, case.sensitivity)
        rms = float(np.sqrt(np.mean(ref ** 2)))
        peak = float(np.abs(ref).max())
        bounded = bool(np.all(np.isfinite(ref))) and peak < 1e3 and rms > 1e-3 and case.activity >= 0.05
        lines.append(f"    m{case.idx:02d} attempt {case.attempt:2d}: f32 rel={err:.1e}  out rms={rms:.2g} "
                     f"max={peak:.2g} time-variation={case.activity:.2f}  crelu flip sensitivity="
                     f"{case.sensitivity:.1e}{'' if bounded else '  OUT OF RANGE'}")
        if not bounded:
            worst = math.inf
    print("\n".join(lines))
    st.check(f"float32 emulation within {TOLERANCE:g} over {steps} steps; outputs O(1), time-varying",
             worst <= TOLERANCE, f"worst rel {worst:.1e}")
    st.check(f"crelu near-ties harmless (flips within {FLIP_BAND:g} move output <= {MAX_SENSITIVITY:g})",
             worst_sens <= MAX_SENSITIVITY, f"worst {worst_sens:.1e}")


def self_test(args) -> int:
    """Check the reference itself; prints one line per check."""
    st = SelfTest()
    gaps = coverage_gaps(COVERING)
    st.check(f"covering set ({len(COVERING)} models) covers every option value", not gaps, ", ".join(gaps))
    test_hand_unrolled(st)
    test_discretization(st)
    cases = list(build_models(COVERING, args.seed, args.steps))
    test_conj_sym(st, cases)
    test_tie_rule(st, cases)
    test_mutants(st, cases)
    test_naive(st, cases)
    with tempfile.TemporaryDirectory() as tmp:
        test_format(st, cases, args.seed, args.steps, tmp)
    test_float32(st, cases, args.steps)
    print(f"{st.count - st.failures} passed, {st.failures} failed")
    return 1 if st.failures else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lrnn-run", help="path to the lrnn-run binary")
    ap.add_argument("--workdir", help="directory for models, inputs and outputs")
    ap.add_argument("--lrnn-import", help="if given, import each model to .mlir with "
                    "'lrnn-import MODEL -o MODEL.mlir' and run lrnn-run on that instead")
    ap.add_argument("--count", type=int, help=f"number of models (default {len(COVERING)}, the covering set)")
    ap.add_argument("--steps", type=int, default=512)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--self-test", action="store_true", help="check the reference; needs no lrnn-run")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test(args)
    if not args.lrnn_run or not args.workdir:
        ap.error("--lrnn-run and --workdir are required (or use --self-test)")
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
