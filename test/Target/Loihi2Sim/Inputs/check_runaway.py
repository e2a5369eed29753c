"""check_runaway.py RAW.npy FLOAT.npy REPORT.json: the runaway neuron's output
is 2^(t+1) - 1 until it saturates at 2^23 - 1 and stays there; the report
counts one saturation per step after that (one write_state each)."""
import json
import sys

import numpy as np

raw, values, report = np.load(sys.argv[1]), np.load(sys.argv[2]), json.load(open(sys.argv[3]))
top = 2**23 - 1
expected = np.array([[min(2**(t + 1) - 1, top)] for t in range(raw.shape[0])], dtype=np.int32)
assert raw.dtype == np.int32 and values.dtype == np.float32, (raw.dtype, values.dtype)
assert (raw == expected).all(), raw.ravel().tolist()
assert (values == expected.astype(np.float32)).all(), values.ravel().tolist()
saturated = int((np.arange(raw.shape[0]) >= 23).sum())
assert report["totals"]["saturations"] == saturated > 0, (report["totals"], saturated)
print("ok: saturated at %d from step 22, %d saturations" % (top, saturated))
