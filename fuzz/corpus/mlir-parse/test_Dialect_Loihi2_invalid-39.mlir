loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weights: 16-bit codes exceed the target's 8 bits}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x1xi16>, weight_exp = 0, delay = 0}
}
