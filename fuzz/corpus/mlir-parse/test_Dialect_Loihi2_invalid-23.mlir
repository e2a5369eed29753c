loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0: count 0 is outside 1..8192 (neurons_per_core)}}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 0, core = 0, first = 0, count = 0}]} {
    loihi2.mc.yield
  }
}
