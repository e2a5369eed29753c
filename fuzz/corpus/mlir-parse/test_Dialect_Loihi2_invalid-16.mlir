loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    // expected-error @+1 {{is not allowed in a neuron program (only loihi2.mc ops)}}
    %c = arith.constant 1 : i64
    loihi2.mc.send %c
    loihi2.mc.yield
  }
}
