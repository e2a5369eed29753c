#!/usr/bin/python3
"""Converts between .npy and raw little-endian float32 files (the C driver's
format): npy_raw.py to-raw IN.npy OUT.raw, or npy_raw.py to-npy IN.raw COLS
OUT.npy (a [T, COLS] float32 array)."""
import sys

import numpy as np

if len(sys.argv) == 4 and sys.argv[1] == "to-raw":
    np.load(sys.argv[2]).astype("<f4").tofile(sys.argv[3])
elif len(sys.argv) == 5 and sys.argv[1] == "to-npy":
    cols = int(sys.argv[3])
    np.save(sys.argv[4], np.fromfile(sys.argv[2], "<f4").reshape(-1, cols))
else:
    sys.exit(__doc__)
