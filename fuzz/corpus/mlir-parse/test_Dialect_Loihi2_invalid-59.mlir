loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{params entry 0 must be {name = "...", values = dense<...> : tensor<2xiW>}}}
  loihi2.neuron_group @g attributes {size = 2, state = [], params = [{name = "b"}]} {
    loihi2.mc.yield
  }
}
