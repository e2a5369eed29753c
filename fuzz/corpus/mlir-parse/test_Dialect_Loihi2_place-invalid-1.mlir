// 4 input axons per core; every neuron of @g reads all 8 values of @u.
loihi2.program @p attributes {system = "oheo-gulch", mode = "fall-through", target = "{\"format\": \"lrnn-loihi2-target/1\", \"input_axons_per_core\": {\"value\": 4}}"} {
  loihi2.input @u {size = 8, width = 16}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<2x8xi8>, weight_exp = 0, delay = 0}
  // expected-error @+1 {{neuron 0 of @g alone receives from 8 source neurons, more than input_axons_per_core = 4}}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
}
