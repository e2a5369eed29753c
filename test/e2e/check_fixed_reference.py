#!/usr/bin/python3
"""Self-tests of the integer (fixed-point) numpy reference, test/e2e/fixed_reference.py.

    check_fixed_reference.py [--quick] [--lrnn-run PATH --lrnn-opt PATH]

Checks the primitives against their mathematical definitions in docs/fixed-point.md
(exact halves of both signs, most negative codes, shifts at and beyond the width,
saturation counts), the boundary conversions, the exponent rules, the LUTs (contents,
monotonicity, largest error against the float functions), two tiny models computed by
hand, the static verifier, determinism and streaming (prefix) consistency, an independent
per-step scalar implementation in Python integers on models covering every configuration
option, and the quality target (output SNR >= 30 dB for w8a16 on the bundled example
models, calibrated on one random sequence and evaluated on another).  With ``--lrnn-run``
and ``--lrnn-opt`` it also compares the calibration ranges with ``lrnn-run --calibrate``.

Prints one line per check and ``N passed, M failed``; exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import fixed_reference as fr  # noqa: E402
import lrnn_format  # noqa: E402
import reference  # noqa: E402


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(f"{'PASS' if ok else 'FAIL'}  {name}{'  ' + detail if detail else ''}", flush=True)

    def raises(self, name, exc, fn):
        try:
            fn()
        except exc as e:
            self.check(name, True, f"({type(e).__name__}: {str(e).splitlines()[0][:80]})")
            return
        except Exception as e:  # noqa: BLE001
            self.check(name, False, f"raised {type(e).__name__}: {e}")
            return
        self.check(name, False, "did not raise")


# --------------------------------------------------------------------------- math definitions (Python ints)

def m_(w):
    return (1 << (w - 1)) - 1


def rescale_math(x: int, s: int) -> int:
    """floor((x + 2^(s-1)) / 2^s) for s > 0; x * 2^-s otherwise (exact, unbounded)."""
    if s > 0:
        return (x + (1 << (s - 1))) // (1 << s)
    return x * (1 << -s)


def sat_math(x: int, w: int):
    m = m_(w)
    return max(-m, min(m, x)), int(x > m or x < -m)


def narrow_math(x: int, s: int, w: int):
    return sat_math(rescale_math(x, s), w)


# --------------------------------------------------------------------------- primitives

def test_primitives(c: Checks):
    sr = lambda x, s: int(fr.shift_round(np.array([x], dtype=np.int64), s)[0])  # noqa: E731
    cases = [(5, 1, 3), (-5, 1, -2), (3, 1, 2), (-3, 1, -1), (1, 1, 1), (-1, 1, 0),
             (6, 2, 2), (-6, 2, -1), (7, 2, 2), (-7, 2, -2), (-2, 2, 0), (2, 2, 1),
             (0, 5, 0), (123, 0, 123), (-123, 0, -123), (3, -2, 12), (-3, -2, -12)]
    bad = [(x, s, sr(x, s), want) for x, s, want in cases if sr(x, s) != want]
    c.check("round half up: exact halves go towards +inf (2.5->3, -2.5->-2, -1.5->-1)", not bad, str(bad))
    big = (1 << 62) - 1
    edge = [(big, 63, 0), (-big, 63, 0), (big, 100, 0), (-big, 1000, 0), (1 << 61, 62, 1),
            (-(1 << 61), 62, 0), (-(1 << 61) - 1, 62, -1), (big, 62, 1), (-big, 62, -1),
            (-(1 << 30), 31, 0), (-(1 << 30) - 1, 31, -1), ((1 << 30), 31, 1)]
    bad = [(x, s, sr(x, s), want) for x, s, want in edge if sr(x, s) != want]
    c.check("shift by >= 63 gives 0; shift 62 and 31 at +-half and beyond", not bad, str(bad))

    rng = np.random.default_rng(11)
    xs = np.concatenate([rng.integers(-(1 << 62) + 1, 1 << 62, 4000, dtype=np.int64),
                         rng.integers(-(1 << 20), 1 << 20, 4000, dtype=np.int64),
                         np.array([0, 1, -1, (1 << 62) - 1, -(1 << 62) + 1], dtype=np.int64)])
    bad = 0
    for s in list(range(1, 70)) + [0, -1]:
        got = fr.shift_round(xs if s >= 0 else xs >> 2, s)
        want = [rescale_math(int(x), s) for x in (xs if s >= 0 else xs >> 2)]
        bad += int(np.count_nonzero(got != np.array(want, dtype=object)))
    c.check("shift_round equals floor((x + 2^(s-1)) / 2^s) on random x, s = 0..69", bad == 0, f"{bad} mismatches")
    ok = True
    for s in range(1, 63):
        hw = (xs >> s) + ((xs >> (s - 1)) & 1)
        ok &= bool(np.array_equal(hw, fr.shift_round(xs, s)))
    c.check("round half up == (x >> s) + ((x >> (s-1)) & 1) (the overflow-free form)", ok)

    for w in (8, 16, 24):
        m = m_(w)
        x = np.array([-(1 << (w - 1)), -m, m, m + 1, 0, -(1 << (w - 1)) - 5], dtype=np.int64)
        y, n = fr.saturate(x, w)
        c.check(f"saturate {w} bit: most negative code -2^{w - 1} -> -{m}, counts 3",
                y.tolist() == [-m, -m, m, m, 0, -m] and n == 3, f"{y.tolist()} {n}")

    nr = lambda x, s, w: tuple(int(v) for v in fr.narrow(np.array([x], dtype=np.int64), s, w))  # noqa: E731
    cases = [((1, -14, 16), (16384, 0)), ((2, -14, 16), (32767, 1)), ((-2, -14, 16), (-32767, 1)),
             ((1, -100, 16), (32767, 1)), ((-1, -63, 24), (-m_(24), 1)), ((0, -100, 16), (0, 0)),
             ((65535, 1, 16), (32767, 1)), ((65533, 1, 16), (32767, 0)), ((-65535, 1, 16), (-32767, 0)),
             ((-65536, 1, 16), (-32767, 1)), ((-65537, 1, 16), (-32767, 1)), ((5, 0, 16), (5, 0))]
    bad = [(a, nr(*a), want) for a, want in cases if nr(*a) != want]
    c.check("narrow: left shifts saturate without overflow, right shifts round then saturate",
            not bad, str(bad))
    bad = 0
    for s in range(-70, 70, 3):
        for w in (16, 24):
            x = rng.integers(-(1 << 46), 1 << 46, 300, dtype=np.int64)
            y, n = fr.narrow(x, s, w)
            want = [narrow_math(int(v), s, w) for v in x]
            bad += int(y.tolist() != [a for a, _ in want]) + int(n != sum(b for _, b in want))
    c.check("narrow equals saturate(rescale(x)) on random 47-bit x, s = -70..68", bad == 0, f"{bad} mismatches")


def test_boundary_and_exponents(c: Checks):
    ce = fr.choose_exponent
    got = [ce(1.0, 16), ce(0.999, 16), ce(32767, 16), ce(32768, 16), ce(0.0, 16), ce(0.0, 24),
           ce(1e30, 16), ce(1e-30, 16), ce(1.0, 16, 1), ce(127.0, 8), ce(127.5, 8), ce(4.4063, 16)]
    want = [14, 15, 0, -1, 14, 22, fr.E_MIN, fr.E_MAX, 13, 0, -1, 12]
    c.check("exponent rule: largest e with absmax*2^e <= 2^(w-1)-1, clamped, 0 counts as 1",
            got == want, f"{got} != {want}")
    q, e = fr.quantize_const(np.array([1.0, -1.0, 0.5, -0.25, 1 / 128, -3 / 256]), 8)
    c.check("constants: max 1.0 in 8 bit gives e = 6, q = round(x * 64)",
            e == 6 and q.tolist() == [64, -64, 32, -16, 1, -1], f"e={e} q={q.tolist()}")
    q, e = fr.quantize_const(np.array([2.5, -2.5, 0.49999999999999994, -0.5, 127.49, -127.5]), 8, 0)
    c.check("round_half_away: 2.5->3, -2.5->-3, 0.49999999999999994->0, -0.5->-1, clamp to +-127",
            q.tolist() == [3, -3, 0, -1, 127, -127], str(q.tolist()))
    q, e = fr.quantize_const(np.zeros(3), 16)
    c.check("all-zero constant: q = 0, e = w - 2", q.tolist() == [0, 0, 0] and e == 14)

    qm = {"values": {0: {"e": 2, "w": 16}}, "input_size": 6}
    u = np.array([[0.125, -0.125, 0.375, 1e6, -1e300, 8191.875]])
    q, n = fr.quantize_input(qm, u)
    c.check("input: u*2^e rounded half away (0.5->1, -0.5->-1, 1.5->2), saturated and counted (32767.5 -> 32768 counts)",
            q.tolist() == [[1, -1, 2, 32767, -32767, 32767]] and n == 3, f"{q.tolist()} {n}")
    c.raises("input: non-finite values are an error", ValueError,
             lambda: fr.quantize_input(qm, np.array([[0, 0, 0, np.nan, 0, 0]])))
    c.raises("run_int refuses float inputs", TypeError, lambda: fr.run_int({"scheme": fr.SCHEMES["w8a16"],
             "values": {}, "ops": []}, np.zeros((2, 2))))
    y = fr.dequantize(np.array([32767, -32767, 1, 0]), 15)
    c.check("dequantize: q*2^-e exactly as float32", y.dtype == np.float32 and
            y.tolist() == [32767 / 32768, -32767 / 32768, 2 ** -15, 0.0])
    # The accumulator rule lowers the weight exponent of a block that could overflow.
    S = fr.SCHEMES["w8a16"]
    (qw,), e_w, _, _ = fr.quantize_weight_block([np.ones((2, 2000))], None, 14, S, "t")
    c.check("accumulator rule: 2000 weights of 1.0 at 16-bit input get e_W 5 (not 6)",
            e_w == 5 and int(np.abs(qw).sum(axis=1).max()) * 32767 < 2 ** 31, f"e_W={e_w}")
    (qw,), e_w, qb, e_b = fr.quantize_weight_block([np.full((1, 4), 0.01)], np.array([3.0]), 14, S, "t")
    c.check("bias exponent = min(its own, e_W + e_x): bias aligned by an exact left shift",
            e_b <= e_w + 14 and e_b == 13 and int(qb[0]) == 24576, f"e_W={e_w} e_b={e_b} qb={qb}")


# --------------------------------------------------------------------------- LUTs

def test_luts(c: Checks):
    S = dict(fr.SCHEMES["w8a24"])
    fns = {"sigmoid": reference.sigmoid, "gelu_tanh": reference.gelu_tanh, "gelu_erf": reference.gelu_erf}
    limits = {"sigmoid": 8e-4, "gelu_tanh": 1.7e-3, "gelu_erf": 1.7e-3}
    for fn, f in fns.items():
        L = fr.lut_table(fn)
        v, n = L["nodes"], 1 << (L["r"] + 1 + L["k"])
        c.check(f"{fn}: {n} segments, {n + 1} nodes within 16 bit", len(v) == n + 1 and int(np.abs(v).max()) <= 32767)
        ex = 20
        x = np.arange(-12 << ex, 12 << ex, 61, dtype=np.int64)
        y, sat = fr.lut_eval(L, x, ex, 19, S)
        xf = np.ldexp(x.astype(np.float64), -ex)
        err = np.abs(np.ldexp(y.astype(np.float64), -19) - f(xf))
        inside = np.abs(xf) < (1 << L["r"])
        c.check(f"{fn}: max error inside [-2^r, 2^r) <= {limits[fn]}", float(err[inside].max()) <= limits[fn],
                f"{float(err[inside].max()):.3g}")
        if fn == "sigmoid":
            c.check("sigmoid: nodes non-decreasing and symmetric (v[i] + v[N-i] = 2^15)",
                    bool(np.all(np.diff(v) >= 0)) and bool(np.all(v + v[::-1] == 32768)))
            c.check("sigmoid: output monotone in the input; clamped to end nodes outside",
                    bool(np.all(np.diff(y) >= 0)) and float(err.max()) < 5e-4 + limits[fn], f"{float(err.max()):.3g}")
        else:
            half = v[n // 2:]
            c.check(f"{fn}: nodes increasing for x >= 0; output monotone for x >= 0",
                    bool(np.all(np.diff(half) > 0)) and bool(np.all(np.diff(y[xf >= 0]) >= 0)))
            above = xf >= (1 << L["r"])
            c.check(f"{fn}: identity above the table (y = x), node 0 below", bool(np.all(
                y[above] == fr.narrow(x[above], ex - 19, 24)[0])) and bool(np.all(y[xf < -(1 << L["r"])] == v[0] << 7)))
    # Input exponents: finer than F_max (input rounded first), coarser than a segment.
    L = fr.lut_table("sigmoid")
    S16 = fr.SCHEMES["w8a16"]
    for ex in (-3, 0, 1, 2, 7, 14, 17, 20, 30):
        x = np.arange(-32767, 32768, 7, dtype=np.int64)
        y, _ = fr.lut_eval(L, x, ex, 15, S16)
        want = [scalar_lut(L, int(q), ex, 15, S16)[0] for q in x]
        if y.tolist() != want:
            c.check(f"sigmoid at input exponent {ex} equals the scalar definition", False)
            break
    else:
        c.check("sigmoid at input exponents -3..30 equals the scalar definition (f<0, f>F_max)", True)


# --------------------------------------------------------------------------- scalar (per-step, per-element) implementation

def scalar_lut(L, q, e_x, e_y, S):
    """§5 with Python integers, straight from the formulas."""
    wa, A = S["act"], S["acc"]
    r, k, e_t, v = L["r"], L["k"], L["E_T"], [int(a) for a in L["nodes"]]
    n = 1 << (r + 1 + k)
    f = e_x - k
    f_max = A - 17
    if f > f_max:
        u, f = rescale_math(q, f - f_max), f_max
    elif f >= 0:
        u = q
    else:
        u, f = q << (-f), 0
    j = u >> f
    d = u - (j << f)
    i = j + (1 << (r + k))
    if i >= n and L["fn"] != "sigmoid":
        return narrow_math(q, e_x - e_y, wa)
    if i < 0:
        yt = v[0] << f
    elif i >= n:
        yt = v[n] << f
    else:
        yt = (v[i] << f) + (v[i + 1] - v[i]) * d
    assert abs(yt) < 1 << (A - 1)
    return narrow_math(yt, e_t + f - e_y, wa)


def scalar_run(qm, q_in):
    """Per step, per op, per element, Python integers: the spec's pseudo-code literally."""
    S = qm["scheme"]
    wa, A = S["act"], S["acc"]
    vals = qm["values"]
    e = lambda v: vals[v]["e"]  # noqa: E731
    lim = 1 << (A - 1)
    state = {}
    sat = {op["index"]: 0 for op in qm["ops"]}
    outs = []
    for t in range(q_in.shape[0]):
        V = {0: [int(a) for a in q_in[t]]}
        for op in qm["ops"]:
            i, kind = op["index"], op["op"]
            x = [V[v] for v in op["operands"]]
            res = []

            def proj(W, e_w, b, e_b, xin, e_in, e_out):
                out = []
                for r in range(W.shape[0]):
                    acc = sum(int(W[r, kk]) * xin[kk] for kk in range(W.shape[1]))
                    if b is not None:
                        acc += int(b[r]) << (e_w + e_in - e_b)
                    assert abs(acc) < lim
                    y, s = narrow_math(acc, e_w + e_in - e_out, wa)
                    sat[i] += s
                    out.append(y)
                return out

            if kind == "lrnn.project":
                res = [proj(op["W"], op["e_W"], op["bias"], op["e_b"], x[0], e(op["operands"][0]), e(op["results"][0]))]
            elif kind == "lrnn.fused_project":
                res = [proj(p["W"], p["e_W"], p["bias"], p["e_b"], x[0], e(op["operands"][0]), e(rv))
                       for p, rv in zip(op["pieces"], op["results"])]
            elif kind == "lrnn.complex_project":
                res = [proj(op["W_" + p], op["e_W_" + p], op["bias_" + p], op["e_b_" + p], x[0],
                            e(op["operands"][0]), e(rv)) for p, rv in zip(("re", "im"), op["results"])]
            elif kind == "lrnn.diag_recurrence":
                n = len(x[0])
                sr, si = state.get(i, ([0] * n, [0] * n))
                e_v, e_x, e_l = e(op["operands"][0]), e(op["results"][0]), op["e_L"]
                nr, ni = [], []
                for kk in range(n):
                    lr, li = int(op["lambda_re"][kk]), int(op["lambda_im"][kk])
                    re = (rescale_math(lr * sr[kk], e_l) - rescale_math(li * si[kk], e_l)
                          + rescale_math(x[0][kk], e_v - e_x))
                    im = (rescale_math(lr * si[kk], e_l) + rescale_math(li * sr[kk], e_l)
                          + rescale_math(x[1][kk], e_v - e_x))
                    assert abs(re) < lim and abs(im) < lim
                    a, s1 = sat_math(re, wa)
                    b, s2 = sat_math(im, wa)
                    sat[i] += s1 + s2
                    nr.append(a)
                    ni.append(b)
                state[i] = (nr, ni)
                res = [nr, ni]
            elif kind == "lrnn.crelu":
                keep = [a > 0 or (a == 0 and b > 0) for a, b in zip(x[0], x[1])]
                res = [[a if kp else 0 for a, kp in zip(x[0], keep)], [b if kp else 0 for b, kp in zip(x[1], keep)]]
            elif kind == "lrnn.relu":
                res = [[max(a, 0) for a in x[0]]]
            elif kind == "lrnn.complex_readout":
                out = []
                for r in range(op["W_re"].shape[0]):
                    acc = sum(int(op["W_re"][r, kk]) * x[0][kk] - int(op["W_im"][r, kk]) * x[1][kk]
                              for kk in range(len(x[0])))
                    assert abs(acc) < lim
                    y, s = narrow_math(acc, op["e_W"] + e(op["operands"][0]) - e(op["results"][0]), wa)
                    sat[i] += s
                    out.append(y)
                res = [out]
            elif kind == "lrnn.scale":
                e_acc = op["e_D"] + e(op["operands"][0])
                out = []
                for kk, a in enumerate(x[0]):
                    acc = int(op["D"][kk]) * a
                    if op["bias"] is not None:
                        acc += int(op["bias"][kk]) << (e_acc - op["e_b"])
                    y, s = narrow_math(acc, e_acc - e(op["results"][0]), wa)
                    sat[i] += s
                    out.append(y)
                res = [out]
            elif kind == "lrnn.add":
                ea, eb = e(op["operands"][0]), e(op["operands"][1])
                em = min(max(ea, eb), min(ea, eb) + A - wa - 1)
                out = []
                for a, b in zip(x[0], x[1]):
                    acc = rescale_math(a, ea - em) + rescale_math(b, eb - em)
                    assert abs(acc) < lim
                    y, s = narrow_math(acc, em - e(op["results"][0]), wa)
                    sat[i] += s
                    out.append(y)
                res = [out]
            elif kind == "lrnn.mul":
                s_ = e(op["operands"][0]) + e(op["operands"][1]) - e(op["results"][0])
                out = []
                for a, b in zip(x[0], x[1]):
                    y, s = narrow_math(a * b, s_, wa)
                    sat[i] += s
                    out.append(y)
                res = [out]
            elif kind in ("lrnn.sigmoid", "lrnn.gelu"):
                out = []
                for a in x[0]:
                    y, s = scalar_lut(op["lut"], a, e(op["operands"][0]), e(op["results"][0]), S)
                    sat[i] += s
                    out.append(y)
                res = [out]
            else:
                raise ValueError(kind)
            for v, val in zip(op["results"], res):
                V[v] = val
        outs.append(V[qm["output"]])
    return np.array(outs, dtype=np.int64), sat


# --------------------------------------------------------------------------- hand-computed models

def hand_ranges(P, input_absmax, absmaxes):
    return {"format": "lrnn-calibration/1", "model": "hand", "steps": 1,
            "input": {"min": -input_absmax, "max": input_absmax, "absmax": input_absmax},
            "ops": [{"index": i, "op": op.op, "location": op.loc,
                     "results": [{"min": -a, "max": a, "absmax": a} for _ in op.results]}
                    for i, (op, a) in enumerate(zip(P.ops, absmaxes))]}


def test_hand(c: Checks):
    # project -> relu; sigmoid of the projection; mul; add.  Exponents (w8a16):
    # input 1.0 -> 14; W max 1.0 -> e_W 6 (q = [[32,-16],[48,64]]); bias max 0.5 -> 15 (<= 20);
    # project 2.0 -> 13; sigmoid 0.6 -> 15; mul 0.3 -> 16; add 1.0 -> 14.
    P = fr.Program(2, 2)
    y = P.add("lrnn.project", "p", [0], 1, 2, weight=np.array([[0.5, -0.25], [0.75, 1.0]]),
              bias=np.array([0.125, -0.5]))
    r = P.add("lrnn.relu", "r", [y], 1, 2)
    g = P.add("lrnn.sigmoid", "g", [y], 1, 2)
    m = P.add("lrnn.mul", "m", [r, g], 1, 2)
    P.output = P.add("lrnn.add", "a", [m, r], 1, 2)
    qm = fr.quantize(P, hand_ranges(P, 1.0, [2.0, 2.0, 0.6, 0.3, 1.0]), "w8a16")
    q_in, _ = fr.quantize_input(qm, np.array([[0.5, -0.25]]))
    trace = {}
    out, sat = fr.run_int(qm, q_in, trace)
    c.check("hand model: constants q_W = [[32,-16],[48,64]] e_W 6, q_b = [4096,-16384] e_b 15",
            qm["ops"][0]["W"].tolist() == [[32, -16], [48, 64]] and qm["ops"][0]["e_W"] == 6
            and qm["ops"][0]["bias"].tolist() == [4096, -16384] and qm["ops"][0]["e_b"] == 15)
    # acc = [32*8192 + 16*4096 + 4096<<5, 48*8192 - 64*4096 - 16384<<5] = [458752, -393216] (e 20)
    # -> >>7 -> [3584, -3072] (0.4375, -0.375 at e 13)
    c.check("hand model: project [3584, -3072]", trace[y][0].tolist() == [3584, -3072], str(trace[y][0]))
    # sigmoid: f = 11; 3584: j 1, d 1536, i 33: 18421*2048 + 1976*1536 = 40761344 -> >>11 -> 19903
    #          -3072: j -2, d 1024, i 30: 12371*2048 + 1976*1024 = 27359232 -> 13359
    c.check("hand model: sigmoid LUT [19903, 13359]", trace[g][0].tolist() == [19903, 13359], str(trace[g][0]))
    # mul: 3584*19903 = 71332352 (e 28) -> (x + 2048) >> 12 = 17415; add: e_m 16:
    # 17415 + (3584 << 3) = 46087 -> (46087 + 2) >> 2 = 11522 (e 14) = 0.70325 (float 0.70336)
    c.check("hand model: mul 17415, add 11522 (0.70325)", trace[m][0].tolist() == [17415, 0]
            and out.tolist() == [[11522, 0]] and sum(sat.values()) == 0, f"{trace[m][0]} {out}")

    # complex_project -> diag_recurrence -> crelu -> complex_readout, 4 steps by hand.
    P = fr.Program(1, 1)
    vr, vi = P.add("lrnn.complex_project", "B", [0], 2, 1, weight_re=np.array([[1.0]]),
                   weight_im=np.array([[0.5]]), bias_re=None, bias_im=None)
    xr, xi = P.add("lrnn.diag_recurrence", "L", [vr, vi], 2, 1, lambda_re=np.array([0.5]),
                   lambda_im=np.array([0.25]))
    hr, hi = P.add("lrnn.crelu", "c", [xr, xi], 2, 1)
    P.output = P.add("lrnn.complex_readout", "C", [hr, hi], 1, 1, weight_re=np.array([[1.0]]),
                     weight_im=np.array([[1.0]]), kappa=1.0)
    qm = fr.quantize(P, hand_ranges(P, 1.0, [1.0, 2.0, 2.0, 2.0]), "w8a16")
    c.check("hand recurrence: e_v 14, e_L 15 (q 16384, 8192), e_x 13, readout e_W 6",
            (qm["values"][vr]["e"], qm["ops"][1]["e_L"], qm["ops"][1]["lambda_re"].tolist(),
             qm["ops"][1]["lambda_im"].tolist(), qm["values"][xr]["e"], qm["ops"][3]["e_W"])
            == (14, 15, [16384], [8192], 13, 6))
    q_in, _ = fr.quantize_input(qm, np.array([[1.0], [0.0], [-0.5], [0.0]]))
    trace = {}
    out, sat = fr.run_int(qm, q_in, trace)
    # t0: v = (16384, 8192) at e14 -> aligned (8192, 4096) at e13; x = (8192, 4096) = 1 + 0.5i
    # t1: re = 16384*8192>>15 - 8192*4096>>15 = 4096 - 1024 = 3072; im = 2048 + 2048 = 4096
    # t2: v = (-8192, -4096) -> (-4096, -2048); re = 1536 - 1024 - 4096 = -3584; im = 2048 + 768 - 2048 = 768
    # t3: re = -1792 - 192 = -1984; im = 384 - 896 = -512
    c.check("hand recurrence: states (8192,4096) (3072,4096) (-3584,768) (-1984,-512)",
            trace[xr][:, 0].tolist() == [8192, 3072, -3584, -1984] and trace[xi][:, 0].tolist() == [4096, 4096, 768, -512],
            f"{trace[xr][:, 0].tolist()} {trace[xi][:, 0].tolist()}")
    # readout 64*re - 64*im (e 19) >> 6: 4096, -1024, crelu zeroes t2 and t3
    c.check("hand recurrence: crelu + readout [4096, -1024, 0, 0] (0.5, -0.125, 0, 0)",
            out[:, 0].tolist() == [4096, -1024, 0, 0] and sum(sat.values()) == 0, str(out[:, 0].tolist()))
    qm = fr.quantize(P, hand_ranges(P, 1.0, [1.0, 1.0, 1.0, 2.0]), "w8a16")  # state range +-2
    q_in, n_in = fr.quantize_input(qm, np.array([[3.0], [1.9], [1.9], [1.9]]))
    out, sat = fr.run_int(qm, q_in)
    c.check("hand recurrence: input 3.0 saturates at the boundary (1 count), states saturate and are counted",
            n_in == 1 and sat[1] > 0 and int(np.abs(fr.run_int(qm, q_in, {})[0]).max()) <= 32767,
            f"input {n_in}, ops {sat}")

    # fused_project == the separate projections it stacks (each piece its own weight block)
    P = fr.Program(3, 2)
    w = np.array([[0.3, -0.7, 0.1], [0.02, 0.01, -0.03], [1.5, 0.0, -2.0]])
    b = np.array([0.1, -0.01, 0.5])
    f1, f2 = P.add("lrnn.fused_project", "f", [0], 2, 2, weight=w, bias=b, sizes=[2, 1])
    P.sizes[f2] = 1
    P.output = P.add("lrnn.add", "a", [f1, f1], 1, 2)
    P2 = fr.Program(3, 2)
    s1 = P2.add("lrnn.project", "f", [0], 1, 2, weight=w[:2], bias=b[:2])
    s2 = P2.add("lrnn.project", "f", [0], 1, 1, weight=w[2:], bias=b[2:])
    P2.output = P2.add("lrnn.add", "a", [s1, s1], 1, 2)
    u = np.random.default_rng(3).standard_normal((20, 3))
    R = fr.calibrate(P, u)
    R2 = fr.calibrate(P2, u)
    R2["ops"] = [dict(R2["ops"][0], results=[R["ops"][0]["results"][0]]), dict(R2["ops"][1], results=[R["ops"][0]["results"][1]]),
                 dict(R2["ops"][2], results=R["ops"][1]["results"])]
    qa, qb = fr.quantize(P, R, "w8a16"), fr.quantize(P2, R2, "w8a16")
    ta, tb = {}, {}
    fr.run_int(qa, fr.quantize_input(qa, u)[0], ta)
    fr.run_int(qb, fr.quantize_input(qb, u)[0], tb)
    c.check("fused_project equals its separate projections (per-piece weight exponents)",
            np.array_equal(ta[f1], tb[s1]) and np.array_equal(ta[f2], tb[s2])
            and [p["e_W"] for p in qa["ops"][0]["pieces"]] == [qb["ops"][0]["e_W"], qb["ops"][1]["e_W"]])


# --------------------------------------------------------------------------- verifier

def test_verifier(c: Checks):
    P = fr.Program(2, 2)
    P.output = P.add("lrnn.project", "p", [0], 1, 2, weight=np.array([[0.5, -0.25], [0.75, 1.0]]),
                     bias=np.array([0.125, -0.5]))
    qm = fr.quantize(P, hand_ranges(P, 1.0, [2.0]), "w8a16")
    c.check("verifier: a quantised model has no violations", fr.verify(qm) == [])

    def mutated(fn):
        q = json.loads(json.dumps(qm, default=lambda a: a.tolist()))
        q["values"] = {int(k): v for k, v in q["values"].items()}
        for op in q["ops"]:
            for k in ("W", "bias"):
                if op.get(k) is not None:
                    op[k] = np.array(op[k], dtype=np.int64)
        fn(q)
        return fr.verify(q)
    c.check("verifier: a 9-bit weight code is rejected", any("8 bit" in e for e in mutated(
        lambda q: q["ops"][0]["W"].__setitem__((0, 0), 200))))
    c.check("verifier: 32-bit messages are rejected", any("messages" in e for e in mutated(
        lambda q: q["values"][0].__setitem__("w", 32))))
    c.check("verifier: a bias finer than its accumulator is rejected", any("finer" in e for e in mutated(
        lambda q: q["ops"][0].__setitem__("e_b", 21))))
    c.check("verifier: an accumulator that can reach 2^31 is rejected", any("accumulator" in e for e in mutated(
        lambda q: q["ops"][0].__setitem__("bias", np.array([32767, 0]) ) or q["ops"][0].__setitem__("e_b", 0))))
    c.check("verifier: 16-bit weights are rejected", any("weights are" in e for e in mutated(
        lambda q: q.__setitem__("scheme", dict(q["scheme"], weight=16)))))


# --------------------------------------------------------------------------- models

def covering_cases(rows, steps, seed=5):
    import check_interpreter as ci
    for idx in rows:
        row = ci.COVERING[idx]
        cfg, density, _ = ci.make_config(row)
        rng = np.random.default_rng([seed, idx])
        t = lrnn_format.random_model(cfg, rng, density=density)
        for name, value in (row[len(ci.COLUMNS)] if len(row) > len(ci.COLUMNS) else {}).items():
            t[name] = value(t[name]) if callable(value) else np.full_like(t[name], value)
        t = lrnn_format.cast_tensors(t, "F32")
        yield idx, cfg, t, rng.standard_normal((steps, cfg["d_input"])), rng.standard_normal((steps, cfg["d_input"]))


def test_scalar_equivalence(c: Checks, quick: bool):
    rows = [1, 6, 12] if quick else [0, 1, 2, 5, 6, 10, 12, 13, 15, 17]
    for idx, cfg, t, uc, ue in covering_cases(rows, 24):
        P = fr.build_program((cfg, t))
        R = fr.calibrate(P, uc)
        for scheme in ("w8a16", "w8a24"):
            for gain in (1.0, 4.0):  # 4x: beyond the calibrated range, saturations everywhere
                qm = fr.quantize(P, R, scheme)
                q_in, _ = fr.quantize_input(qm, gain * ue)
                a, sa = fr.run_int(qm, q_in)
                b, sb = scalar_run(qm, q_in)
                ok = np.array_equal(a, b) and sa == sb
                c.check(f"covering model {idx} ({cfg['activation']}, glu {cfg['glu']}, norm "
                        f"{cfg['norm']}/{cfg.get('norm_position', 'pre')}) {scheme} x{gain:g}: numpy == scalar",
                        ok, f"saturations {sum(sa.values())}" + ("" if ok else f" vs {sum(sb.values())}"))


def test_sensitivity(c: Checks):
    """The scalar comparison notices a plausible implementation bug (floor shifts)."""
    (idx, cfg, t, uc, ue), = covering_cases([12], 16)
    P = fr.build_program((cfg, t))
    qm = fr.quantize(P, fr.calibrate(P, uc), "w8a16")
    q_in, _ = fr.quantize_input(qm, ue)
    fr.ROUNDING = "floor"
    try:
        a, _ = fr.run_int(qm, q_in)
    finally:
        fr.ROUNDING = "half_up"
    b, _ = scalar_run(qm, q_in)
    c.check("sensitivity: floor shifts instead of round-half-up are detected by the scalar comparison",
            not np.array_equal(a, b), f"{int(np.count_nonzero(a != b))} of {a.size} outputs differ")


def test_model_properties(c: Checks):
    (idx, cfg, t, uc, ue), = covering_cases([6], 64)
    P = fr.build_program((cfg, t))
    qm = fr.quantize(P, fr.calibrate(P, uc), "w8a16")
    q_in, _ = fr.quantize_input(qm, ue)
    a1, s1 = fr.run_int(qm, q_in)
    a2, s2 = fr.run_int(fr.quantize(fr.build_program((cfg, t)), fr.calibrate(P, uc), "w8a16"), q_in.copy())
    c.check("determinism: quantise + run twice gives identical integers and counts",
            np.array_equal(a1, a2) and s1 == s2)
    a3, _ = fr.run_int(qm, q_in[:23])
    c.check("streaming: the output on a prefix is the prefix of the output", np.array_equal(a3, a1[:23]))
    c.check("output codes lie within the activation width", int(np.abs(a1).max()) <= 32767)
    P0 = fr.build_program((cfg, t), fold=False)
    c.check("post-norm model: unfolded batchnorms run as lrnn.scale",
            any(op.op == "lrnn.batchnorm" for op in P.ops) and
            all(q["op"] != "lrnn.batchnorm" for q in qm["ops"]) and
            any(q.get("from") == "lrnn.batchnorm" for q in qm["ops"]), f"{len(P0.ops)} ops before folding")


def test_examples(c: Checks, lrnn_run=None, lrnn_opt=None):
    uc = np.abs(np.random.default_rng(1).standard_normal((512, 257)))
    ue = np.abs(np.random.default_rng(2).standard_normal((512, 257)))
    for name in ("s5-k0.25-d0.1", "s5-k0.5-d0.1"):
        path = os.path.join(ROOT, "examples", name + ".safetensors")
        P = fr.build_program(path)
        V = fr.run_float(P, ue)
        ref = reference.run(reference.load(path), ue)
        rel = reference.rel_error(V[P.output], ref)
        c.check(f"{name}: float program (import + fold-norm) matches reference.py", rel < 1e-6, f"rel {rel:.2g}")
        r = fr.evaluate(path, uc, ue, "w8a16")
        c.check(f"{name}: w8a16 output SNR >= 30 dB (calibrated on seed 1, evaluated on seed 2)",
                r["snr_db"] >= 30.0, f"{r['snr_db']:.2f} dB, saturations {sum(r['saturations'].values())}")
        if lrnn_run and lrnn_opt:
            with tempfile.TemporaryDirectory() as tmp:
                mlir, cal, inp = (os.path.join(tmp, f) for f in ("m.mlir", "c.json", "u.npy"))
                np.save(inp, uc)
                imported = os.path.join(tmp, "i.mlir")
                subprocess.run([os.path.join(os.path.dirname(lrnn_run), "lrnn-import"), path, "-o", imported],
                               check=True, capture_output=True)
                subprocess.run([lrnn_opt, imported, "--lrnn-fold-norm", "--mlir-print-debuginfo", "-o", mlir],
                               check=True, capture_output=True)
                subprocess.run([lrnn_run, mlir, "--input", inp, "--output", os.path.join(tmp, "o.npy"),
                                "--calibrate", cal], check=True, capture_output=True)
                with open(cal) as f:
                    C = json.load(f)
            R = fr.calibrate(P, uc)
            same = [(a["index"], a["op"], a["location"]) for a in R["ops"]] == \
                   [(b["index"], b["op"], b["location"]) for b in C["ops"]]
            worst = max(abs(x[k] - y[k]) / max(abs(y[k]), 1e-300) for a, b in zip(R["ops"], C["ops"])
                        for x, y in zip(a["results"], b["results"]) for k in ("min", "max", "absmax"))
            c.check(f"{name}: calibration equals lrnn-run --calibrate (ops, locations, ranges)",
                    same and worst < 1e-9 and C["format"] == R["format"], f"worst rel {worst:.2g}")
            q1, q2 = fr.quantize(P, R, "w8a16"), fr.quantize(P, C, "w8a16")
            c.check(f"{name}: same exponents from either calibration file", q1["values"] == q2["values"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer covering models")
    ap.add_argument("--lrnn-run", help="compare calibration with this lrnn-run")
    ap.add_argument("--lrnn-opt", help="lrnn-opt used to fold norms before lrnn-run --calibrate")
    args = ap.parse_args(argv)
    c = Checks()
    test_primitives(c)
    test_boundary_and_exponents(c)
    test_luts(c)
    test_hand(c)
    test_verifier(c)
    test_model_properties(c)
    test_scalar_equivalence(c, args.quick)
    test_sensitivity(c)
    test_examples(c, args.lrnn_run, args.lrnn_opt)
    print(f"{c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
