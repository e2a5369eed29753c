loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{source @v is not defined in the program}}
  loihi2.synapse_block @w {source = @v, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}
