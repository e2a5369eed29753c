loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{width 1 is outside 2..48}}
    %y = loihi2.mc.sat %x, 1
    loihi2.mc.yield
  }
}
