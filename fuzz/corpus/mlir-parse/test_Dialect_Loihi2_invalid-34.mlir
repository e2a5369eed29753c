loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  loihi2.neuron_group @g attributes {size = 1, ports = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{port 2 is not an input port of @g (it has 2 ports)}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 2, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}
