loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{duplicate state variable or parameter 'v'}}
  loihi2.neuron_group @g attributes {size = 2, state = [{name = "v", width = 16}], params = [{name = "v", values = dense<[1, 2]> : tensor<2xi16>}]} {
    loihi2.mc.yield
  }
}
