#!/usr/bin/python3
"""compare_npy.py A B [--rtol R]: exits 1 unless A and B have the same shape and
dtype and ||A - B|| <= R ||B|| (R = 0 demands identical bits)."""
import argparse
import sys

import numpy as np

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("a")
parser.add_argument("b")
parser.add_argument("--rtol", type=float, default=0.0)
args = parser.parse_args()
a, b = np.load(args.a), np.load(args.b)
if a.shape != b.shape or a.dtype != b.dtype:
    sys.exit(f"mismatch: {a.shape} {a.dtype} vs {b.shape} {b.dtype}")
if args.rtol == 0.0:
    same = a.tobytes() == b.tobytes()
    print("identical" if same else "different")
    sys.exit(0 if same else 1)
err = np.linalg.norm((a - b).ravel()) / max(np.linalg.norm(b.ravel()), 1e-30)
print(f"relative error {err:.3e}")
sys.exit(0 if err <= args.rtol else 1)
