"""Running a trained denoiser on every lrnn backend and scoring it.

Backends (names used in tables and file names):
  interpreter -- the float model on lrnn's reference interpreter (float64)
  cpu         -- the float model after lrnnc's pipeline (fold, eliminate, fuse), JIT-compiled
  cpu-fixed   -- the w8a16 integer model (calibrated on the bundled validation clips), JIT-compiled
  loihi2      -- the same integer model compiled for one Oheo Gulch chip, on the functional
                 simulator (bit-exact with cpu-fixed by construction; both are run and compared)
Every clip starts from the zero state.
"""

import json
import os
import re
import time
import warnings

import numpy as np

from . import audio

BACKENDS = ("interpreter", "cpu", "cpu-fixed", "loihi2")
HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLE = os.path.normpath(os.path.join(HERE, "..", "data"))


class Clip:
    def __init__(self, name, clean, noisy, info=None):
        if clean is not None and clean.shape != noisy.shape:
            raise ValueError(f"{name}: clean and noisy lengths differ")
        self.name, self.clean, self.noisy, self.info = name, clean, noisy, info or {}
        self.mag, self.spec = audio.features(noisy)


def load_bundle(directory: str = BUNDLE):
    """(test clips, calibration clips) of the committed set written by generate-data --bundle."""
    path = os.path.join(directory, "manifest.json")
    try:
        with open(path) as f:
            manifest = json.load(f)
        test = [Clip(f"test-{e['index']}", audio.read_wav(os.path.join(directory, e["clean"])),
                     audio.read_wav(os.path.join(directory, e["noisy"])), e)
                for e in manifest["test"]]
        calib = [Clip(f"validation-{e['index']}", None,
                      audio.read_wav(os.path.join(directory, e["noisy"])), e)
                 for e in manifest["validation"]]
    except (OSError, KeyError, TypeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: cannot read the bundled clips ({error})") from None
    if not test or not calib:
        raise ValueError(f"{path}: no test or no validation clips")
    return test, calib


def calibration_features(clips) -> np.ndarray:
    """The calibration sequence: the clips' magnitude frames one after another."""
    return np.concatenate([c.mag for c in clips]).astype(np.float32)


class Runner:
    """One model on the requested backends."""

    def __init__(self, lrnn, model_path: str, calibration: np.ndarray, backends=BACKENDS,
                 system: str = "oheo-gulch", mode: str = "fall-through"):
        for b in backends:
            if b not in BACKENDS:
                raise ValueError(f"unknown backend '{b}' (expected one of {', '.join(BACKENDS)})")
        self.backends = tuple(backends)
        self.model = lrnn.load(model_path)
        self.saturation_warnings = []
        if "cpu" in backends:
            self.cpu = self.model.optimize().compile("cpu")
        if "cpu-fixed" in backends or "loihi2" in backends:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", lrnn.CompilerWarning)
                self.fixed = self.model.optimize(fuse=False).quantize(calibration)
            self.saturation_warnings = [str(w.message) for w in caught]
            if "cpu-fixed" in backends:
                self.cpu_fixed = self.fixed.compile("cpu")
            if "loihi2" in backends:
                self.program = self.fixed.compile("loihi2", system=system, mode=mode)
        self.sim_reports = []

    def masks(self, clip: Clip) -> dict:
        x = clip.mag
        out = {}
        for b in self.backends:
            if b == "interpreter":
                out[b] = self.model.interpret(x)
            elif b == "cpu":
                self.cpu.reset()
                out[b] = self.cpu.run(x)
            elif b == "cpu-fixed":
                self.cpu_fixed.reset()
                out[b] = self.cpu_fixed.run(x)
            elif b == "loihi2":
                y, report = self.program.simulate(x)
                self.sim_reports.append(report)
                out[b] = y
        return out

    def cpu_us_per_step(self, frames: np.ndarray, repeats: int = 5) -> dict:
        """Median wall time per step of the CPU backends over ``frames``, in microseconds."""
        out = {}
        for name, model in (("cpu", getattr(self, "cpu", None)),
                            ("cpu-fixed", getattr(self, "cpu_fixed", None))):
            if model is None:
                continue
            times = []
            for _ in range(repeats):
                model.reset()
                t0 = time.perf_counter()
                model.run(frames)
                times.append(time.perf_counter() - t0)
            out[name] = 1e6 * float(np.median(times)) / len(frames)
        return out

    def loihi2_summary(self) -> dict:
        """Cores, and latency and energy estimates averaged over the simulated clips."""
        if not hasattr(self, "program"):
            return {}
        text = self.program.resource_report()
        m = re.search(r"cores used: (\d+)", text)
        reps = self.sim_reports
        steps = sum(r["tokens"] for r in reps)

        def mean(get):
            return sum(get(r) * r["tokens"] for r in reps) / steps if steps else float("nan")
        return {
            "cores": int(m.group(1)) if m else None,
            "chips": reps[0]["chips_used"] if reps else None,
            "latency_per_step_ns": mean(lambda r: r["estimates"]["latency_per_step_ns"]["mean"]),
            "dynamic_energy_per_step_pj":
                mean(lambda r: r["estimates"]["energy_per_step_pj"]["dynamic_mean"]),
            "energy_per_step_pj": mean(lambda r: r["estimates"]["energy_per_token_pj"]),
            "synaptic_ops_per_step": mean(lambda r: r["per_step"]["synaptic_ops"]["mean"]),
            "real_time_margin": min(r["estimates"]["real_time"]["margin"] for r in reps)
            if reps else None,
            "saturations": sum(r["totals"]["saturations"] for r in reps),
        }


def evaluate(runner: Runner, clips, keep_audio: bool = False) -> dict:
    """SI-SNR per clip and backend (and the input's), means, fixed-vs-simulator agreement."""
    rows = []
    for clip in clips:
        masks = runner.masks(clip)
        row = {"clip": clip.name, "input": audio.si_snr(clip.noisy, clip.clean)}
        if "cpu-fixed" in masks and "loihi2" in masks:
            row["loihi2_equals_cpu_fixed"] = bool(np.array_equal(masks["cpu-fixed"],
                                                                 masks["loihi2"]))
        for b, mask in masks.items():
            y = audio.apply_mask(clip.spec, mask, clip.noisy.size)
            row[b] = audio.si_snr(y, clip.clean)
            if keep_audio:
                row.setdefault("audio", {})[b] = y
        rows.append(row)
    mean = {k: float(np.mean([r[k] for r in rows])) for k in ("input",) + runner.backends}
    return {"clips": rows, "mean": mean,
            "mean_improvement": {b: mean[b] - mean["input"] for b in runner.backends}}


def sparsity(model) -> float:
    """Fraction of zero weights in the model's weight matrices (from the cost report)."""
    tot = nnz = 0
    for op in model.cost_report()["models"][0]["ops"]:
        for w in op["weights"]:
            tot += int(np.prod(w["shape"]))
            nnz += w["nnz"]
    return 1.0 - nnz / tot if tot else 0.0
