"""Writes the inputs of limits.test into the folder given."""
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import lrnn_format as lf  # noqa: E402

out = sys.argv[1]


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


write("tb-header.safetensors", struct.pack("<Q", 2**40) + b"{}")
header = {"__metadata__": {"lrnn.config": "{}"},
          "x": {"dtype": "F32", "shape": [2**20, 2**20], "data_offsets": [0, 2**42]}}
write("tb-tensor.safetensors", lf.assemble(header, b"\0" * 16))
config = dict(format="lrnn-s5/1", d_input=1, d_model=1, d_state=10**9, d_output=1,
              n_layers=1, conj_sym=False, discretization="none", norm="none",
              encoder_activation="none", activation="relu", state_activation="none",
              glu="none", residual_activation="none")
write("states.safetensors", lf.encode_model(config, {"encoder.weight": np.ones((1, 1), np.float32)}))

# [10^9, 1] float32 claimed, 64 bytes present.
dictionary = b"{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000, 1), }"
dictionary += b" " * (-(len(dictionary) + 11) % 64) + b"\n"
write("claims.npy", b"\x93NUMPY\x01\x00" + struct.pack("<H", len(dictionary)) + dictionary + b"\0" * 64)
np.save(os.path.join(out, "long.npy"), np.zeros((65537, 1), np.float32))
with open(os.path.join(out, "model.mlir"), "w") as f:
    f.write("lrnn.model @wide(%u: tensor<1xf32>) -> tensor<4096xf32> {\n"
            "  %y = lrnn.project %u weight(dense<1.0> : tensor<4096x1xf32>) : "
            "tensor<1xf32> -> tensor<4096xf32>\n"
            "  lrnn.output %y : tensor<4096xf32>\n}\n")
