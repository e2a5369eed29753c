loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{size must be at least 1, got 0}}
  loihi2.neuron_group @g attributes {size = 0, state = []} {
    loihi2.mc.yield
  }
}
