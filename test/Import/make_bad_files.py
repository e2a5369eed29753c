#!/usr/bin/python3
"""Write one malformed LRNN interchange file per error class, plus a valid one.

    make_bad_files.py OUTDIR [--verify]

Every bad file starts from the same small valid model (OUTDIR/good.safetensors: d_input 3,
d_model 4, d_state 2, d_output 3, 1 layer, zoh, pre-batchnorm, glu half1, F32) and breaks
exactly one rule, staying consistent otherwise.  ``--verify`` checks with the Python reader
(scripts/lrnn_format.py) that each file yields errors of its expected kind only (a cut or an
overlap may hit more than one tensor).
"""

import argparse
import copy
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import lrnn_format as lf  # noqa: E402

GOOD_CONFIG = {
    "format": "lrnn-s5/1", "d_input": 3, "d_model": 4, "d_state": 2, "d_output": 3,
    "n_layers": 1, "conj_sym": True, "discretization": "zoh", "step_rescale": 1.0,
    "norm": "batchnorm", "norm_position": "pre", "bn_eps": 1e-5,
    "encoder_activation": "relu", "activation": "relu", "state_activation": "relu",
    "glu": "half1", "residual_activation": "relu",
}

#: File stem -> the error kind lrnn_format.check_bytes reports for it.
EXPECTED = {
    "truncated": "out-of-range",
    "short": "short",
    "header-past-end": "header-past-end",
    "bad-json": "bad-json",
    "not-object": "not-object",
    "overlap": "overlap",
    "out-of-range": "out-of-range",
    "size-mismatch": "size-mismatch",
    "bad-dtype": "bad-dtype",
    "shape-mismatch": "shape-mismatch",
    "missing-tensor": "missing-tensor",
    "extra-tensor": "extra-tensor",
    "nan": "non-finite",
    "inf": "non-finite",
    "unknown-format": "unknown-format",
    "no-metadata": "no-metadata",
    "no-config": "no-config",
    "bad-config-json": "bad-config-json",
    "bad-config-value": "bad-config-value",
    "missing-config-key": "missing-config-key",
    "negative-var": "negative-var",
    "zero-layers": "bad-config-value",
}


def good_model():
    """The valid model's config and float32 tensors (deterministic)."""
    t = lf.random_model(GOOD_CONFIG, np.random.default_rng(1234))
    return dict(GOOD_CONFIG), lf.cast_tensors(t, "F32")


def encode(config, tensors, metadata="default") -> bytes:
    """File bytes for tensors (contiguous, sorted) with ``config`` or explicit metadata."""
    if metadata == "default":
        metadata = {"lrnn.config": lf.config_json(config)}
    header, data = lf.layout(tensors, metadata)
    return lf.assemble(header, data)


def split(buf: bytes):
    """(header dict, data bytes) of a file written by :func:`encode`."""
    n = int.from_bytes(buf[:8], "little")
    return json.loads(buf[8:8 + n]), buf[8 + n:]


def bad_files() -> dict[str, bytes]:
    """Map file stem -> bytes, one entry per error class, plus "good"."""
    cfg, t = good_model()
    good = encode(cfg, t)
    header, data = split(good)
    out = {"good": good}
    meta = header["__metadata__"]

    # Container.
    out["truncated"] = good[:len(good) - len(data) // 2]  # cut mid-data, inside a tensor
    out["short"] = good[:5]
    h = lf.assemble(header, b"")
    out["header-past-end"] = (len(good)).to_bytes(8, "little") + h[8:] + data
    text = json.dumps(header, separators=(",", ":"))
    out["bad-json"] = lf.assemble(text[:len(text) // 2] + "]", data)
    out["not-object"] = lf.assemble(json.dumps([header]), data)

    # Offsets and sizes.
    names = sorted(header, key=lambda k: header[k]["data_offsets"][0] if k != "__metadata__" else -1)[1:]
    hdr = copy.deepcopy(header)
    # layers.0.ssm.D ([4], 16 bytes) now starts 4 bytes into encoder.bias ([4], 16 bytes),
    # overlapping it and encoder.weight stored after it; D's old bytes are left unreferenced.
    b, _ = hdr["encoder.bias"]["data_offsets"]
    hdr["layers.0.ssm.D"]["data_offsets"] = [b + 4, b + 20]
    out["overlap"] = lf.assemble(hdr, data)
    hdr = copy.deepcopy(header)
    last = names[-1]  # the tensor stored last; move it past the end (a gap is left behind)
    b, e = hdr[last]["data_offsets"]
    hdr[last]["data_offsets"] = [b + len(data), e + len(data)]
    out["out-of-range"] = lf.assemble(hdr, data)
    # encoder.bias holds 5 floats but its shape says [4]; data retiled, nothing else changes.
    t2 = dict(t)
    t2["encoder.bias"] = np.append(t["encoder.bias"], np.float32(0.5))
    hdr, d2 = lf.layout(t2, meta)
    hdr["encoder.bias"]["shape"] = [4]
    out["size-mismatch"] = lf.assemble(hdr, d2)
    # encoder.bias stored as I32 (same element size, so the offsets stay consistent).
    t2 = dict(t)
    t2["encoder.bias"] = np.arange(4, dtype="<i4").view("<f4")
    hdr, d2 = lf.layout(t2, meta)
    hdr["encoder.bias"]["dtype"] = "I32"
    out["bad-dtype"] = lf.assemble(hdr, d2)

    # Tensors against the configuration.
    t2 = dict(t)
    t2["encoder.weight"] = np.linspace(-1, 1, 20, dtype=np.float32).reshape(4, 5)
    out["shape-mismatch"] = encode(cfg, t2)
    t2 = dict(t)
    del t2["layers.0.ssm.D"]
    out["missing-tensor"] = encode(cfg, t2)
    t2 = dict(t)
    t2["layers.0.ssm.E"] = np.ones(4, dtype=np.float32)
    out["extra-tensor"] = encode(cfg, t2)

    # Values.
    t2 = dict(t)
    t2["layers.0.ssm.B_re"] = t["layers.0.ssm.B_re"].copy()
    t2["layers.0.ssm.B_re"][1, 2] = np.nan
    out["nan"] = encode(cfg, t2)
    t2 = dict(t)
    t2["decoder.bias"] = t["decoder.bias"].copy()
    t2["decoder.bias"][0] = np.inf
    out["inf"] = encode(cfg, t2)
    t2 = dict(t)
    t2["layers.0.norm.var"] = t["layers.0.norm.var"].copy()
    t2["layers.0.norm.var"][2] = -0.5
    out["negative-var"] = encode(cfg, t2)

    # Metadata and configuration.
    out["unknown-format"] = encode(dict(cfg, format="lrnn-s5/2"), t)
    out["no-metadata"] = encode(cfg, t, metadata=None)
    out["no-config"] = encode(cfg, t, metadata={"lrnn.notes": "no configuration here"})
    out["bad-config-json"] = encode(cfg, t, metadata={"lrnn.config": lf.config_json(cfg)[:-9]})
    out["bad-config-value"] = encode(dict(cfg, activation="tanh"), t)
    out["missing-config-key"] = encode({k: v for k, v in cfg.items() if k != "d_state"}, t)
    cfg0 = dict(cfg, n_layers=0)
    out["zero-layers"] = encode(cfg0, {k: t[k] for k in lf.expected_tensors(cfg0)})
    assert set(out) == set(EXPECTED) | {"good"}
    return out


def verify(files: dict[str, bytes]) -> list[str]:
    """Problems found: a file whose errors are not all of its one expected kind."""
    problems = []
    for stem, buf in files.items():
        errs = lf.check_bytes(buf)[0]
        kinds = sorted({k for k, _ in errs})
        want = [] if stem == "good" else [EXPECTED[stem]]
        if kinds != want:
            problems.append(f"{stem}: got {errs}, expected {want}")
        else:
            print(f"  {stem}: {errs[0][1] if errs else 'valid'}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--verify", action="store_true",
                    help="check each file with the Python reader: exactly one error, the expected kind")
    args = ap.parse_args(argv)
    os.makedirs(args.outdir, exist_ok=True)
    files = bad_files()
    for stem, buf in files.items():
        path = os.path.join(args.outdir, stem + ".safetensors")
        with open(path, "wb") as f:
            f.write(buf)
        print(path)
    if args.verify:
        problems = verify(files)
        for p in problems:
            print("FAIL", p)
        print(f"verified {len(files)} files, {len(problems)} problem(s)")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
