loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{shift 0 is outside 1..48}}
    %y = loihi2.mc.shr_round %x, 0
    loihi2.mc.yield
  }
}
