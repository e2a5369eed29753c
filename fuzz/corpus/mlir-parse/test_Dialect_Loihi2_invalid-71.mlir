loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{size 1048577 is more than system 'oheo-gulch' holds (1048576 neurons)}}
  loihi2.neuron_group @g attributes {size = 1048577, state = []} {
    loihi2.mc.yield
  }
}
