// Absurd sizes in a program are refused by the verifiers, before the
// simulator would allocate for them (docs/robustness.md, "Limits").
// RUN: lrnn-opt %s --split-input-file --verify-diagnostics

loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through"} {
  // expected-error @+1 {{size 2000000000 exceeds the limit of 1048576 values per step}}
  loihi2.input @u {size = 2000000000, width = 8}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through"} {
  // expected-error @+1 {{ports must be within 0..256, got 1000000000}}
  loihi2.neuron_group @g attributes {size = 1, ports = 1000000000, state = []} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through"} {
  // expected-error @+1 {{outputs must be within 0..256, got 1000000000}}
  loihi2.neuron_group @g attributes {size = 1, outputs = 1000000000, state = []} {
    loihi2.mc.yield
  }
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{delay must be within 0..1024, got 1000000000000}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 1000000000000}
}

// -----

loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{latency 100000000000 exceeds the limit of 1048576 steps}}
  loihi2.output @y {source = @g, size = 1, latency = 100000000000}
}
