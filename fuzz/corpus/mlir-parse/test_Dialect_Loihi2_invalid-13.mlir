loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{state variable 'v' has width 25, outside 2..24 (neuron_register_bits)}}
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v", width = 25}]} {
    loihi2.mc.yield
  }
}
