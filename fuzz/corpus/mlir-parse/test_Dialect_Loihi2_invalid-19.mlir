loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 0: chip 1 is outside system 'oheo-gulch' (1 chips)}}
  loihi2.neuron_group @g attributes {size = 1, state = [], placement = [{chip = 1, core = 0, first = 0, count = 1}]} {
    loihi2.mc.yield
  }
}
