#!/usr/bin/python3
"""Writes a deterministic random float array: random_npy.py OUT ROWS COLS [--seed S] [--dtype f4|f8]."""
import argparse

import numpy as np

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("out")
parser.add_argument("rows", type=int)
parser.add_argument("cols", type=int)
parser.add_argument("--seed", type=int, default=0)
parser.add_argument("--dtype", default="f4", choices=["f4", "f8"])
args = parser.parse_args()
rng = np.random.default_rng(args.seed)
np.save(args.out, rng.standard_normal((args.rows, args.cols)).astype("<" + args.dtype))
