loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0: first -1 is negative}}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 0, core = 0, first = -1, count = 1}]} {
    loihi2.mc.yield
  }
}
