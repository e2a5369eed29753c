loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    loihi2.mc.yield
  }
  loihi2.output @y {source = @g, size = 1}
  // expected-error @+1 {{source @y must be a loihi2.input or loihi2.neuron_group}}
  loihi2.synapse_block @w {source = @y, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}
