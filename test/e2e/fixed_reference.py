#!/usr/bin/python3
"""Integer (fixed-point) numpy reference of lrnn models, written from docs/fixed-point.md.

An independent, executable form of the specification: the C++ quantisation pass and
integer interpreter must agree with it bit for bit (given the same float IR and the same
calibration file).  Pipeline:

    prog   = build_program(model)             # the lrnn IR body the importer builds,
                                               # after --lrnn-fold-norm (float64 values of
                                               # the f32 attributes)
    ranges = calibrate(prog, u_calib)          # lrnn-calibration/1 document (a dict)
    qmodel = quantize(prog, ranges, "w8a16")   # plain dicts of int64 arrays + exponents
    q_in, n = quantize_input(qmodel, u)        # boundary: float -> integers (§6)
    q_out, sat = run_int(qmodel, q_in)         # integer-only evaluation (§3-§5)
    y = dequantize(q_out, qmodel["values"][qmodel["output"]]["e"])   # -> float32

``run_int`` uses only int64 numpy arithmetic (shifts, adds, multiplies, compares); the
LUTs are int64 arrays.  Floats appear only in quantisation (offline) and at the boundary.

CLI::

    fixed_reference.py MODEL.safetensors --calib CALIB.npy|RANGES.json --input IN.npy
        [--scheme w8a16|w8a24] [--output OUT.npy [--raw]] [--write-ranges R.json]
        [--headroom BITS] [--rounding half_up|floor] [--sigmoid-segments N]

prints the output SNR (dB) and largest absolute error against the float64 reference
(test/e2e/reference.py) and the saturation counts.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
import lrnn_format  # noqa: E402
import reference  # noqa: E402

# --------------------------------------------------------------------------- constants

#: Exponents chosen from a range (activations, states, weights, Λ̄, LUTs) lie in this range.
E_MIN, E_MAX = -32, 40

#: Widths (bits, two's complement, symmetric range) of each tensor class, and the
#: accumulator width A that every intermediate is statically bounded by (§1, §8).
SCHEMES = {
    "w8a16": {"weight": 8, "act": 16, "lambda": 16, "bias": 16, "lut": 16, "acc": 32},
    "w8a24": {"weight": 8, "act": 24, "lambda": 16, "bias": 16, "lut": 16, "acc": 48},
}

#: Largest message (activation) width the verifier accepts (Loihi 2 graded spike payload).
MAX_MESSAGE_WIDTH = 24
MAX_WEIGHT_WIDTH = 8

#: Piecewise-linear tables (§5): range [-2^r, 2^r), segment width 2^-k, node exponent E_T.
#: N = 2^(r+1+k) segments, N+1 nodes.
LUTS = {
    "sigmoid": {"r": 3, "k": 2, "E_T": 15},
    "gelu_tanh": {"r": 2, "k": 3, "E_T": 12},
    "gelu_erf": {"r": 2, "k": 3, "E_T": 12},
}

#: The rescale rounding mode.  The spec is "half_up"; "floor" exists only to measure the
#: alternative (the paper's plain arithmetic shift), see docs/fixed-point.md §3.
ROUNDING = "half_up"


def max_code(width: int) -> int:
    """M(w) = 2^(w-1) - 1: the largest code; the range is [-M, M] (symmetric)."""
    return (1 << (width - 1)) - 1


# --------------------------------------------------------------------------- program

class Op:
    """One op of the model body (program order), float attributes as float64 arrays."""

    def __init__(self, op, loc, operands, results, **attrs):
        self.op, self.loc = op, loc
        self.operands, self.results = list(operands), list(results)
        self.attrs = attrs

    def __repr__(self):
        return f"{self.op} {self.operands}->{self.results} @{self.loc}"


class Program:
    """A model body: value 0 is the input; ``output`` is the value lrnn.output yields."""

    def __init__(self, d_input, d_output):
        self.ops: list[Op] = []
        self.nvalues = 1
        self.sizes = {0: d_input}
        self.d_output = d_output
        self.output = None

    def add(self, op, loc, operands, nres, size, **attrs):
        res = list(range(self.nvalues, self.nvalues + nres))
        self.nvalues += nres
        for r in res:
            self.sizes[r] = size
        self.ops.append(Op(op, loc, operands, res, **attrs))
        return res if nres > 1 else res[0]


def f32(a):
    """Round to float32 (as the IR stores attributes) and widen back to float64."""
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def _discretize(cfg, t, p):
    """Λ̄, B̄ of one layer exactly as lib/Import/ImportModel.cpp computes them (double)."""
    g = lambda n: np.asarray(t[p + n], dtype=np.float64)  # noqa: E731
    lam = g("lambda_re") + 1j * g("lambda_im")
    b = g("B_re") + 1j * g("B_im")
    if cfg["discretization"] == "none":
        return lam, b
    delta = np.exp(g("log_step")) * cfg["step_rescale"]
    if cfg["discretization"] == "zoh":
        lam_bar = np.exp(lam * delta)
        with np.errstate(divide="ignore", invalid="ignore"):
            coef = np.where(lam == 0, delta + 0j, (lam_bar - 1.0) / lam)
    else:
        beta = 1.0 / (1.0 - lam * delta / 2.0)
        lam_bar = beta * (1.0 + lam * delta / 2.0)
        coef = beta * delta
    return lam_bar, coef[:, None] * b


def build_program(model, fold=True) -> Program:
    """The body ``lrnn-import`` builds for an interchange model (f32 attributes), then
    ``--lrnn-fold-norm`` (``fold=True``).  ``model``: path or (config, tensors)."""
    if isinstance(model, (str, os.PathLike)):
        config, tensors = lrnn_format.read_model(model)
    else:
        config, tensors = model
    c = lrnn_format.normalize_config(config)
    t = {k: np.asarray(v, dtype=np.float64) for k, v in tensors.items()}
    h, n = c["d_model"], c["d_state"]
    P = Program(c["d_input"], c["d_output"])

    def project(x, name, rows, value=False):
        w, b = (name + ".value_weight", name + ".value_bias") if value else (name + ".weight", name + ".bias")
        return P.add("lrnn.project", name, [x], 1, rows, weight=f32(t[w]), bias=f32(t[b]))

    x = project(0, "encoder", h)
    if c["encoder_activation"] == "relu":
        x = P.add("lrnn.relu", "encoder", [x], 1, h)
    eps = float(np.float32(c["bn_eps"]))
    for i in range(c["n_layers"]):
        p = f"layers.{i}"
        residual = z = x
        norm = lambda v: P.add("lrnn.batchnorm", p + ".norm", [v], 1, h, eps=eps,  # noqa: E731
                               **{k: f32(t[f"{p}.norm.{k}"]) for k in ("scale", "bias", "mean", "var")})
        if c["norm"] == "batchnorm" and c["norm_position"] == "pre":
            z = norm(z)
        lam_bar, b_bar = _discretize(c, t, p + ".ssm.")
        s = p + ".ssm"
        vr, vi = P.add("lrnn.complex_project", s + ".B", [z], 2, n, weight_re=f32(b_bar.real),
                       weight_im=f32(b_bar.imag), bias_re=None, bias_im=None)
        xr, xi = P.add("lrnn.diag_recurrence", s + ".lambda", [vr, vi], 2, n,
                       lambda_re=f32(lam_bar.real), lambda_im=f32(lam_bar.imag))
        if c["state_activation"] == "relu":
            xr, xi = P.add("lrnn.crelu", s, [xr, xi], 2, n)
        y = P.add("lrnn.complex_readout", s + ".C", [xr, xi], 1, h, weight_re=f32(t[s + ".C_re"]),
                  weight_im=f32(t[s + ".C_im"]), kappa=2.0 if c["conj_sym"] else 1.0)
        d = P.add("lrnn.scale", s + ".D", [z], 1, h, factor=f32(t[s + ".D"]), bias=None)
        y = P.add("lrnn.add", s, [y, d], 1, h)
        if c["activation"] == "relu":
            a = P.add("lrnn.relu", p + ".activation", [y], 1, h)
        else:
            a = P.add("lrnn.gelu", p + ".activation", [y], 1, h,
                      approximation="tanh" if c["activation"] == "gelu" else "erf")
        g = a
        if c["glu"] != "none":
            gp = project(a, p + ".glu", h)
            gate = P.add("lrnn.sigmoid", p + ".glu", [gp], 1, h)
            value = project(a, p + ".glu", h, value=True) if c["glu"] == "full" else a
            g = P.add("lrnn.mul", p + ".glu", [value, gate], 1, h)
        x = P.add("lrnn.add", p + ".residual", [g, residual], 1, h)
        if c["norm"] == "batchnorm" and c["norm_position"] == "post":
            x = norm(x)
        if c["residual_activation"] == "relu":
            x = P.add("lrnn.relu", p + ".residual", [x], 1, h)
    P.output = project(x, "decoder", c["d_output"])
    if fold:
        fold_norm(P)
    return P


def norm_map(op: Op):
    """(a, c) of a batchnorm, in double from its f32 attributes (as FoldNorm.cpp)."""
    A = op.attrs
    a = A["scale"] / np.sqrt(A["var"] + A["eps"])
    return a, A["bias"] - A["mean"] * a


def _fold_weight(w, bias, a, c):
    """(f32(W diag a), f32(b + W c)) with the bias summed in column order (FoldNorm.cpp)."""
    scaled = f32(w * a[None, :])
    b0 = np.zeros(w.shape[0]) if bias is None else bias
    terms = np.concatenate([b0[:, None], w * c[None, :]], axis=1)
    newb = f32(np.add.accumulate(terms, axis=1)[:, -1])  # sequential sum, as the C++ loop
    scaled[scaled == 0] = 0.0
    newb[newb == 0] = 0.0
    return scaled, (newb if bias is not None or np.any(newb != 0) else None)


def fold_norm(P: Program):
    """--lrnn-fold-norm: fold each batchnorm whose users all absorb it (last first)."""
    for bn in [op for op in P.ops if op.op == "lrnn.batchnorm"][::-1]:
        out = bn.results[0]
        users = [op for op in P.ops if out in op.operands]
        if P.output == out or not users or any(
                u.op not in ("lrnn.project", "lrnn.complex_project", "lrnn.scale") for u in users):
            continue
        a, c = norm_map(bn)
        for u in users:
            A = u.attrs
            if u.op == "lrnn.project":
                A["weight"], A["bias"] = _fold_weight(A["weight"], A["bias"], a, c)
            elif u.op == "lrnn.complex_project":
                A["weight_re"], A["bias_re"] = _fold_weight(A["weight_re"], A["bias_re"], a, c)
                A["weight_im"], A["bias_im"] = _fold_weight(A["weight_im"], A["bias_im"], a, c)
            else:
                f = A["factor"]
                b = f32(f * c + (0.0 if A["bias"] is None else A["bias"]))
                A["factor"] = f32(f * a)
                A["bias"] = b if A["bias"] is not None or np.any(b != 0) else None
            u.operands = [bn.operands[0] if v == out else v for v in u.operands]
        P.ops.remove(bn)


# --------------------------------------------------------------------------- float evaluation

def run_float(P: Program, u) -> dict[int, np.ndarray]:
    """Evaluate the program in float64 over a sequence; every value as [T, size]."""
    u = np.asarray(u, dtype=np.float64)
    V = {0: u}
    for op in P.ops:
        A, x = op.attrs, [V[v] for v in op.operands]
        if op.op == "lrnn.project":
            r = [x[0] @ A["weight"].T + (0 if A["bias"] is None else A["bias"])]
        elif op.op == "lrnn.fused_project":
            acc = x[0] @ A["weight"].T + (0 if A["bias"] is None else A["bias"])
            r = np.split(acc, np.cumsum(A["sizes"])[:-1], axis=1)
        elif op.op == "lrnn.complex_project":
            r = [x[0] @ A["weight_re"].T + (0 if A["bias_re"] is None else A["bias_re"]),
                 x[0] @ A["weight_im"].T + (0 if A["bias_im"] is None else A["bias_im"])]
        elif op.op == "lrnn.diag_recurrence":
            lam = A["lambda_re"] + 1j * A["lambda_im"]
            v = x[0] + 1j * x[1]
            s = np.zeros(v.shape[1], dtype=np.complex128)
            xs = np.empty_like(v)
            for t in range(v.shape[0]):
                s = lam * s + v[t]
                xs[t] = s
            r = [xs.real.copy(), xs.imag.copy()]
        elif op.op == "lrnn.crelu":
            keep = (x[0] > 0) | ((x[0] == 0) & (x[1] > 0))
            r = [np.where(keep, x[0], 0.0), np.where(keep, x[1], 0.0)]
        elif op.op == "lrnn.complex_readout":
            r = [A["kappa"] * (x[0] @ A["weight_re"].T - x[1] @ A["weight_im"].T)]
        elif op.op == "lrnn.scale":
            r = [x[0] * A["factor"] + (0 if A["bias"] is None else A["bias"])]
        elif op.op == "lrnn.batchnorm":
            r = [(x[0] - A["mean"]) / np.sqrt(A["var"] + A["eps"]) * A["scale"] + A["bias"]]
        elif op.op == "lrnn.relu":
            r = [np.maximum(x[0], 0.0)]
        elif op.op == "lrnn.sigmoid":
            r = [reference.sigmoid(x[0])]
        elif op.op == "lrnn.gelu":
            r = [(reference.gelu_tanh if A["approximation"] == "tanh" else reference.gelu_erf)(x[0])]
        elif op.op == "lrnn.add":
            r = [x[0] + x[1]]
        elif op.op == "lrnn.mul":
            r = [x[0] * x[1]]
        else:
            raise ValueError(f"unsupported op {op.op}")
        for v, val in zip(op.results, r):
            V[v] = val
    return V


def _range(a):
    a = np.asarray(a, dtype=np.float64)
    mn, mx = float(a.min()), float(a.max())
    return {"min": mn, "max": mx, "absmax": max(abs(mn), abs(mx))}


def calibrate(P: Program, u, name="model") -> dict:
    """The ``lrnn-calibration/1`` document of the program over the sequence ``u`` (§7)."""
    V = run_float(P, u)
    return {
        "format": "lrnn-calibration/1", "model": name, "steps": int(np.asarray(u).shape[0]),
        "input": _range(V[0]),
        "ops": [{"index": i, "op": op.op, "location": op.loc,
                 "results": [_range(V[r]) for r in op.results]} for i, op in enumerate(P.ops)],
    }


# --------------------------------------------------------------------------- quantisation (offline, float64)

def round_half_away(y):
    """Round to nearest, ties away from zero (C's round()), exactly for |y| < 2^52."""
    y = np.asarray(y, dtype=np.float64)
    a = np.abs(y)
    t = np.floor(a)
    return np.sign(y) * (t + ((a - t) >= 0.5))


def choose_exponent(absmax: float, width: int, headroom: int = 0) -> int:
    """Largest e in [E_MIN, E_MAX] with absmax * 2^(e+headroom) <= M(width); absmax 0 counts
    as 1 (§2).  absmax * 2^e is exact in float64, so the choice is exact."""
    a = float(absmax)
    if not math.isfinite(a) or a < 0:
        raise ValueError(f"bad range {absmax!r}")
    if a == 0.0:
        a = 1.0
    m = max_code(width)
    e = E_MAX
    while e > E_MIN and math.ldexp(a, e + headroom) > m:
        e -= 1
    return e


def quantize_const(x, width, e=None):
    """(q, e): q = clamp(round_half_away(x * 2^e), ±M); e from max|x| unless given (§2)."""
    x = np.asarray(x, dtype=np.float64)
    if e is None:
        e = choose_exponent(float(np.max(np.abs(x))) if x.size else 0.0, width)
    m = max_code(width)
    q = np.clip(round_half_away(np.ldexp(x, e)), -m, m)
    return q.astype(np.int64), int(e)


def quantize_weight_block(ws, biases, e_x, S, what):
    """Weight block(s) of one accumulator (§2.3).

    ``ws``: float matrices summed into one accumulator (they share the exponent e_W);
    ``biases``: one float bias vector per accumulator row or None.  Lowers e_W until every
    row satisfies sum_k |q_W| * M(act) + |q_b << (e_acc - e_b)| < 2^(A-1)."""
    ww, wb, A, ma = S["weight"], S["bias"], S["acc"], max_code(S["act"])
    absmax = max(float(np.max(np.abs(w))) if w.size else 0.0 for w in ws)
    e_w = choose_exponent(absmax, ww)
    while True:
        qs = [quantize_const(w, ww, e_w)[0] for w in ws]
        e_acc = e_w + e_x
        qb, e_b = None, None
        if biases is not None:
            e_nat = choose_exponent(float(np.max(np.abs(biases))) if biases.size else 0.0, wb)
            e_b = min(e_nat, e_acc)
            qb = quantize_const(biases, wb, e_b)[0]
        if max(row_bounds(qs, qb, e_acc - (e_b or 0), ma)) < (1 << (A - 1)):
            return qs, e_w, qb, e_b
        if e_w <= E_MIN:
            raise ValueError(f"{what}: no weight exponent keeps the accumulator below 2^{A - 1}")
        e_w -= 1


def row_bounds(qws, qb, bias_shift, m_in):
    """Per row: sum_k |q_W[r,k]| * m_in (over all matrices) + |q_b[r]| * 2^bias_shift,
    as exact Python integers."""
    rows = qws[0].shape[0]
    s = [0] * rows
    for q in qws:
        for r, v in enumerate(np.abs(q).sum(axis=1).tolist()):
            s[r] += int(v) * m_in
    if qb is not None:
        for r, v in enumerate(np.abs(qb).tolist()):
            s[r] += int(v) << bias_shift
    return s or [0]


def lut_table(fn: str):
    """Node table of a PWL LUT (§5): v[i] = round_half_away(f(x_i) * 2^E_T), x_i = -2^r + i 2^-k."""
    L = LUTS[fn]
    r, k, e_t = L["r"], L["k"], L["E_T"]
    n = 1 << (r + 1 + k)
    xs = -float(1 << r) + np.ldexp(np.arange(n + 1, dtype=np.float64), -k)
    f = {"sigmoid": reference.sigmoid, "gelu_tanh": reference.gelu_tanh,
         "gelu_erf": reference.gelu_erf}[fn]
    q, _ = quantize_const(f(xs), 16, e_t)
    return {"fn": fn, "r": r, "k": k, "E_T": e_t, "nodes": q}


def _pair_absmax(rs):
    return max(x["absmax"] for x in rs)


def quantize(P: Program, ranges: dict, scheme="w8a16", headroom=0) -> dict:
    """The integer model (§2, §4): plain dicts of int64 arrays and int exponents."""
    S = dict(SCHEMES[scheme]) if isinstance(scheme, str) else dict(scheme)
    wa, A = S["act"], S["acc"]
    if len(ranges["ops"]) != len(P.ops) or any(
            r["index"] != i or r["op"] != op.op or len(r["results"]) != len(op.results)
            for i, (r, op) in enumerate(zip(ranges["ops"], P.ops))):
        raise ValueError("calibration file does not describe this program (index/op mismatch)")
    vals = {0: {"e": choose_exponent(ranges["input"]["absmax"], wa, headroom), "w": wa}}
    ops = []
    ex = lambda v: vals[v]["e"]  # noqa: E731

    def set_out(op, e):
        for r in op.results:
            vals[r] = {"e": int(e), "w": wa}

    for i, (op, rng) in enumerate(zip(P.ops, ranges["ops"])):
        Aa = op.attrs
        q = {"index": i, "op": op.op, "location": op.loc,
             "operands": list(op.operands), "results": list(op.results)}
        cal = lambda: choose_exponent(_pair_absmax(rng["results"]), wa, headroom)  # noqa: E731
        what = f"op {i} ({op.op} @{op.loc})"
        kind = op.op
        if kind == "lrnn.batchnorm":  # an unfolded batchnorm is the scale it equals (§4.8)
            a, c = norm_map(op)
            kind, Aa = "lrnn.scale", {"factor": a, "bias": c}
            q["op"] = "lrnn.scale"
            q["from"] = "lrnn.batchnorm"
        if kind == "lrnn.project":
            (qw,), q["e_W"], q["bias"], q["e_b"] = quantize_weight_block(
                [Aa["weight"]], Aa["bias"], ex(op.operands[0]), S, what)
            q["W"] = qw
            set_out(op, cal())
        elif kind == "lrnn.fused_project":
            pieces, start = [], 0
            e_outs = [choose_exponent(rr["absmax"], wa, headroom) for rr in rng["results"]]
            for size in Aa["sizes"]:
                sl = slice(start, start + size)
                b = None if Aa["bias"] is None else Aa["bias"][sl]
                (qw,), e_w, qb, e_b = quantize_weight_block([Aa["weight"][sl]], b, ex(op.operands[0]), S, what)
                pieces.append({"W": qw, "e_W": e_w, "bias": qb, "e_b": e_b})
                start += size
            q["pieces"] = pieces
            for r, e in zip(op.results, e_outs):
                vals[r] = {"e": int(e), "w": wa}
        elif kind == "lrnn.complex_project":
            for part in ("re", "im"):
                (qw,), q["e_W_" + part], q["bias_" + part], q["e_b_" + part] = quantize_weight_block(
                    [Aa["weight_" + part]], Aa["bias_" + part], ex(op.operands[0]), S, what)
                q["W_" + part] = qw
            set_out(op, cal())
        elif kind == "lrnn.diag_recurrence":
            q["lambda_re"], e_l = quantize_const(np.stack([Aa["lambda_re"], Aa["lambda_im"]]), S["lambda"])
            q["lambda_re"], q["lambda_im"] = q["lambda_re"][0].copy(), q["lambda_re"][1].copy()
            q["e_L"] = e_l
            e_v = ex(op.operands[0])
            set_out(op, min(cal(), e_v + A - wa - 2))
        elif kind in ("lrnn.crelu", "lrnn.relu"):
            set_out(op, ex(op.operands[0]))
        elif kind == "lrnn.complex_readout":
            kap = float(np.float32(Aa["kappa"]))
            (qr, qi), q["e_W"], _, _ = quantize_weight_block(
                [kap * Aa["weight_re"], kap * Aa["weight_im"]], None, ex(op.operands[0]), S, what)
            q["W_re"], q["W_im"] = qr, qi
            set_out(op, cal())
        elif kind == "lrnn.scale":
            (qd,), q["e_D"], q["bias"], q["e_b"] = quantize_weight_block(
                [np.diag(Aa["factor"])], Aa["bias"], ex(op.operands[0]), S, what)
            q["D"] = np.diag(qd).copy()
            set_out(op, cal())
        elif kind in ("lrnn.add", "lrnn.mul"):
            set_out(op, cal())
        elif kind in ("lrnn.sigmoid", "lrnn.gelu"):
            fn = "sigmoid" if kind == "lrnn.sigmoid" else "gelu_" + Aa["approximation"]
            q["lut"] = lut_table(fn)
            set_out(op, cal())
        else:
            raise ValueError(f"{what}: not quantisable (run the quantiser before lrnn.elementwise fusion)")
        ops.append(q)
    qm = {"format": "lrnn-fixed/1", "scheme": S, "headroom": headroom, "values": vals,
          "ops": ops, "output": P.output, "input_size": P.sizes[0]}
    errs = verify(qm)
    if errs:
        raise ValueError("quantised model violates the limits:\n  " + "\n  ".join(errs))
    return qm


# --------------------------------------------------------------------------- integer primitives (§3)

def shift_round(x, s: int):
    """Exact integer x * 2^-s rounded half up for s > 0: (x + 2^(s-1)) >> s; exact x << -s for
    s <= 0 (callers guarantee the bound).  Requires |x| < 2^62; for s >= 63 the result is 0."""
    x = np.asarray(x, dtype=np.int64)
    if s == 0:
        return x.copy()
    if s > 0:
        if ROUNDING == "floor":
            return x >> min(s, 63)
        if s >= 63:
            return np.zeros_like(x)
        return (x + np.int64(1 << (s - 1))) >> np.int64(s)
    k = -s
    if np.any(x != 0):
        lim = (1 << 62) >> k if k < 62 else 0
        if np.any(np.abs(x) >= lim):
            raise OverflowError(f"exact left shift by {k} overflows the intermediate bound")
    return x << np.int64(k)


def saturate(x, width: int):
    """clamp(x, -M, M) and the number of elements changed."""
    x = np.asarray(x, dtype=np.int64)
    m = max_code(width)
    n = int(np.count_nonzero((x > m) | (x < -m)))
    return np.clip(x, -m, m), n


def narrow(x, s: int, width: int):
    """saturate(x * 2^-s rounded half up, width) (§3.3); left shifts saturate without overflow."""
    x = np.asarray(x, dtype=np.int64)
    if s >= 0:
        return saturate(shift_round(x, s), width)
    k = min(-s, 62)
    m = max_code(width)
    lim = m >> k
    xc = np.clip(x, -lim - 1, lim + 1)  # anything beyond saturates anyway
    return saturate(xc << np.int64(k), width)


def align(x, e_from: int, e_to: int):
    """The same value at exponent e_to inside an intermediate: shift_round(x, e_from - e_to)."""
    return shift_round(x, e_from - e_to)


def _check_acc(x, A, what):
    if np.any(np.abs(x) >= (1 << (A - 1))):  # cannot happen when verify() passed
        raise OverflowError(f"{what}: intermediate exceeds the {A}-bit accumulator")


def lut_eval(lut, qx, e_x, e_y, S):
    """PWL LUT (§5): exact interpolation at exponent E_T + f, then one narrow to e_y."""
    wa, A = S["act"], S["acc"]
    r, k, e_t, v = lut["r"], lut["k"], lut["E_T"], lut["nodes"]
    n = 1 << (r + 1 + k)
    f_max = A - 17
    f = e_x - k
    qx = np.asarray(qx, dtype=np.int64)
    if f > f_max:  # more fraction bits than the intermediate allows: round the input first
        u, f = shift_round(qx, f - f_max), f_max
    elif f >= 0:
        u = qx
    else:  # input coarser than a segment: u = qx * 2^-f exactly (clamped: out of range anyway)
        lim = 2 << (r + k)
        u, f = np.clip(qx, -lim, lim) << np.int64(-f), 0
    j = u >> np.int64(f)                      # floor: segment relative to x = 0
    d = u - (j << np.int64(f))                # position inside the segment, [0, 2^f)
    i = j + (1 << (r + k))                    # segment index
    lo, hi = i < 0, i >= n
    ic = np.clip(i, 0, n - 1)
    yt = (v[ic] << np.int64(f)) + (v[ic + 1] - v[ic]) * d
    yt = np.where(lo, v[0] << np.int64(f), yt)
    yt = np.where(hi, v[n] << np.int64(f), yt)
    _check_acc(yt, A, "lut")
    y, c = narrow(yt, e_t + f - e_y, wa)
    if lut["fn"] == "sigmoid" or not np.any(hi):
        return y, c
    # gelu above the table: the identity, y = narrow(q_x, e_x - e_y)
    y1, c1 = narrow(np.where(hi, 0, yt), e_t + f - e_y, wa)
    y2, c2 = narrow(np.where(hi, qx, 0), e_x - e_y, wa)
    return np.where(hi, y2, y1), c1 + c2


# --------------------------------------------------------------------------- integer interpreter

def quantize_input(qm, u):
    """Boundary (§6): q = saturate(round_half_away(u * 2^e_in)); returns (q, saturations)."""
    u = np.asarray(u, dtype=np.float64)
    if not np.all(np.isfinite(u)):
        raise ValueError("input is not finite")
    if u.ndim != 2 or u.shape[1] != qm["input_size"]:
        raise ValueError(f"input must be [T, {qm['input_size']}], got {list(u.shape)}")
    v = qm["values"][0]
    m = max_code(v["w"])
    y = np.ldexp(u, v["e"])
    big = np.abs(y) > m + 1  # saturates whatever the rounding; keeps the cast in range
    q = round_half_away(np.where(big, np.sign(y) * (m + 1), y)).astype(np.int64)
    return saturate(q, v["w"])


def dequantize(q, e: int):
    """q * 2^-e as float32 (exact: |q| < 2^24 and e in range)."""
    return np.ldexp(np.asarray(q, dtype=np.int64).astype(np.float32), -int(e)).astype(np.float32)


def run_int(qm, q_input, trace: dict | None = None):
    """Evaluate the integer model on integer inputs [T, d_input] from the zero state.

    Returns (q_output [T, d_output] int64, {op index: saturation count}).  Every op runs
    over the whole sequence at once (only diag_recurrence carries state, within itself),
    which is the per-step order of the spec.  ``trace`` (a dict) receives every value."""
    S = qm["scheme"]
    wa, A = S["act"], S["acc"]
    vals = qm["values"]
    q_input = np.asarray(q_input)
    if q_input.dtype.kind not in "iu":
        raise TypeError("run_int takes integers")
    ma = max_code(wa)
    if np.any(np.abs(q_input.astype(np.int64)) > ma):
        raise ValueError(f"input codes exceed ±{ma}")
    V = {0: q_input.astype(np.int64)}
    sat = {}
    ex = lambda v: vals[v]["e"]  # noqa: E731
    for op in qm["ops"]:
        i, kind = op["index"], op["op"]
        x = [V[v] for v in op["operands"]]
        res, cnt = [], 0
        what = f"op {i} ({kind} @{op['location']})"

        def proj(W, e_w, b, e_b, xin, e_in, e_out):
            acc = xin @ W.T
            e_acc = e_w + e_in
            if b is not None:
                acc = acc + (b << np.int64(e_acc - e_b))
            _check_acc(acc, A, what)
            return narrow(acc, e_acc - e_out, wa)

        if kind == "lrnn.project":
            y, cnt = proj(op["W"], op["e_W"], op["bias"], op["e_b"], x[0], ex(op["operands"][0]),
                          ex(op["results"][0]))
            res = [y]
        elif kind == "lrnn.fused_project":
            for pc, r in zip(op["pieces"], op["results"]):
                y, c = proj(pc["W"], pc["e_W"], pc["bias"], pc["e_b"], x[0], ex(op["operands"][0]), ex(r))
                res.append(y)
                cnt += c
        elif kind == "lrnn.complex_project":
            for part, r in zip(("re", "im"), op["results"]):
                y, c = proj(op["W_" + part], op["e_W_" + part], op["bias_" + part], op["e_b_" + part],
                            x[0], ex(op["operands"][0]), ex(r))
                res.append(y)
                cnt += c
        elif kind == "lrnn.diag_recurrence":
            lr, li, e_l = op["lambda_re"], op["lambda_im"], op["e_L"]
            e_v, e_x = ex(op["operands"][0]), ex(op["results"][0])
            vr, vi = align(x[0], e_v, e_x), align(x[1], e_v, e_x)
            sr = np.zeros(vr.shape[1], dtype=np.int64)
            si = np.zeros_like(sr)
            outr, outi = np.empty_like(vr), np.empty_like(vi)
            for t in range(vr.shape[0]):
                re = shift_round(lr * sr, e_l) - shift_round(li * si, e_l) + vr[t]
                im = shift_round(lr * si, e_l) + shift_round(li * sr, e_l) + vi[t]
                _check_acc(re, A, what)
                _check_acc(im, A, what)
                sr, c1 = saturate(re, wa)
                si, c2 = saturate(im, wa)
                cnt += c1 + c2
                outr[t], outi[t] = sr, si
            res = [outr, outi]
        elif kind == "lrnn.crelu":
            keep = (x[0] > 0) | ((x[0] == 0) & (x[1] > 0))
            res = [np.where(keep, x[0], 0), np.where(keep, x[1], 0)]
        elif kind == "lrnn.relu":
            res = [np.maximum(x[0], 0)]
        elif kind == "lrnn.complex_readout":
            acc = x[0] @ op["W_re"].T - x[1] @ op["W_im"].T
            _check_acc(acc, A, what)
            y, cnt = narrow(acc, op["e_W"] + ex(op["operands"][0]) - ex(op["results"][0]), wa)
            res = [y]
        elif kind == "lrnn.scale":
            e_in = ex(op["operands"][0])
            e_acc = op["e_D"] + e_in
            acc = x[0] * op["D"]
            if op["bias"] is not None:
                acc = acc + (op["bias"] << np.int64(e_acc - op["e_b"]))
            _check_acc(acc, A, what)
            y, cnt = narrow(acc, e_acc - ex(op["results"][0]), wa)
            res = [y]
        elif kind == "lrnn.add":
            ea, eb, ey = ex(op["operands"][0]), ex(op["operands"][1]), ex(op["results"][0])
            em = add_exponent(ea, eb, S)
            acc = align(x[0], ea, em) + align(x[1], eb, em)
            _check_acc(acc, A, what)
            y, cnt = narrow(acc, em - ey, wa)
            res = [y]
        elif kind == "lrnn.mul":
            ea, eb, ey = ex(op["operands"][0]), ex(op["operands"][1]), ex(op["results"][0])
            acc = x[0] * x[1]
            _check_acc(acc, A, what)
            y, cnt = narrow(acc, ea + eb - ey, wa)
            res = [y]
        elif kind in ("lrnn.sigmoid", "lrnn.gelu"):
            y, cnt = lut_eval(op["lut"], x[0], ex(op["operands"][0]), ex(op["results"][0]), S)
            res = [y]
        else:
            raise ValueError(f"{what}: unknown integer op")
        for v, val in zip(op["results"], res):
            V[v] = val
        sat[i] = int(cnt)
    if trace is not None:
        trace.update(V)
    return V[qm["output"]], sat


def add_exponent(ea: int, eb: int, S) -> int:
    """Exponent of the exact sum in lrnn.add (§4.9): the finer operand's, unless that would
    shift the coarser one past the accumulator bound."""
    return min(max(ea, eb), min(ea, eb) + S["acc"] - S["act"] - 1)


# --------------------------------------------------------------------------- verifier (§8)

def verify(qm) -> list[str]:
    """Every static limit of §8; returns the violations (empty when the model is valid)."""
    S = qm["scheme"]
    wa, A, ww = S["act"], S["acc"], S["weight"]
    errs = []
    ma = max_code(wa)
    lim = 1 << (A - 1)
    vals = qm["values"]
    if ww > MAX_WEIGHT_WIDTH:
        errs.append(f"weights are {ww} bit (> {MAX_WEIGHT_WIDTH})")
    for v, d in vals.items():
        if d["w"] > MAX_MESSAGE_WIDTH:
            errs.append(f"value {v}: {d['w']}-bit messages (> {MAX_MESSAGE_WIDTH})")
        if not -128 <= d["e"] <= 127:
            errs.append(f"value {v}: exponent {d['e']} outside [-128, 127]")

    def fits(q, w, name):
        if q is not None and np.any(np.abs(q) > max_code(w)):
            errs.append(f"{name}: codes exceed {w} bit")

    def row_bound(name, Ws, b, e_acc, e_b):
        if b is not None and e_b > e_acc:
            errs.append(f"{name}: bias exponent {e_b} finer than the accumulator's {e_acc}")
            return
        bound = max(row_bounds(Ws, b, 0 if b is None else e_acc - e_b, ma))
        if bound >= lim:
            errs.append(f"{name}: accumulator bound {bound} >= 2^{A - 1}")

    for op in qm["ops"]:
        kind, name = op["op"], f"op {op['index']} ({op['op']} @{op['location']})"
        e_in = vals[op["operands"][0]]["e"]
        consts = [op] + list(op.get("pieces", []))
        for key, e in [(k, v) for d in consts for k, v in d.items() if k.startswith("e_")]:
            if e is not None and not -128 <= e <= 127:
                errs.append(f"{name}: {key} = {e} outside [-128, 127]")
        if kind == "lrnn.project":
            fits(op["W"], ww, name)
            fits(op["bias"], S["bias"], name)
            row_bound(name, [op["W"]], op["bias"], op["e_W"] + e_in, op["e_b"])
        elif kind == "lrnn.fused_project":
            for pc in op["pieces"]:
                fits(pc["W"], ww, name)
                fits(pc["bias"], S["bias"], name)
                row_bound(name, [pc["W"]], pc["bias"], pc["e_W"] + e_in, pc["e_b"])
        elif kind == "lrnn.complex_project":
            for p in ("re", "im"):
                fits(op["W_" + p], ww, name)
                fits(op["bias_" + p], S["bias"], name)
                row_bound(name, [op["W_" + p]], op["bias_" + p], op["e_W_" + p] + e_in, op["e_b_" + p])
            if vals[op["results"][0]]["e"] != vals[op["results"][1]]["e"]:
                errs.append(f"{name}: real and imaginary parts must share an exponent")
        elif kind == "lrnn.complex_readout":
            fits(op["W_re"], ww, name)
            fits(op["W_im"], ww, name)
            row_bound(name, [op["W_re"], op["W_im"]], None, 0, 0)
        elif kind == "lrnn.scale":
            fits(op["D"], ww, name)
            fits(op["bias"], S["bias"], name)
            row_bound(name, [op["D"][:, None]], op["bias"], op["e_D"] + e_in, op["e_b"])
        elif kind == "lrnn.diag_recurrence":
            fits(op["lambda_re"], S["lambda"], name)
            fits(op["lambda_im"], S["lambda"], name)
            e_x, e_v = vals[op["results"][0]]["e"], vals[op["operands"][0]]["e"]
            if vals[op["results"][1]]["e"] != e_x or vals[op["operands"][1]]["e"] != e_v:
                errs.append(f"{name}: real and imaginary parts must share an exponent")
            mags = np.abs(op["lambda_re"]) + np.abs(op["lambda_im"])
            prod = (int(mags.max()) if mags.size else 0) * ma
            term = (prod >> op["e_L"]) + 2 if op["e_L"] >= 0 else prod << -op["e_L"]
            vb = ma << max(0, e_x - e_v) if e_x >= e_v else (ma >> (e_v - e_x)) + 1
            if term + vb >= lim or ma * max_code(S["lambda"]) >= lim:
                errs.append(f"{name}: recurrence intermediate may exceed 2^{A - 1}")
        elif kind == "lrnn.add":
            ea, eb = e_in, vals[op["operands"][1]]["e"]
            em = add_exponent(ea, eb, S)
            b = sum((ma << (em - e)) if em >= e else (ma >> (e - em)) + 1 for e in (ea, eb))
            if b >= lim:
                errs.append(f"{name}: sum may exceed 2^{A - 1}")
        elif kind == "lrnn.mul":
            if ma * ma >= lim:
                errs.append(f"{name}: product may exceed 2^{A - 1}")
        elif kind in ("lrnn.sigmoid", "lrnn.gelu"):
            fits(op["lut"]["nodes"], S["lut"], name)
        elif kind in ("lrnn.relu", "lrnn.crelu"):
            for a, r in zip(op["operands"], op["results"]):
                if vals[a]["e"] != vals[r]["e"]:
                    errs.append(f"{name}: result exponent must equal the operand's")
    return errs


# --------------------------------------------------------------------------- evaluation helpers

def snr_db(out, ref) -> float:
    out = np.asarray(out, dtype=np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    noise = float(np.sum((out - ref) ** 2))
    return math.inf if noise == 0 else 10.0 * math.log10(float(np.sum(ref ** 2)) / noise)


def evaluate(model_path, u_calib, u_eval, scheme="w8a16", headroom=0, ranges=None):
    """Quantise (calibrated on u_calib) and run on u_eval; a summary dict."""
    P = build_program(model_path)
    if ranges is None:
        ranges = calibrate(P, u_calib)
    qm = quantize(P, ranges, scheme, headroom)
    q_in, n_in = quantize_input(qm, u_eval)
    q_out, sat = run_int(qm, q_in)
    y = dequantize(q_out, qm["values"][qm["output"]]["e"])
    ref = reference.run(reference.load(model_path), u_eval)
    return {"qmodel": qm, "program": P, "ranges": ranges, "q_out": q_out, "out": y, "ref": ref,
            "snr_db": snr_db(y, ref), "max_abs_err": float(np.max(np.abs(y - ref))),
            "input_saturations": n_in, "saturations": sat}


def dump_qmodel(qm, path):
    """Save the integer model: every array as ``op<i>.<key>`` (int64), everything else
    (exponents, widths, value table, op list) as the JSON string ``meta``."""
    arrays, ops = {}, []
    for op in qm["ops"]:
        meta = {}
        for key, val in op.items():
            if isinstance(val, np.ndarray):
                arrays[f"op{op['index']}.{key}"] = val
            elif key == "lut":
                arrays[f"op{op['index']}.lut.nodes"] = val["nodes"]
                meta[key] = {k: v for k, v in val.items() if k != "nodes"}
            elif key == "pieces":
                meta[key] = []
                for j, pc in enumerate(val):
                    meta[key].append({k: v for k, v in pc.items() if not isinstance(v, np.ndarray)})
                    for k, v in pc.items():
                        if isinstance(v, np.ndarray):
                            arrays[f"op{op['index']}.pieces.{j}.{k}"] = v
            else:
                meta[key] = val
        ops.append(meta)
    meta = {k: v for k, v in qm.items() if k != "ops"}
    meta["values"] = {str(k): v for k, v in qm["values"].items()}
    meta["ops"] = ops
    np.savez(path, meta=np.array(json.dumps(meta)), **arrays)


def _load_ranges(path, P, name):
    if path.endswith(".json"):
        with open(path) as f:
            return json.load(f)
    return calibrate(P, np.load(path), name)


def main(argv=None) -> int:
    global ROUNDING
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", help="interchange model (.safetensors)")
    ap.add_argument("--calib", required=True,
                    help="calibration sequence (.npy, [T, d_input]) or lrnn-calibration/1 file (.json)")
    ap.add_argument("--input", required=True, help=".npy, [T, d_input]")
    ap.add_argument("--scheme", default="w8a16", choices=sorted(SCHEMES))
    ap.add_argument("--output", help=".npy to write: float32 outputs, or int32 codes with --raw")
    ap.add_argument("--raw", action="store_true", help="write the raw integer outputs")
    ap.add_argument("--write-ranges", help="write the calibration document (JSON)")
    ap.add_argument("--dump", help="write the integer model (.npz: arrays + a JSON 'meta' entry)")
    ap.add_argument("--headroom", type=int, default=0, help="bits of headroom on activation exponents")
    ap.add_argument("--rounding", default="half_up", choices=("half_up", "floor"),
                    help="rescale rounding (the spec is half_up; floor only for comparison)")
    ap.add_argument("--sigmoid-segments", type=int, default=None,
                    help="experiment: sigmoid table over [-8, 8) with this many segments (power of 2)")
    args = ap.parse_args(argv)
    ROUNDING = args.rounding
    if args.sigmoid_segments:
        LUTS["sigmoid"] = dict(LUTS["sigmoid"], k=int(math.log2(args.sigmoid_segments)) - 4)
    P = build_program(args.model)
    ranges = _load_ranges(args.calib, P, "model")
    if args.write_ranges:
        with open(args.write_ranges, "w") as f:
            json.dump(ranges, f, indent=1)
    qm = quantize(P, ranges, args.scheme, args.headroom)
    if args.dump:
        dump_qmodel(qm, args.dump)
    u = np.load(args.input)
    q_in, n_in = quantize_input(qm, u)
    q_out, sat = run_int(qm, q_in)
    e_out = qm["values"][qm["output"]]["e"]
    y = dequantize(q_out, e_out)
    if args.output:
        np.save(args.output, q_out.astype(np.int32) if args.raw else y)
    ref = reference.run(reference.load(args.model), u)
    print(f"scheme {args.scheme}: output exponent {e_out}, SNR {snr_db(y, ref):.2f} dB, "
          f"max abs error {float(np.max(np.abs(y - ref))):.4g} (max |ref| {float(np.max(np.abs(ref))):.4g})")
    print(f"saturations: input {n_in}, ops {sum(sat.values())}")
    for op in qm["ops"]:
        if sat[op["index"]]:
            print(f"  op {op['index']:3d} {op['op']:<22} {op['location']:<24} {sat[op['index']]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
