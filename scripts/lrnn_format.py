"""Read, write, validate and randomly generate LRNN interchange files (`lrnn-s5/1`).

The container is safetensors: an 8-byte little-endian header length, a JSON header
(tensor entries plus ``__metadata__`` with the ``lrnn.config`` JSON string) and the raw
little-endian, row-major tensor data.  See ``shared/spec/lrnn-model-format.md``.

Only the standard library and numpy are used, so training code can copy this file.

Writing: tensors are laid out contiguously, in sorted-name order, with no padding between
them; the header is compact JSON (``__metadata__`` first, then the tensors in sorted order)
padded with spaces to a multiple of 8 bytes, so the data section starts 8-byte aligned.
Individual F64 tensors are only aligned to 8 bytes when every tensor before them has an
even element count or is F64 as well; readers must not assume alignment.

Reading: :func:`check_bytes` collects every violation of the spec it can find (each with a
short ``kind`` naming its error class); :func:`read_model` raises :class:`FormatError` on
the first one.
"""

from __future__ import annotations

import json
import math
import struct

import numpy as np

FORMAT = "lrnn-s5/1"

DTYPES = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8")}

#: Optional configuration keys and their defaults.
DEFAULTS = {"step_rescale": 1.0, "norm_position": "pre", "bn_eps": 1e-5}

#: Required integer keys (all >= 1).
INT_KEYS = ("d_input", "d_model", "d_state", "d_output", "n_layers")

#: Required enumerated keys and their allowed values.
ENUM_KEYS = {
    "discretization": ("zoh", "bilinear", "none"),
    "norm": ("batchnorm", "none"),
    "encoder_activation": ("relu", "none"),
    "activation": ("relu", "gelu", "gelu_erf"),
    "state_activation": ("relu", "none"),
    "glu": ("half1", "full", "none"),
    "residual_activation": ("relu", "none"),
}

#: Optional enumerated keys.
OPTIONAL_ENUM_KEYS = {"norm_position": ("pre", "post")}

REQUIRED_KEYS = ("format",) + INT_KEYS + ("conj_sym",) + tuple(ENUM_KEYS)

#: Tensor name suffixes that are pruned (weight matrices); everything else stays dense.
PRUNED_SUFFIXES = (
    "encoder.weight",
    "decoder.weight",
    "ssm.B_re",
    "ssm.B_im",
    "ssm.C_re",
    "ssm.C_im",
    "glu.weight",
    "glu.value_weight",
)


class FormatError(ValueError):
    """A violation of the interchange format; ``kind`` names the error class."""

    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message


# --------------------------------------------------------------------------- config


def config_errors(config) -> list[tuple[str, str]]:
    """Return ``(kind, message)`` for every problem with a parsed ``lrnn.config``."""
    if not isinstance(config, dict):
        return [("bad-config-json", "lrnn.config is not a JSON object")]
    errs = []
    if "format" not in config:
        return [("missing-config-key", "missing key 'format'")]
    if config["format"] != FORMAT:
        # Other keys mean nothing under an unknown format.
        return [("unknown-format", f"format {config['format']!r}, expected {FORMAT!r}")]
    for key in REQUIRED_KEYS:
        if key not in config:
            errs.append(("missing-config-key", f"missing key {key!r}"))
    for key in INT_KEYS:
        if key in config:
            v = config[key]
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                errs.append(("bad-config-value", f"{key} must be an integer >= 1, got {v!r}"))
    if "conj_sym" in config and not isinstance(config["conj_sym"], bool):
        errs.append(("bad-config-value", f"conj_sym must be a boolean, got {config['conj_sym']!r}"))
    for key, allowed in {**ENUM_KEYS, **OPTIONAL_ENUM_KEYS}.items():
        if key in config and config[key] not in allowed:
            errs.append(("bad-config-value", f"{key} must be one of {allowed}, got {config[key]!r}"))
    for key, positive in (("step_rescale", True), ("bn_eps", False)):
        if key in config:
            v = config[key]
            ok = (not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v)
                  and (v > 0 if positive else v >= 0))
            if not ok:
                bound = "> 0" if positive else ">= 0"
                errs.append(("bad-config-value", f"{key} must be a finite number {bound}, got {v!r}"))
    return errs


def normalize_config(config: dict) -> dict:
    """Validate ``config`` and return a copy with the optional keys filled in."""
    errs = config_errors(config)
    if errs:
        raise FormatError(*errs[0])
    out = dict(config)
    for key, value in DEFAULTS.items():
        out.setdefault(key, value)
    out["step_rescale"] = float(out["step_rescale"])
    out["bn_eps"] = float(out["bn_eps"])
    return out


def expected_tensors(config: dict) -> dict[str, tuple[int, ...]]:
    """Map every tensor name the configuration requires to its shape (spec order)."""
    din, h, n, dout = (config[k] for k in ("d_input", "d_model", "d_state", "d_output"))
    out = {"encoder.weight": (h, din), "encoder.bias": (h,)}
    for i in range(config["n_layers"]):
        p = f"layers.{i}."
        if config["norm"] == "batchnorm":
            for part in ("scale", "bias", "mean", "var"):
                out[p + "norm." + part] = (h,)
        out[p + "ssm.lambda_re"] = (n,)
        out[p + "ssm.lambda_im"] = (n,)
        if config["discretization"] != "none":
            out[p + "ssm.log_step"] = (n,)
        out[p + "ssm.B_re"] = (n, h)
        out[p + "ssm.B_im"] = (n, h)
        out[p + "ssm.C_re"] = (h, n)
        out[p + "ssm.C_im"] = (h, n)
        out[p + "ssm.D"] = (h,)
        if config["glu"] in ("half1", "full"):
            out[p + "glu.weight"] = (h, h)
            out[p + "glu.bias"] = (h,)
        if config["glu"] == "full":
            out[p + "glu.value_weight"] = (h, h)
            out[p + "glu.value_bias"] = (h,)
    out["decoder.weight"] = (dout, h)
    out["decoder.bias"] = (dout,)
    return out


def is_pruned(name: str) -> bool:
    """True for the weight matrices that carry unstructured sparsity."""
    return name.endswith(PRUNED_SUFFIXES)


# --------------------------------------------------------------------------- writing


def dtype_name(array: np.ndarray) -> str:
    """The safetensors dtype string of a float32/float64 array."""
    for name, dt in DTYPES.items():
        if array.dtype == dt:
            return name
    raise TypeError(f"unsupported dtype {array.dtype}; use float32 or float64")


def assemble(header: dict | str | bytes, data: bytes, pad: bool = True) -> bytes:
    """Build file bytes from a header (dict, JSON text or raw bytes) and the data section.

    Dicts are dumped as compact JSON in their own key order; the header is padded with
    spaces to a multiple of 8 bytes unless ``pad`` is false.
    """
    if isinstance(header, dict):
        header = json.dumps(header, separators=(",", ":"), allow_nan=False)
    if isinstance(header, str):
        header = header.encode("utf-8")
    if pad:
        header += b" " * (-len(header) % 8)
    return struct.pack("<Q", len(header)) + header + bytes(data)


def layout(tensors: dict[str, np.ndarray], metadata: dict | None) -> tuple[dict, bytes]:
    """Lay tensors out contiguously in sorted-name order; return (header dict, data)."""
    header: dict = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    chunks = []
    offset = 0
    for name in sorted(tensors):
        arr = np.asarray(tensors[name])
        dt = dtype_name(arr)
        raw = np.ascontiguousarray(arr, dtype=DTYPES[dt]).tobytes()
        header[name] = {"dtype": dt, "shape": list(arr.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    return header, b"".join(chunks)


def cast_tensors(tensors: dict[str, np.ndarray], dtype=None) -> dict[str, np.ndarray]:
    """Cast tensors for writing: ``dtype`` None (keep), "F32"/"F64", or a dict name->dtype."""
    out = {}
    for name, arr in tensors.items():
        arr = np.asarray(arr)
        want = dtype.get(name) if isinstance(dtype, dict) else dtype
        if want is None:
            want = "F64" if arr.dtype == np.float64 else "F32"
        out[name] = np.ascontiguousarray(arr, dtype=DTYPES[want])
    return out


def config_json(config: dict) -> str:
    """The ``lrnn.config`` string for a configuration dict (compact, key order kept)."""
    return json.dumps(config, separators=(",", ":"), allow_nan=False)


def encode_model(config: dict, tensors: dict[str, np.ndarray], dtype=None) -> bytes:
    """Serialise a model to bytes (no validation; see :func:`check_bytes`)."""
    header, data = layout(cast_tensors(tensors, dtype), {"lrnn.config": config_json(config)})
    return assemble(header, data)


def write_model(path, config: dict, tensors: dict[str, np.ndarray], dtype=None,
                validate: bool = True) -> bytes:
    """Write a model file; ``dtype`` as in :func:`cast_tensors`.  Returns the bytes."""
    buf = encode_model(config, tensors, dtype)
    if validate:
        errs = check_bytes(buf)[0]
        if errs:
            raise FormatError(*errs[0])
    with open(path, "wb") as f:
        f.write(buf)
    return buf


# --------------------------------------------------------------------------- reading


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        dup = sorted({k for k in keys if keys.count(k) > 1})
        raise ValueError(f"duplicate keys {dup}")
    return dict(pairs)


def _is_uint(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def check_bytes(buf: bytes):
    """Validate file bytes against the spec, collecting every error found.

    Returns ``(errors, config, tensors)``: ``errors`` a list of ``(kind, message)``,
    ``config`` the normalised configuration (None if invalid) and ``tensors`` the decoded
    arrays (native dtype) of every entry that could be decoded.  Error kinds:
    short, header-past-end, bad-json, not-object, bad-entry, bad-dtype, size-mismatch,
    out-of-range, overlap, no-metadata, bad-metadata, no-config, bad-config-json,
    unknown-format, missing-config-key, bad-config-value, missing-tensor, extra-tensor,
    shape-mismatch, non-finite, negative-var.
    """
    errs: list[tuple[str, str]] = []
    if len(buf) < 8:
        return [("short", f"file has {len(buf)} bytes, fewer than the 8-byte header length")], None, {}
    (n,) = struct.unpack_from("<Q", buf, 0)
    if n > len(buf) - 8:
        return [("header-past-end", f"header length {n} runs past the end of the "
                 f"{len(buf)}-byte file")], None, {}
    try:
        header = json.loads(buf[8:8 + n].decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError) as e:
        return [("bad-json", f"header is not valid JSON: {e}")], None, {}
    if not isinstance(header, dict):
        return [("not-object", f"header is a JSON {type(header).__name__}, not an object")], None, {}
    data_len = len(buf) - 8 - n
    data = memoryview(buf)[8 + n:]

    # Metadata and configuration.
    config = None
    if "__metadata__" not in header:
        errs.append(("no-metadata", "no __metadata__ in the header"))
    else:
        meta = header["__metadata__"]
        if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
            errs.append(("bad-metadata", "__metadata__ is not an object of strings"))
        elif "lrnn.config" not in meta:
            errs.append(("no-config", "__metadata__ has no 'lrnn.config'"))
        else:
            try:
                raw_config = json.loads(meta["lrnn.config"], object_pairs_hook=_no_duplicates)
            except ValueError as e:
                errs.append(("bad-config-json", f"lrnn.config is not valid JSON: {e}"))
            else:
                cerrs = config_errors(raw_config)
                errs.extend(cerrs)
                if not cerrs:
                    config = normalize_config(raw_config)

    # Tensor entries.
    entries = {k: v for k, v in header.items() if k != "__metadata__"}
    good = {}  # name -> (dtype, shape, begin, end) for entries whose bytes can be read
    ranges = []
    for name in sorted(entries):
        e = entries[name]
        if (not isinstance(e, dict) or set(e) - {"dtype", "shape", "data_offsets"}
                or not isinstance(e.get("shape"), list) or not all(_is_uint(d) for d in e["shape"])
                or not isinstance(e.get("data_offsets"), list) or len(e["data_offsets"]) != 2
                or not all(_is_uint(d) for d in e["data_offsets"])
                or e["data_offsets"][0] > e["data_offsets"][1] or not isinstance(e.get("dtype"), str)):
            errs.append(("bad-entry", f"tensor {name!r}: malformed entry {e!r}"))
            continue
        begin, end = e["data_offsets"]
        shape = tuple(e["shape"])
        ok = True
        if e["dtype"] not in DTYPES:
            errs.append(("bad-dtype", f"tensor {name!r}: dtype {e['dtype']!r} is not F32 or F64"))
            ok = False
        else:
            size = math.prod(shape) * DTYPES[e["dtype"]].itemsize
            if end - begin != size:
                errs.append(("size-mismatch", f"tensor {name!r}: data_offsets [{begin}, {end}) hold "
                             f"{end - begin} bytes, shape {list(shape)} {e['dtype']} needs {size}"))
                ok = False
        if end > data_len:
            errs.append(("out-of-range", f"tensor {name!r}: data_offsets [{begin}, {end}) run past "
                         f"the {data_len}-byte data section"))
            ok = False
        if end > begin:
            ranges.append((begin, end, name))
        if ok:
            good[name] = (e["dtype"], shape, begin, end)
    ranges.sort()
    for (b0, e0, n0), (b1, e1, n1) in zip(ranges, ranges[1:]):
        if b1 < e0:
            errs.append(("overlap", f"tensors {n0!r} [{b0}, {e0}) and {n1!r} [{b1}, {e1}) overlap"))

    tensors = {}
    for name, (dt, shape, begin, end) in good.items():
        tensors[name] = np.frombuffer(data[begin:end], dtype=DTYPES[dt]).reshape(shape).copy()

    # Tensors against the configuration.
    if config is not None:
        want = expected_tensors(config)
        for name in want:
            if name not in entries:
                errs.append(("missing-tensor", f"missing tensor {name!r}"))
        for name in entries:
            if name not in want:
                errs.append(("extra-tensor", f"unexpected tensor {name!r}"))
            elif isinstance(entries[name], dict) and isinstance(entries[name].get("shape"), list) \
                    and tuple(entries[name]["shape"]) != want[name]:
                errs.append(("shape-mismatch", f"tensor {name!r}: shape {entries[name]['shape']}, "
                             f"configuration needs {list(want[name])}"))

    # Values.
    for name, arr in tensors.items():
        if not np.all(np.isfinite(arr)):
            bad = int(np.count_nonzero(~np.isfinite(arr)))
            errs.append(("non-finite", f"tensor {name!r}: {bad} non-finite value(s)"))
        if name.endswith(".norm.var") and np.any(arr < 0):
            errs.append(("negative-var", f"tensor {name!r}: negative variance {float(arr.min())}"))
    return errs, config, tensors


def read_bytes(buf: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    """Parse and validate file bytes; return (normalised config, tensors in native dtype)."""
    errs, config, tensors = check_bytes(buf)
    if errs:
        raise FormatError(*errs[0])
    return config, tensors


def read_model(path) -> tuple[dict, dict[str, np.ndarray]]:
    """Read and validate a model file; return (normalised config, tensors)."""
    with open(path, "rb") as f:
        return read_bytes(f.read())


# --------------------------------------------------------------------------- random models


def keep_count(density: float, size: int) -> int:
    """Nonzeros kept at ``density``: round(density * size), halves rounded up."""
    return min(size, max(0, int(math.floor(density * size + 0.5))))


def prune(w: np.ndarray, density: float, scores: np.ndarray) -> np.ndarray:
    """Zero all but the ``keep_count(density, w.size)`` entries with the highest scores.

    Ties are broken by flat index (stable sort), so the result is deterministic and the
    kept set at a lower density is a subset of the kept set at a higher one.
    """
    k = keep_count(density, w.size)
    order = np.argsort(-scores.ravel(), kind="stable")
    mask = np.zeros(w.size, dtype=bool)
    mask[order[:k]] = True
    return np.where(mask.reshape(w.shape), w, 0.0)


def random_model(config: dict, rng: np.random.Generator, density: float = 1.0,
                 stable: bool = True, prune_by: str = "random",
                 zero_var_fraction: float = 0.1) -> dict[str, np.ndarray]:
    """Random float64 parameters for any valid configuration.

    Scaled so activations stay O(1) over hundreds of steps: continuous ``Re Λ`` in
    [-1, -0.1], ``Im Λ`` in [-3, 3], log-uniform ``Δ`` in [1e-3, 1e-1] (as S5 initialises
    it); with ``discretization == "none"``, ``|Λ̄|`` in [0.5, 0.99] and ``B̄`` rows scaled by
    ``sqrt(1 - |Λ̄|²)`` (as LRU does).  ``stable=False`` lets some states have
    ``|Λ̄| >= 1``.  When ``bn_eps > 0`` about ``zero_var_fraction`` of the batchnorm
    variances are exactly 0 (with the scale shrunk by ``sqrt(bn_eps)`` to stay O(1)).

    All values are drawn first, in a fixed order that does not depend on ``density``; the
    weight matrices (see :data:`PRUNED_SUFFIXES`) are then pruned to exactly
    ``keep_count(density, size)`` nonzeros each, by magnitude (``prune_by="magnitude"``) or
    by a random mask (``"random"``, drawn after all values).
    """
    cfg = normalize_config(config)
    din, h, n, dout = cfg["d_input"], cfg["d_model"], cfg["d_state"], cfg["d_output"]
    kappa = 2.0 if cfg["conj_sym"] else 1.0
    eps = cfg["bn_eps"]
    t: dict[str, np.ndarray] = {}
    t["encoder.weight"] = rng.standard_normal((h, din)) / math.sqrt(din)
    t["encoder.bias"] = 0.1 * rng.standard_normal(h)
    for i in range(cfg["n_layers"]):
        p = f"layers.{i}."
        if cfg["norm"] == "batchnorm":
            scale = rng.uniform(0.5, 1.5, h)
            bias = 0.1 * rng.standard_normal(h)
            mean = 0.3 * rng.standard_normal(h)
            var = rng.uniform(0.5, 2.0, h)
            zero = rng.random(h) < zero_var_fraction
            if eps > 0:
                var[zero] = 0.0
                scale[zero] *= math.sqrt(eps)
            t[p + "norm.scale"], t[p + "norm.bias"] = scale, bias
            t[p + "norm.mean"], t[p + "norm.var"] = mean, var
        if cfg["discretization"] == "none":
            r = rng.uniform(0.5, 0.99 if stable else 1.05, n)
            theta = rng.uniform(-math.pi, math.pi, n)
            t[p + "ssm.lambda_re"] = r * np.cos(theta)
            t[p + "ssm.lambda_im"] = r * np.sin(theta)
            row = np.sqrt(np.maximum(1.0 - np.minimum(r, 0.99) ** 2, 0.0))[:, None]
        else:
            t[p + "ssm.lambda_re"] = -rng.uniform(0.1, 1.0, n) if stable else rng.uniform(-1.0, 0.2, n)
            t[p + "ssm.lambda_im"] = rng.uniform(-3.0, 3.0, n)
            t[p + "ssm.log_step"] = rng.uniform(math.log(1e-3), math.log(1e-1), n)
            row = np.ones((n, 1))
        bscale = row / math.sqrt(2.0 * h)
        t[p + "ssm.B_re"] = bscale * rng.standard_normal((n, h))
        t[p + "ssm.B_im"] = bscale * rng.standard_normal((n, h))
        cscale = 1.0 / math.sqrt(2.0 * kappa * n)
        t[p + "ssm.C_re"] = cscale * rng.standard_normal((h, n))
        t[p + "ssm.C_im"] = cscale * rng.standard_normal((h, n))
        t[p + "ssm.D"] = rng.standard_normal(h)
        if cfg["glu"] in ("half1", "full"):
            t[p + "glu.weight"] = rng.standard_normal((h, h)) / math.sqrt(h)
            t[p + "glu.bias"] = 0.1 * rng.standard_normal(h)
        if cfg["glu"] == "full":
            t[p + "glu.value_weight"] = rng.standard_normal((h, h)) / math.sqrt(h)
            t[p + "glu.value_bias"] = 0.1 * rng.standard_normal(h)
    t["decoder.weight"] = rng.standard_normal((dout, h)) / math.sqrt(h)
    t["decoder.bias"] = 0.1 * rng.standard_normal(dout)
    assert set(t) == set(expected_tensors(cfg))
    for name in sorted(t):
        if not is_pruned(name):
            continue
        if prune_by == "magnitude":
            scores = np.abs(t[name])
        elif prune_by == "random":
            scores = rng.random(t[name].shape)
        else:
            raise ValueError(f"prune_by must be 'magnitude' or 'random', not {prune_by!r}")
        t[name] = prune(t[name], density, scores)
    return t


def count_parameters(tensors: dict[str, np.ndarray]) -> tuple[int, int]:
    """Return (total element count, nonzero count) over all tensors."""
    total = sum(int(a.size) for a in tensors.values())
    nnz = sum(int(np.count_nonzero(a)) for a in tensors.values())
    return total, nnz
