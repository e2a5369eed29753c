loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    %x = loihi2.mc.const 8388608
    // expected-error @+1 {{payload may exceed message_payload_bits = 24}}
    loihi2.mc.send %x
    loihi2.mc.yield
  }
}
