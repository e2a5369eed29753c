#!/usr/bin/python3
"""Regenerate the seed corpora under fuzz/corpus/ (docs/robustness.md).

    fuzz/make-seeds.py [BIN_DIR]

Deterministic. Writes tiny valid and invalid inputs for every target: .npy
arrays of each dtype and header version; tiny interchange models (plus the
malformed files of test/Import/make_bad_files.py); the test suite's MLIR
files split at `// -----`; structured pipeline inputs; and, when BIN_DIR
holds lrnnc (a build's bin/), the MLIR and Loihi 2 program files lrnnc makes
of the tiny models (program payloads and whole files).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lrnn_format as lf  # noqa: E402

CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def out(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def npy_bytes(arr, version=None):
    import io
    buf = io.BytesIO()
    if version is None:
        np.save(buf, arr)
    else:
        np.lib.format.write_array(buf, arr, version=version)
    return buf.getvalue()


def npy_seeds():
    rng = np.random.default_rng(1)
    for dt in ("<f4", "<f8", "|i1", "<i2", "<i4", "<i8"):
        out("npy", "arr-%s.npy" % dt[1:], npy_bytes((rng.standard_normal((3, 4)) * 9).astype(dt)))
    out("npy", "scalar.npy", npy_bytes(np.float32(1.5)))
    out("npy", "empty.npy", npy_bytes(np.zeros((0, 3), "<f4")))
    out("npy", "v2.npy", npy_bytes(np.arange(5, dtype="<f4"), (2, 0)))
    out("npy", "v3.npy", npy_bytes(np.arange(5, dtype="<f8"), (3, 0)))
    out("npy", "3d.npy", npy_bytes(np.ones((2, 2, 2), "<i2")))
    good = npy_bytes(np.ones((2, 3), "<f4"))
    out("npy", "bad-truncated.npy", good[:-4])
    out("npy", "bad-fortran.npy", npy_bytes(np.asfortranarray(np.ones((2, 3), "<f4"))).replace(b"False", b"True "))
    out("npy", "bad-bigendian.npy", npy_bytes(np.ones(3, ">f4")))
    out("npy", "bad-huge-shape.npy", good.replace(b"(2, 3)", b"(9999999999, 99999)"))
    seq = os.path.join(ROOT, "test/Dialect/LRNN/Transforms/Inputs/quantize-tiny-input.npy")
    if os.path.exists(seq):
        shutil.copy(seq, os.path.join(CORPUS, "npy", "quantize-tiny-input.npy"))


CONFIGS = [
    dict(d_input=2, d_model=3, d_state=2, d_output=2, n_layers=1, conj_sym=True,
         discretization="zoh", norm="batchnorm", encoder_activation="relu",
         activation="relu", state_activation="relu", glu="half1", residual_activation="relu"),
    dict(d_input=3, d_model=2, d_state=3, d_output=1, n_layers=2, conj_sym=False,
         discretization="bilinear", norm="none", encoder_activation="none",
         activation="gelu", state_activation="none", glu="full", residual_activation="none"),
    dict(d_input=1, d_model=2, d_state=1, d_output=2, n_layers=1, conj_sym=False,
         discretization="none", norm="batchnorm", norm_position="post",
         encoder_activation="none", activation="gelu_erf", state_activation="relu",
         glu="none", residual_activation="relu"),
]


def tiny_model(i, cfg):
    rng = np.random.default_rng(10 + i)
    config = dict(format="lrnn-s5/1", **cfg)
    shapes = lf.expected_tensors(lf.normalize_config(config))
    tensors = {}
    for name, shape in shapes.items():
        a = rng.standard_normal(shape) * 0.5
        if name.endswith("lambda_re"):
            a = -np.abs(a) - 0.1 if cfg["discretization"] != "none" else np.clip(a, -0.9, 0.9) * 0.5
        if name.endswith("lambda_im") and cfg["discretization"] == "none":
            a = a * 0.3
        if name.endswith(".var"):
            a = np.abs(a) + 0.1
        if name.endswith("log_step"):
            a = a - 2
        if lf.is_pruned(name):
            a[rng.random(shape) < 0.5] = 0
        tensors[name] = a.astype(np.float32)
    return config, tensors


def safetensors_seeds():
    models = []
    for i, cfg in enumerate(CONFIGS):
        config, tensors = tiny_model(i, cfg)
        data = lf.encode_model(config, tensors, "F64" if i == 1 else None)
        out("safetensors", "tiny%d.safetensors" % i, data)
        models.append(data)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(ROOT, "test/Import/make_bad_files.py"), tmp],
                       check=True, stdout=subprocess.DEVNULL)
        for f in sorted(os.listdir(tmp)):
            if f.endswith(".safetensors") and os.path.getsize(os.path.join(tmp, f)) < 8192:
                shutil.copy(os.path.join(tmp, f), os.path.join(CORPUS, "safetensors", "bad-" + f))
    return models


def mlir_seeds():
    files = []
    for d in ("test/Dialect/LRNN", "test/Dialect/Loihi2", "test/Interpreter",
              "test/Interpreter/Inputs", "test/Target/Loihi2/Inputs",
              "test/Target/Loihi2Sim", "test/Target/Loihi2Sim/Inputs",
              "test/Dialect/LRNN/Transforms", "test/Conversion/LRNNToLoihi2"):
        p = os.path.join(ROOT, d)
        if os.path.isdir(p):
            files += [os.path.join(p, f) for f in sorted(os.listdir(p)) if f.endswith(".mlir")]
    n = 0
    for path in files:
        text = open(path).read()
        for j, chunk in enumerate(re.split(r"^// -----\s*$", text, flags=re.M)):
            chunk = "\n".join(l for l in chunk.splitlines()
                              if not l.lstrip().startswith(("// RUN", "// CHECK"))).strip() + "\n"
            if len(chunk) < 10 or len(chunk) > 6000:
                continue
            base = os.path.relpath(path, ROOT).replace("/", "_")[:-5]
            out("mlir-parse", "%s-%d.mlir" % (base, j), chunk)
            n += 1
    return n


def pipeline_seeds():
    rng = np.random.default_rng(7)
    for i in range(24):
        head = [i, i // 2 + 1, i * 5 % 6, i % 4, i % 2, (i * 37) % 256, i * 7 % 27, (i * 13) % 128, 200]
        body = rng.integers(-40, 40, size=900, dtype=np.int64)
        body[rng.random(900) < 0.4] = 0
        out("pipeline", "seed%02d.bin" % i, bytes(head) + bytes(int(b) % 256 for b in body))
    # A tensor of the wrong shape, and extreme weights.
    out("pipeline", "bad-shape.bin", bytes([1, 1, 1, 1, 0, 0, 0, 0, 3]) + bytes(range(1, 200)))
    out("pipeline", "extreme.bin", bytes([2, 2, 2, 2, 0, 0, 0, 0, 200]) + bytes([0x80, 0x7f, 5] * 100))


def compiled_seeds(bindir, models):
    lrnnc = os.path.join(bindir, "lrnnc")
    if not os.path.exists(lrnnc):
        print("make-seeds: no lrnnc in %s; skipping compiled seeds" % bindir)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for i, data in enumerate(models):
            model = os.path.join(tmp, "m%d.safetensors" % i)
            open(model, "wb").write(data)
            d_input = CONFIGS[i]["d_input"]
            calib = os.path.join(tmp, "c%d.npy" % i)
            np.save(calib, np.sin(np.arange(16 * d_input, dtype=np.float32).reshape(16, d_input)))
            mlir = os.path.join(tmp, "m%d.mlir" % i)
            subprocess.run([lrnnc, model, "-o", mlir], check=True)
            out("mlir-parse", "lrnnc-float%d.mlir" % i, open(mlir, "rb").read())
            subprocess.run([lrnnc, model, "--quantize=w8a16", "--calibrate=" + calib,
                            "-o", mlir], check=True, stderr=subprocess.DEVNULL)
            out("mlir-parse", "lrnnc-w8a16-%d.mlir" % i, open(mlir, "rb").read())
            for mode in ("fall-through", "pipelined"):
                l2 = os.path.join(tmp, "m%d.l2" % i)
                subprocess.run([lrnnc, model, "--quantize=w8a16", "--calibrate=" + calib,
                                "--target=loihi2", "--mode=" + mode, "-o", l2], check=True,
                               stderr=subprocess.DEVNULL)
                data2 = open(l2, "rb").read()
                payload = data2.split(b"\n", 4)[4]
                out("loihi2-program", "payload%d-%s.mlir" % (i, mode), payload)
                out("mlir-parse", "program%d-%s.mlir" % (i, mode), payload)
                if i == 0:
                    out("loihi2-program", "file%d-%s.l2" % (i, mode), data2)


def main():
    bindir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "bin")
    shutil.rmtree(CORPUS, ignore_errors=True)
    npy_seeds()
    models = safetensors_seeds()
    mlir_seeds()
    pipeline_seeds()
    for f in ("program.mlir", "two-programs.mlir", "unknown-system.mlir", "syntax-error.mlir"):
        p = os.path.join(ROOT, "test/Target/Loihi2/Inputs", f)
        if os.path.exists(p):
            out("loihi2-program", f, open(p, "rb").read())
    compiled_seeds(bindir, models)
    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(CORPUS) for f in fs)
    print("make-seeds: %d bytes in %s" % (total, CORPUS))


if __name__ == "__main__":
    main()
