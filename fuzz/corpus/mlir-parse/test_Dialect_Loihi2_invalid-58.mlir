loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 16}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{source_output 1 is not an output of @u (it has 1)}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<2x2xi8>, weight_exp = 0, delay = 0, source_output = 1}
}
