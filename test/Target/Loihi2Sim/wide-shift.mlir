// A left shift by more than 30 bits scales by 2^s exactly (a fuzzing
// finding: the simulator scaled by at most 2^30, so a bias aligned by
// `shl 32` and narrowed by `shr_round 32` came out a quarter of the integer
// interpreter's value).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/u.npy', np.array([[32767, 3], [-5, 0]], np.float32))"
// RUN: lrnn-run %s --backend=loihi2 --input %t/u.npy --output %t/y.npy --raw
// RUN: %python -c "import numpy as np; print(np.load('%t/y.npy').tolist())" | FileCheck %s
// CHECK: {{\[\[}}32767, 3], [-5, 0]]
loihi2.program @shifts attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.input @u {size = 2, width = 16}
  loihi2.neuron_group @g attributes {size = 2, state = [],
      placement = [{chip = 0, core = 0, first = 0, count = 2}]} {
    %a = loihi2.mc.read_port 0
    %l = loihi2.mc.shl %a, 32
    %r = loihi2.mc.shr_round %l, 32
    %y = loihi2.mc.sat %r, 24
    loihi2.mc.send %y
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @u, target = @g, port = 0,
      weights = dense<[[1, 0], [0, 1]]> : tensor<2x2xi8>, weight_exp = 0, delay = 0}
  loihi2.output @y {source = @g, size = 2}
}
