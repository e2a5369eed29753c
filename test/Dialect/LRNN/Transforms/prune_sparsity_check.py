#!/usr/bin/python3
"""Check --lrnn-prune on real models, from the printed IR.

    prune_sparsity_check.py --tools DIR --workdir DIR [--model FILE ...] [--covering]
                            [--sparsity 0 0.5 0.9 ...] [--scope global per-layer erk]

For every model (lrnn MLIR, or .safetensors imported with lrnn-import; ``--covering``
adds the covering set of random models of test/e2e/check_interpreter.py), scope and
sparsity, runs ``lrnn-opt --lrnn-prune`` and reads the weights before and after from
the printed IR (inline literals, #lrnn.sparse and dense_resource blobs), independently
of the pass. It requires:

* every op line is unchanged except its projection weights (Λ̄, D, biases, batch-norm
  parameters compared by value);
* every kept entry is at its old position with a bit-identical f32 value, and every
  dropped entry is no larger in magnitude than every kept one (within a tensor for
  per-layer and erk, over all tensors for global), ties going to the earlier position
  (earlier tensor first for global);
* a pruned weight is #lrnn.sparse exactly when at most half full; a weight that lost
  nothing is printed exactly as before;
* the counts: per-layer keeps min(nnz, round((1-s) size)) per tensor, so a tensor with
  enough non-zeros is within one weight of s; global keeps min(nnz, round((1-s) total))
  overall; erk keeps, per tensor, min(nnz, floor or ceil of the quota of an independent
  implementation of RigL's ERK allocation), and a model with enough non-zeros is within
  one weight of s overall;
* the remarks report exactly these counts.

Prints one line per run and ``N passed, M failed``; exits 1 on failure.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import re
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
E2E = os.path.join(HERE, "..", "..", "..", "e2e")

WEIGHT_ATTRS = {
    "lrnn.project": ("weight",),
    "lrnn.fused_project": ("weight",),
    "lrnn.complex_project": ("weight_re", "weight_im"),
    "lrnn.complex_readout": ("weight_re", "weight_im"),
}
# How each weight is introduced in the custom assembly format.
KEYWORD = {"weight": " weight(", "weight_re": " re(", "weight_im": " im("}


class CheckError(Exception):
    pass


def round_half_up(x: float) -> int:
    """The pass's rounding: half up, tolerant of decimal representation error."""
    return math.floor(x + 0.5 + 1e-12 * (1.0 + abs(x)))


# --------------------------------------------------------------------------- parsing


def parse_resources(text: str) -> dict[str, bytes]:
    blobs = {}
    start = text.find("{-#")
    if start < 0:
        return blobs
    for m in re.finditer(r'^\s+("(?:[^"\\]|\\.)*"|[^\s:]+): "0x([0-9A-Fa-f]*)"',
                         text[start:], re.M):
        key = m.group(1).strip('"')
        raw = bytes.fromhex(m.group(2))
        blobs[key] = raw[4:]  # the first 4 bytes are the alignment
    return blobs


def split_top(s: str, sep: str = ",") -> list[str]:
    """Split at `sep` outside brackets."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch in "[<(":
            depth += 1
        elif ch in "]>)":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts]


def matching(s: str, open_at: int) -> int:
    """Index of the bracket closing the one at `open_at` ('(' or '<')."""
    pairs = {"(": ")", "<": ">", "[": "]"}
    stack = []
    for i in range(open_at, len(s)):
        ch = s[i]
        if ch in pairs:
            stack.append(pairs[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                return i
    raise CheckError(f"unbalanced brackets in {s[open_at:open_at + 80]!r}")


def parse_elements(text: str, blobs: dict[str, bytes]) -> np.ndarray:
    """`dense<...> : tensor<AxBxT>` or `dense_resource<key> : tensor<...>`."""
    m = re.fullmatch(r"(dense|dense_resource)<(.*)>\s*:\s*tensor<([0-9x]*)(f32|i32)>",
                     text.strip(), re.S)
    if not m:
        raise CheckError(f"cannot parse elements {text[:80]!r}")
    kind, body, dims, etype = m.groups()
    shape = tuple(int(d) for d in dims.split("x") if d)
    dtype = np.float32 if etype == "f32" else np.int32
    count = int(np.prod(shape)) if shape else 1
    if kind == "dense_resource":
        if body not in blobs:
            raise CheckError(f"no blob {body}")
        arr = np.frombuffer(blobs[body], dtype="<f4" if etype == "f32" else "<i4")
        if arr.size != count:
            raise CheckError(f"blob {body} has {arr.size} elements, expected {count}")
        return arr.astype(dtype).reshape(shape)
    body = body.strip()
    if body.startswith('"0x'):
        arr = np.frombuffer(bytes.fromhex(body[3:-1]), dtype="<f4" if etype == "f32" else "<i4")
        return np.resize(arr.astype(dtype), count).reshape(shape)
    numbers = [t for t in re.split(r"[\[\],\s]+", body) if t]
    values = np.array([float(t) for t in numbers], dtype=np.float64).astype(dtype)
    if values.size == 1 and count != 1:
        values = np.full(count, values[0], dtype=dtype)  # splat
    if values.size != count:
        raise CheckError(f"{values.size} literal elements, expected {count}")
    return values.reshape(shape)


def parse_weight(text: str, blobs: dict[str, bytes]) -> tuple[str, np.ndarray]:
    """('sparse' | 'dense', row-major float32 matrix)."""
    text = text.strip()
    if text.startswith("#lrnn.sparse<"):
        body = text[len("#lrnn.sparse<"):-1]
        fields = split_top(body)
        rows, cols = (int(x) for x in fields[0].strip("[]").split(","))
        kv = dict(f.split("=", 1) for f in fields[1:])
        kv = {k.strip(): v.strip() for k, v in kv.items()}
        idx = parse_elements(kv["indices"], blobs).reshape(-1, 2)
        val = parse_elements(kv["values"], blobs).reshape(-1)
        if int(kv["nnz"]) != val.size:
            raise CheckError("nnz field disagrees with the values")
        if np.any(val == 0):
            raise CheckError("sparse storage holds an explicit zero")
        keys = idx[:, 0].astype(np.int64) * cols + idx[:, 1]
        if np.any(np.diff(keys) <= 0):
            raise CheckError("sparse positions not strictly increasing")
        dense = np.zeros(rows * cols, dtype=np.float32)
        dense[keys] = val
        return "sparse", dense.reshape(rows, cols)
    arr = parse_elements(text, blobs)
    if arr.ndim != 2:
        raise CheckError(f"weight of rank {arr.ndim}")
    return "dense", arr.astype(np.float32)


class Tensor:
    def __init__(self, op_index, op_name, attr, text, storage, matrix):
        self.op_index, self.op_name, self.attr = op_index, op_name, attr
        self.text, self.storage, self.matrix = text, storage, matrix

    @property
    def size(self):
        return self.matrix.size

    @property
    def nnz(self):
        return int(np.count_nonzero(self.matrix))


def parse_ir(text: str):
    """(list of Tensor in program order, list of op skeletons without weights)."""
    blobs = parse_resources(text)
    body = text.split("{-#")[0]
    tensors, skeletons = [], []
    for op_index, line in enumerate(body.splitlines()):
        line = line.strip()
        m = re.match(r"(?:%[\w:#]+(?:, %\w+)* = )?(lrnn\.\w+)", line)
        if not m:
            skeletons.append(line)
            continue
        op = m.group(1)
        skeleton = line
        for attr in WEIGHT_ATTRS.get(op, ()):
            start = skeleton.find(KEYWORD[attr], m.end(1))
            if start < 0:
                raise CheckError(f"{op}: no {attr} in {line[:100]!r}")
            open_at = start + len(KEYWORD[attr]) - 1
            close = matching(skeleton, open_at)
            wtext = skeleton[open_at + 1:close]
            storage, matrix = parse_weight(wtext, blobs)
            tensors.append(Tensor(op_index, op, attr, wtext, storage, matrix))
            skeleton = skeleton[:open_at + 1] + "W" + skeleton[close:]
        # Constant vectors compared by value, not by blob name.
        skeleton = re.sub(
            r"dense_resource<([^>]+)>",
            lambda mm: "blob:" + hashlib.sha1(blobs.get(mm.group(1), b"?")).hexdigest(),
            skeleton)
        skeletons.append(skeleton)
    return tensors, skeletons


REMARK = re.compile(r"remark: pruned (\w+) to ([0-9.]+)% sparsity \((\d+) of (\d+) kept, "
                    r"(\d+) non-zero before\)")
SUMMARY = re.compile(r"remark: lrnn-prune scope=(\S+) sparsity=(\S+): (\d+) of (\d+) weights "
                     r"kept(?: \(([0-9.]+)% sparse\))? in (\d+) tensors, (\d+) non-zero before")


# --------------------------------------------------------------------------- ERK


def rigl_erk_quotas(shapes: list[tuple[int, int]], sparsity: float) -> list[float]:
    """Kept entries per tensor under ERK, following RigL's sparse_utils (one round per
    largest raw density)."""
    dense = set(i for i, (r, c) in enumerate(shapes) if r * c == 0)
    if sparsity == 0:
        return [float(r * c) for r, c in shapes]
    while True:
        divisor, rhs, raw = 0.0, 0.0, {}
        for i, (r, c) in enumerate(shapes):
            n = r * c
            if i in dense:
                rhs -= n * sparsity
            else:
                rhs += n * (1 - sparsity)
                raw[i] = (r + c) / (r * c)
                divisor += raw[i] * n
        if not raw:
            break
        eps = rhs / divisor
        top = max(raw.values())
        if top * eps > 1:
            dense.update(i for i, p in raw.items() if p == top)
        else:
            break
    return [float(r * c) if i in dense else eps * raw[i] * r * c
            for i, (r, c) in enumerate(shapes)]


# --------------------------------------------------------------------------- checking


def order_key(scope, t_index, pos):
    return (t_index, pos) if scope == "global" else (pos,)


def check_run(before, before_skel, after, after_skel, remarks: str, scope: str, s: float):
    if before_skel != after_skel:
        for a, b in zip(before_skel, after_skel):
            if a != b:
                raise CheckError(f"a non-weight changed:\n  before {a[:200]}\n  after  {b[:200]}")
        raise CheckError("op lines differ")
    if len(before) != len(after):
        raise CheckError("tensor count changed")
    # Per-tensor value checks.
    kept_mags, dropped_mags = [], []  # (magnitude, t, pos)
    for ti, (b, a) in enumerate(zip(before, after)):
        if a.matrix.shape != b.matrix.shape:
            raise CheckError(f"tensor {ti}: shape changed")
        fb, fa = b.matrix.ravel(), a.matrix.ravel()
        kept = fa != 0
        if np.any(kept & (fb == 0)):
            raise CheckError(f"tensor {ti}: an entry appeared")
        if np.any(fa[kept].view(np.uint32) != fb[kept].view(np.uint32)):
            raise CheckError(f"tensor {ti}: a kept value changed")
        dropped = (fb != 0) & ~kept
        if dropped.any():
            density = kept.sum() / fa.size
            want = "sparse" if density <= 0.5 else "dense"
            if a.storage != want:
                raise CheckError(f"tensor {ti}: {a.storage} at density {density:.4f}")
        elif a.text != b.text and not (a.storage == b.storage == "sparse" and
                                         np.array_equal(fa, fb)):
            raise CheckError(f"tensor {ti}: lost nothing but was rewritten")
        pos = np.arange(fa.size)
        kept_mags.append((np.abs(fa[kept]), ti, pos[kept]))
        dropped_mags.append((np.abs(fb[dropped]), ti, pos[dropped]))

    def check_threshold(group):
        ks = [k for k in kept_mags if k[1] in group]
        ds = [d for d in dropped_mags if d[1] in group]
        kmin = min((float(k[0].min()) for k in ks if k[0].size), default=math.inf)
        dmax = max((float(d[0].max()) for d in ds if d[0].size), default=-math.inf)
        if dmax > kmin:
            raise CheckError(f"dropped |{dmax}| > kept |{kmin}| in tensors {sorted(group)}")
        if dmax == kmin:  # ties at the threshold: kept ones must come first
            last_kept = max(order_key(scope, k[1], int(p)) for k in ks
                            for p in k[2][k[0] == kmin])
            first_dropped = min(order_key(scope, d[1], int(p)) for d in ds
                                for p in d[2][d[0] == dmax])
            if first_dropped < last_kept:
                raise CheckError(f"tie at |{kmin}| broken out of order")

    if scope == "global":
        check_threshold(set(range(len(after))))
    else:
        for ti in range(len(after)):
            check_threshold({ti})

    # Counts.
    sizes = [t.size for t in before]
    nnz_b = [t.nnz for t in before]
    nnz_a = [t.nnz for t in after]
    total, kept_total = sum(sizes), sum(nnz_a)
    target_total = (1 - s) * total
    detail = ""
    if scope == "per-layer":
        for ti, (n, nb, na) in enumerate(zip(sizes, nnz_b, nnz_a)):
            want = min(nb, round_half_up((1 - s) * n))
            if na != want:
                raise CheckError(f"tensor {ti}: kept {na}, expected {want}")
            if nb >= (1 - s) * n + 1 and abs(na - (1 - s) * n) > 1:
                raise CheckError(f"tensor {ti}: {na} kept is not within one of {(1 - s) * n}")
        worst = max((abs(na - (1 - s) * n) for n, nb, na in zip(sizes, nnz_b, nnz_a)
                     if nb >= (1 - s) * n + 1), default=0.0)
        detail = f"worst tensor off by {worst:.2f}"
    elif scope == "global":
        want = min(sum(nnz_b), round_half_up(target_total))
        if kept_total != want:
            raise CheckError(f"kept {kept_total}, expected {want}")
    else:
        quotas = rigl_erk_quotas([t.matrix.shape for t in before], s)
        for ti, (q, nb, na) in enumerate(zip(quotas, nnz_b, nnz_a)):
            lo, hi = math.floor(q + 1e-9), math.ceil(q - 1e-9)
            if not (min(nb, lo) <= na <= min(nb, hi)):
                raise CheckError(f"tensor {ti}: kept {na}, ERK quota {q:.3f} (nnz {nb})")
        detail = "per-tensor within one of the ERK quota"
    if all(nb == n for nb, n in zip(nnz_b, sizes)) and scope != "per-layer":
        if abs(kept_total - target_total) > 1:
            raise CheckError(f"kept {kept_total}, not within one of {target_total}")
    # Remarks.
    got = [tuple(int(x) for x in m.group(3, 4, 5)) for m in REMARK.finditer(remarks)]
    names = [m.group(1) for m in REMARK.finditer(remarks)]
    want = [(na, n, nb) for na, n, nb in zip(nnz_a, sizes, nnz_b)]
    if got != want or names != [t.attr for t in after]:
        raise CheckError(f"remarks {list(zip(names, got))[:4]}... disagree with the IR "
                         f"{list(zip([t.attr for t in after], want))[:4]}...")
    summary = SUMMARY.search(remarks)
    if not summary or (int(summary.group(3)), int(summary.group(4))) != (kept_total, total):
        raise CheckError("summary remark missing or wrong")
    return (f"kept {kept_total} of {total} ({100 * (1 - kept_total / total):.3f}% sparse, "
            f"target {100 * s:g}%, off by {kept_total - target_total:+.2f}) {detail}")


# --------------------------------------------------------------------------- driver


def run(argv, **kw):
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=600, **kw)
    if proc.returncode != 0:
        raise CheckError(f"{os.path.basename(argv[0])} exit {proc.returncode}: "
                         + " | ".join(proc.stderr.strip().splitlines()[-3:]))
    return proc


def covering_models(workdir: str) -> list[str]:
    sys.path.insert(0, E2E)
    sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "scripts"))
    import check_interpreter  # noqa: E402
    import lrnn_format  # noqa: E402
    paths = []
    for idx, row in enumerate(check_interpreter.COVERING):
        cfg, density, dtype = check_interpreter.make_config(row)
        overrides = row[len(check_interpreter.COLUMNS)] if len(row) > len(check_interpreter.COLUMNS) else {}
        rng = np.random.default_rng([0, idx])
        tensors = lrnn_format.random_model(cfg, rng, density=density)
        for name, value in overrides.items():
            tensors[name] = value(tensors[name]) if callable(value) else np.full_like(tensors[name], value)
        tensors = check_interpreter.stored(tensors, check_interpreter.dtype_spec(tensors, dtype))
        path = os.path.join(workdir, f"covering-{idx:02d}.safetensors")
        lrnn_format.write_model(path, cfg, tensors)
        paths.append(path)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--model", nargs="*", default=[])
    ap.add_argument("--covering", action="store_true")
    ap.add_argument("--sparsity", type=float, nargs="+", default=[0.0, 0.3, 0.5, 0.9, 0.97])
    ap.add_argument("--scope", nargs="+", default=["global", "per-layer", "erk"])
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    opt = os.path.join(args.tools, "lrnn-opt")
    models = list(args.model) + (covering_models(args.workdir) if args.covering else [])
    passed = failed = 0
    for model in models:
        name = os.path.splitext(os.path.basename(model))[0]
        try:
            if model.endswith(".safetensors"):
                mlir = os.path.join(args.workdir, name + ".mlir")
                run([os.path.join(args.tools, "lrnn-import"), model, "-o", mlir])
                model = mlir
            before, before_skel = parse_ir(run([opt, model]).stdout)
        except CheckError as e:
            print(f"{name}: {e}  FAIL")
            failed += 1
            continue
        for scope in args.scope:
            for s in args.sparsity:
                try:
                    proc = run([opt, model, f"--lrnn-prune=sparsity={s} scope={scope}",
                                "--mlir-print-op-on-diagnostic=false"])
                    after, after_skel = parse_ir(proc.stdout)
                    msg = check_run(before, before_skel, after, after_skel, proc.stderr, scope, s)
                    ok = True
                except CheckError as e:
                    ok, msg = False, str(e)
                print(f"{name} {scope} s={s:g}: {msg}  {'PASS' if ok else 'FAIL'}")
                passed += ok
                failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
