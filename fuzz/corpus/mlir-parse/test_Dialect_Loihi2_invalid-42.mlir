loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v", width = 8}]} {
    // expected-error @+1 {{unknown state variable 'w' (declared: v)}}
    %x = loihi2.mc.read_state "w"
    loihi2.mc.yield
  }
}
