loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{ports must be non-negative, got -1}}
  loihi2.neuron_group @g attributes {size = 1, ports = -1, state = []} {
    loihi2.mc.yield
  }
}
