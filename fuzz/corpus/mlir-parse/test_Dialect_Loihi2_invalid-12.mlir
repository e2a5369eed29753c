loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{duplicate state variable 'v'}}
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v", width = 8}, {name = "v", width = 8}]} {
    loihi2.mc.yield
  }
}
