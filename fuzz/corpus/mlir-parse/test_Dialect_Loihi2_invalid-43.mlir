loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 0
    // expected-error @+1 {{unknown state variable 'v' (declared: none)}}
    loihi2.mc.write_state "v", %x
    loihi2.mc.yield
  }
}
