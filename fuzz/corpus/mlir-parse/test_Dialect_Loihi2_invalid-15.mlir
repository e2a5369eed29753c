loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{neuron program must end in loihi2.mc.yield}}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %c = loihi2.mc.const 1
  }
}
