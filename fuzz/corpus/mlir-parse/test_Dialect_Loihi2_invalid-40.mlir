loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weights: code -128 at (0, 1) is outside the symmetric 8-bit range ±127}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<[[1, -128]]> : tensor<1x2xi8>, weight_exp = 0, delay = 0}
}
