loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0: count 8193 is outside 1..8192 (neurons_per_core)}}
  loihi2.neuron_group @g attributes {size = 8193, state = [], placement = [{chip = 0, core = 0, first = 0, count = 8193}]} {
    loihi2.mc.yield
  }
}
