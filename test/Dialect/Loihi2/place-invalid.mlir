// --loihi2-place errors: a neuron that does not fit an empty core (memory,
// input axons), a system too small for the program, and a placement the
// program verifier rejects (output axons are only known once placed).
// RUN: lrnn-opt %s --loihi2-place -split-input-file -verify-diagnostics

// 50 bytes per core. Neuron 2 of @g stores 8 sparse synapses from 8 source
// neurons: 3 (one register) + 0 (no instruction) + 8 * 3 + 8 * 4 = 59 bytes.
// (Neurons 0 and 1 fit together in 20 bytes, so the error is about neuron 2
// alone, not about the range before it.)
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"memory_bytes_per_core\": {\"value\": 50}}"} {
  loihi2.input @u {size = 8, width = 16}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0,
      weights = #lrnn.sparse<[4, 8], nnz = 11, density = 0.34375,
          indices = dense<[[0, 0], [1, 1], [2, 0], [2, 1], [2, 2], [2, 3], [2, 4], [2, 5], [2, 6], [2, 7], [3, 0]]> : tensor<11x2xi32>,
          values = dense<1> : tensor<11xi8>>,
      weight_exp = 0, delay = 0}
  // expected-error @+1 {{neuron 2 of @g alone needs 59 bytes (state, parameters, program and synapses), more than memory_bytes_per_core = 50}}
  loihi2.neuron_group @g attributes {size = 4, state = [{name = "v", width = 16}]} {
    loihi2.mc.yield
  }
}

// -----

// 4 input axons per core; every neuron of @g reads all 8 values of @u.
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"input_axons_per_core\": {\"value\": 4}}"} {
  loihi2.input @u {size = 8, width = 16}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<2x8xi8>, weight_exp = 0, delay = 0}
  // expected-error @+1 {{neuron 0 of @g alone receives from 8 source neurons, more than input_axons_per_core = 4}}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
}

// -----

// One chip of 2 cores of 4 neurons: @a takes core 0, @b [0, 4) core 1 and
// @b [4, 6) would need a third core.
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"cores_per_chip\": {\"value\": 2}, \"mesh\": {\"value\": [2, 1]}, \"neurons_per_core\": {\"value\": 4}}"} {
  loihi2.neuron_group @a attributes {size = 4, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{@b does not fit system 'oheo-gulch': the program needs 3 cores, more than the 2 of the system (1 chip x 2 cores per chip); choose a larger --system}}
  loihi2.neuron_group @b attributes {size = 6, state = []} {
    loihi2.mc.yield
  }
}

// -----

// The count goes on past the first group that does not fit: @a and @b fill
// the system, @c and @d need 2 cores more.
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"cores_per_chip\": {\"value\": 2}, \"mesh\": {\"value\": [2, 1]}, \"neurons_per_core\": {\"value\": 4}}"} {
  loihi2.neuron_group @a attributes {size = 4, state = []} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @b attributes {size = 3, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{@c does not fit system 'oheo-gulch': the program needs 4 cores, more than the 2 of the system (1 chip x 2 cores per chip); choose a larger --system}}
  loihi2.neuron_group @c attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @d attributes {size = 4, state = []} {
    loihi2.mc.yield
  }
}

// -----

// 2 output axons per core. The three neurons of @a are packed with @b on
// core 0 and each sends to @b's core: 3 routes. Only the verifier, run on
// the placed program, sees it.
// expected-error @+1 {{chip 0 core 0 sends 3 routes (neuron, destination core) (groups a, b), more than output_axons_per_core = 2}}
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"output_axons_per_core\": {\"value\": 2}}"} {
  loihi2.neuron_group @a attributes {size = 3, state = []} {
    loihi2.mc.yield
  }
  loihi2.neuron_group @b attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @a, target = @b, port = 0, weights = dense<1> : tensor<1x3xi8>, weight_exp = 0, delay = 0}
}
