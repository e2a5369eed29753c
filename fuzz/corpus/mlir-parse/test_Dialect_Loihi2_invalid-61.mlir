loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{parameter 'b'}}
  loihi2.neuron_group @g attributes {size = 2, state = [], params = [{name = "b", values = dense<[1, 2, 3]> : tensor<3xi16>}]} {
    loihi2.mc.yield
  }
}
