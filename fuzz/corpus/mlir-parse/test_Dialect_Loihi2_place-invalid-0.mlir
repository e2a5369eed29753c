// --loihi2-place errors: a neuron that does not fit an empty core (memory,
// input axons), a system too small for the program, and a placement the
// program verifier rejects (output axons are only known once placed).

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
