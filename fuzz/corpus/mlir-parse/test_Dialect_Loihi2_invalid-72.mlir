loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 5000, width = 16}
  loihi2.neuron_group @g attributes {size = 1000000, state = []} {
    loihi2.mc.yield
  }
  // A splat is checked without being expanded.
  // expected-error @+1 {{is dense with 5000 inputs: every neuron of @g would have a fan-in of 5000 synapses, more than max_fan_in_per_neuron = 4096}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1000000x5000xi8>, weight_exp = 0, delay = 0}
}
