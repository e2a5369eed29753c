loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 3, width = 8}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weights: expected a 2x3 weight, got 3x2}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<3x2xi8>, weight_exp = 0, delay = 0}
}
