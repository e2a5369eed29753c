loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{state entry 0 must be {name = "...", width = W}}}
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v"}]} {
    loihi2.mc.yield
  }
}
