loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 2, state = [], params = [{name = "b", values = dense<[1, 2]> : tensor<2xi16>}]} {
    // expected-error @+1 {{unknown parameter 'c' (declared: b)}}
    %c = loihi2.mc.read_param "c"
    loihi2.mc.yield
  }
}
