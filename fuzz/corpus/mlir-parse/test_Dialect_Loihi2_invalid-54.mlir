loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = [{name = "v", width = 24}]} {
    %v = loihi2.mc.read_state "v"
    %x = loihi2.mc.add %v, %v
    // expected-error @+1 {{payload may exceed message_payload_bits = 24 (|payload| <= 8388607 is not proven); saturate it with loihi2.mc.sat first}}
    loihi2.mc.send %x
    loihi2.mc.yield
  }
}
