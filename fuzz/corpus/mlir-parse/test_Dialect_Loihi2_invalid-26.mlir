loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement does not cover neuron 3}}
  loihi2.neuron_group @g attributes {size = 4, state = [], placement = [{chip = 0, core = 0, first = 0, count = 3}]} {
    loihi2.mc.yield
  }
}
