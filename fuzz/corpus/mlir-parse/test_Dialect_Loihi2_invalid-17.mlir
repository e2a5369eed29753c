loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %c = loihi2.mc.const 1
    loihi2.mc.send %c
    // expected-error @+1 {{sends a second time on output 0; at most one send per output}}
    loihi2.mc.send %c
    loihi2.mc.yield
  }
}
