loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 1
    // expected-error @+1 {{shift 48 is outside 1..47}}
    %y = loihi2.mc.shl %x, 48
    loihi2.mc.yield
  }
}
