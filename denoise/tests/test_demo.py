"""The demo pipeline on one short bundled clip, through the lrnn package (every backend)."""

import os
import subprocess
import sys

import numpy as np
import pytest

from lrnn_denoise import audio, pipeline

ROOT = os.environ.get("LRNN_SOURCE_DIR") or os.path.dirname(os.path.dirname(pipeline.BUNDLE))
BUILD = os.environ.get("LRNN_BUILD_DIR") or os.path.join(ROOT, "build")
MODEL = os.path.join(ROOT, "examples", "denoise-k0.5-sparse.safetensors")
lrnn = pytest.importorskip("lrnn", reason="the lrnn package is not on PYTHONPATH")


@pytest.fixture(scope="module")
def short_clip():
    clips, calib = pipeline.load_bundle()
    c = clips[0]
    n = 16000                                   # the first second
    return pipeline.Clip(c.name, c.clean[:n], c.noisy[:n], c.info), calib


def test_every_backend_denoises_and_agrees(short_clip):
    clip, calib = short_clip
    runner = pipeline.Runner(lrnn, MODEL, pipeline.calibration_features(calib))
    masks = runner.masks(clip)
    assert set(masks) == set(pipeline.BACKENDS)
    for m in masks.values():
        assert m.shape == clip.mag.shape and np.isfinite(m).all()
    ref = masks["interpreter"]
    assert np.linalg.norm(masks["cpu"] - ref) <= 1e-4 * np.linalg.norm(ref)
    assert np.array_equal(masks["cpu-fixed"], masks["loihi2"])
    r = pipeline.evaluate(runner, [clip])
    assert r["mean_improvement"]["interpreter"] > 2.0
    assert abs(r["mean"]["cpu-fixed"] - r["mean"]["interpreter"]) < 0.5
    assert 0.9 <= pipeline.sparsity(runner.model) < 0.95   # 90% pruned, a few more 8-bit zeros
    summary = runner.loihi2_summary()
    assert summary["cores"] >= 1 and summary["latency_per_step_ns"] > 0
    assert runner.cpu_us_per_step(clip.mag, repeats=1)["cpu"] > 0


def demo(*args):
    return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "denoise-demo"),
                           "--build", BUILD, *args], capture_output=True, text=True, timeout=120)


def test_demo_script_on_one_clip(tmp_path):
    try:
        import matplotlib  # noqa: F401
        extra = []
    except ImportError:
        extra = ["--no-figure"]
    p = demo("--clips", "1", "--out", str(tmp_path), *extra)
    assert p.returncode == 0, p.stderr
    for word in ("SI-SNR", "reference interpreter", "Loihi 2 simulator", "us/step", "core",
                 "bit for bit: True"):
        assert word in p.stdout
    files = set(os.listdir(tmp_path))
    for b in pipeline.BACKENDS:
        assert f"test-0-denoised-{b}.wav" in files
    assert audio.read_wav(tmp_path / "test-0-denoised-loihi2.wav").size == 48000
    if not extra:
        assert (tmp_path / "spectrograms.png").stat().st_size > 1000


def test_demo_bad_input(tmp_path):
    p = demo("--model", str(tmp_path / "missing.safetensors"), "--out", str(tmp_path))
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "no such file" in p.stderr
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}      ")
    p = demo("--model", str(bad), "--out", str(tmp_path), "--no-figure")
    assert p.returncode == 1 and p.stderr.startswith("denoise-demo: ")
    assert p.stderr.count("\n") == 1


def test_tools_reject_bad_arguments(tmp_path):
    d = os.path.join(ROOT, "denoise")
    p = subprocess.run([sys.executable, os.path.join(d, "generate-data"), "--out", str(tmp_path),
                        "--seconds", "0"], capture_output=True, text=True)
    assert p.returncode == 2 and "--seconds" in p.stderr
    p = subprocess.run([sys.executable, os.path.join(d, "evaluate"), "--data", str(tmp_path),
                        "--models", MODEL], capture_output=True, text=True)
    assert p.returncode == 1 and p.stderr.startswith("evaluate: ") and p.stderr.count("\n") == 1
