loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"max_fan_in_per_neuron\": {\"value\": 2}}"} {
  loihi2.input @u {size = 3, width = 16}
  // expected-error @+1 {{neuron 1 has a fan-in of 3 synapses, more than max_fan_in_per_neuron = 2}}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = #lrnn.sparse<[2, 3], nnz = 5, density = 0.8333, indices = dense<[[0, 0], [0, 1], [1, 0], [1, 1], [1, 2]]> : tensor<5x2xi32>, values = dense<[1, 1, 1, 1, 1]> : tensor<5xi8>>, weight_exp = 0, delay = 0}
}
