"""Independent model of cycles.mlir's recurrence; prints how many outputs match."""
import sys

import numpy as np

u = np.load(sys.argv[1])[:, 0].astype(np.int64)
got = np.load(sys.argv[2])[:, 0].astype(np.int64)


def shr_round(x, s):
    return (x + (1 << (s - 1))) >> s


y = []
for t in range(len(u)):
    prev = y[t - 2] if t >= 2 else 0
    echo = y[t - 3] if t >= 3 else 0
    y.append(int(np.clip(u[t] + shr_round(prev, 1) - shr_round(echo, 2), -32767, 32767)))
print(f"{len(u)} steps, {int(np.sum(np.array(y) == got))} equal")
