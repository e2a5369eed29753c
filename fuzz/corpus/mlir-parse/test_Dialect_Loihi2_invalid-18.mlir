loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0 must be {chip = C, core = K, first = F, count = N}}}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 0, core = 0, first = 0}]} {
    loihi2.mc.yield
  }
}
