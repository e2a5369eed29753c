loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, outputs = 2, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{output 2 is not an output of the group (it has 2)}}
    loihi2.mc.send %x output 2
    loihi2.mc.yield
  }
}
