loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 1, state = []} {
    // expected-error @+1 {{value 140737488355328 is outside the neuron arithmetic's range ±140737488355327 (neuron_alu_bits)}}
    %x = loihi2.mc.const 140737488355328
    loihi2.mc.yield
  }
}
