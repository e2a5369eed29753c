#!/usr/bin/env python3
"""Bit-exactness of the C++ quantiser, the integer interpreter and the CPU backend against
the numpy implementation of docs/fixed-point.md (test/e2e/fixed_reference.py).

For every case the C++ path is

    lrnn-import MODEL | lrnn-opt --lrnn-fold-norm           (the float IR)
    lrnn-run FLOAT --input CALIB --calibrate RANGES.json      (calibration)
    lrnn-opt FLOAT --lrnn-quantize="scheme=S calibration=RANGES.json"
    lrnn-run FIXED --input EVAL --raw --stats STATS.json      (integers)

and the numpy path quantises the same model from the same ranges and runs it
with integer numpy arithmetic. Every output code, the dequantised float32
output, the input saturation count and the per-op saturation counts must be
identical. The numpy code shares nothing with the C++ code it checks. The CPU backend
(`lrnn-run --backend=cpu`) must reproduce the integer interpreter's output bit for bit, and
the float model's interpreter output within 1e-5 (max error over max |reference|).

Cases: both example models at w8a16 and w8a24 on non-negative inputs (the
models' inputs are STFT magnitudes), and random models covering every
configuration option (test/e2e/check_interpreter.py COVERING) at both schemes,
evaluated on an input of the calibrated scale and on one 4x beyond it, so that
every kind of saturation occurs. Prints one line per case and
"N passed, M failed".
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
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import check_interpreter as ci  # noqa: E402
import fixed_reference as fr  # noqa: E402
import lrnn_format  # noqa: E402


LOIHI2_MODES = ("fall-through", "pipelined")


def tool(bin_dir: str, name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([os.path.join(bin_dir, name), *args], capture_output=True, text=True,
                          timeout=600)


class Runner:
    def __init__(self, bin_dir: str, work: str):
        self.bin, self.work = bin_dir, work
        self.passed = self.failed = 0

    def report(self, name: str, ok: bool, detail: str = "") -> None:
        print(f"{'PASS' if ok else 'FAIL'}: {name}" + (f" ({detail})" if detail else ""))
        if ok:
            self.passed += 1
        else:
            self.failed += 1

    def cpp(self, tag: str, model: str, calib: np.ndarray, evals: dict, scheme: str):
        """The C++ path; returns (ranges, {eval name: (codes, floats, stats)}) or an error."""
        # Pass options are space-separated: the directory name must not be.
        self.cases = getattr(self, "cases", 0) + 1
        d = os.path.join(self.work, f"case{self.cases}")
        os.makedirs(d, exist_ok=True)
        p = lambda f: os.path.join(d, f)  # noqa: E731
        np.save(p("calib.npy"), calib)
        steps = [("lrnn-import", model, "-o", p("imported.mlir")),
                 ("lrnn-opt", p("imported.mlir"), "--lrnn-fold-norm", "-o", p("float.mlir")),
                 ("lrnn-run", p("float.mlir"), "--input", p("calib.npy"), "--output", p("calib_out.npy"),
                  "--calibrate", p("ranges.json")),
                 ("lrnn-opt", p("float.mlir"),
                  f"--lrnn-quantize=scheme={scheme} calibration={p('ranges.json')}", "-o", p("fixed.mlir"))]
        for name, u in evals.items():
            np.save(p(f"{name}.npy"), u)
            steps.append(("lrnn-run", p("fixed.mlir"), "--input", p(f"{name}.npy"), "--output",
                          p(f"{name}_raw.npy"), "--raw", "--stats", p(f"{name}_stats.json")))
            steps.append(("lrnn-run", p("fixed.mlir"), "--input", p(f"{name}.npy"), "--output",
                          p(f"{name}_float.npy")))
            # The CPU backend on the same integer model, and on the float one.
            steps.append(("lrnn-run", p("fixed.mlir"), "--input", p(f"{name}.npy"), "--output",
                          p(f"{name}_cpu.npy"), "--backend=cpu"))
            steps.append(("lrnn-run", p("float.mlir"), "--input", p(f"{name}.npy"), "--output",
                          p(f"{name}_float_interp.npy")))
            steps.append(("lrnn-run", p("float.mlir"), "--input", p(f"{name}.npy"), "--output",
                          p(f"{name}_float_cpu.npy"), "--backend=cpu"))
            # The Loihi 2 program on the functional simulator, both modes.
            for mode in LOIHI2_MODES:
                steps.append(("lrnn-run", p("fixed.mlir"), "--input", p(f"{name}.npy"), "--output",
                              p(f"{name}_loihi2_{mode}.npy"), "--raw", "--backend=loihi2",
                              f"--mode={mode}"))
        for s in steps:
            r = tool(self.bin, *s)
            if r.returncode != 0:
                return None, f"{s[0]} failed: {(r.stderr or r.stdout).strip()[:400]}"
        with open(p("ranges.json")) as f:
            ranges = json.load(f)
        out = {}
        for name in evals:
            with open(p(f"{name}_stats.json")) as f:
                stats = json.load(f)
            out[name] = (np.load(p(f"{name}_raw.npy")), np.load(p(f"{name}_float.npy")), stats,
                         np.load(p(f"{name}_cpu.npy")), np.load(p(f"{name}_float_interp.npy")),
                         np.load(p(f"{name}_float_cpu.npy")),
                         {m: np.load(p(f"{name}_loihi2_{m}.npy")) for m in LOIHI2_MODES})
        return ranges, out

    def case(self, tag: str, model, model_path: str, calib, evals: dict, scheme: str):
        # The CPU backend's C ABI takes float32: evaluate every path on float32 inputs.
        evals = {name: np.asarray(u, dtype=np.float32) for name, u in evals.items()}
        ranges, res = self.cpp(tag, model_path, calib, evals, scheme)
        if ranges is None:
            self.report(f"{tag}: C++ pipeline", False, res)
            return
        P = fr.build_program(model)
        # The numpy calibration of the same float program picks the same
        # exponents (ranges agree to ~1e-16; compare the decisions).
        q_own = fr.quantize(P, fr.calibrate(P, calib), scheme)
        qm = fr.quantize(P, ranges, scheme)
        self.report(f"{tag}: numpy calibration gives the C++ calibration's exponents",
                    q_own["values"] == qm["values"])
        e_out = qm["values"][qm["output"]]["e"]
        for name, u in evals.items():
            codes, floats, stats, cpu, float_interp, float_cpu, loihi2 = res[name]
            q_in, n_in = fr.quantize_input(qm, u)
            q_out, sat = fr.run_int(qm, q_in)
            same_codes = codes.dtype == np.int32 and np.array_equal(codes.astype(np.int64), q_out)
            differ = int(np.count_nonzero(codes.astype(np.int64) != q_out)) if codes.shape == q_out.shape else -1
            same_float = floats.dtype == np.float32 and np.array_equal(floats, fr.dequantize(q_out, e_out))
            cpp_sat = {o["index"]: o["saturations"] for o in stats["ops"]}
            np_sat = {i: c for i, c in sat.items()}
            same_sat = cpp_sat == np_sat and stats["input_saturations"] == n_in and \
                stats["saturations"] == sum(np_sat.values())
            total = sum(np_sat.values())
            self.report(f"{tag} {name}: output codes bit-exact", same_codes,
                        f"{q_out.size} codes" if same_codes else f"{differ} of {q_out.size} differ")
            self.report(f"{tag} {name}: dequantised float32 output exact", same_float)
            self.report(f"{tag} {name}: CPU backend bit-exact with the integer interpreter",
                        cpu.dtype == np.float32 and np.array_equal(cpu, floats),
                        "" if np.array_equal(cpu, floats) else
                        f"{int(np.count_nonzero(cpu != floats))} of {cpu.size} differ")
            scale = max(float(np.abs(float_interp).max()), 1e-30)
            rel = float(np.abs(float_cpu.astype(np.float64) - float_interp).max()) / scale
            self.report(f"{tag} {name}: float CPU backend within 1e-5 of the interpreter", rel <= 1e-5,
                        f"max error / max |ref| {rel:.2g}")
            for mode, sim in loihi2.items():
                same = sim.dtype == np.int32 and sim.shape == q_out.shape and \
                    np.array_equal(sim.astype(np.int64), q_out)
                self.report(f"{tag} {name}: Loihi 2 simulator ({mode}) bit-exact with the reference",
                            same, "" if same or sim.shape != q_out.shape else
                            f"{int(np.count_nonzero(sim.astype(np.int64) != q_out))} of {q_out.size} differ")
            self.report(f"{tag} {name}: saturation counts equal", same_sat,
                        f"input {n_in}, ops {total}" if same_sat else
                        f"C++ input {stats['input_saturations']} ops {cpp_sat}; numpy input {n_in} ops {np_sat}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, help="directory with lrnn-import, lrnn-opt, lrnn-run")
    ap.add_argument("--quick", action="store_true", help="fewer covering models and steps")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        r = Runner(args.bin, work)
        steps = 64 if args.quick else 256
        for name in ("s5-k0.25-d0.1", "s5-k0.5-d0.1"):
            path = os.path.join(ROOT, "examples", name + ".safetensors")
            calib = np.abs(np.random.default_rng(1).standard_normal((steps, 257)))
            evals = {"eval": np.abs(np.random.default_rng(2).standard_normal((steps, 257))),
                     "eval_x4": 4 * np.abs(np.random.default_rng(3).standard_normal((steps // 4, 257)))}
            for scheme in ("w8a16", "w8a24"):
                r.case(f"{name} {scheme}", path, path, calib, evals, scheme)
        rows = [1, 6, 12, 15] if args.quick else list(range(len(ci.COVERING)))
        for idx in rows:
            row = ci.COVERING[idx]
            cfg, density, _ = ci.make_config(row)
            rng = np.random.default_rng([11, idx])
            t = lrnn_format.random_model(cfg, rng, density=density)
            for key, value in (row[len(ci.COLUMNS)] if len(row) > len(ci.COLUMNS) else {}).items():
                t[key] = value(t[key]) if callable(value) else np.full_like(t[key], value)
            t = lrnn_format.cast_tensors(t, "F32")
            path = os.path.join(work, f"covering{idx}.safetensors")
            lrnn_format.write_model(path, cfg, t)
            calib = rng.standard_normal((steps // 4, cfg["d_input"]))
            evals = {"eval": rng.standard_normal((steps // 4, cfg["d_input"])),
                     "eval_x4": 4 * rng.standard_normal((steps // 4, cfg["d_input"]))}
            for scheme in ("w8a16", "w8a24"):
                r.case(f"covering model {idx} ({ci.describe(cfg, density, 'F32')}) {scheme}",
                       (cfg, t), path, calib, evals, scheme)
    print(f"{r.passed} passed, {r.failed} failed")
    return 0 if r.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
