loihi2.program @p attributes {system = "kapoho-point", mode = "pipelined"} {
  // expected-error @+1 {{placement entry 1: core 128 is outside 0..127 (cores_per_chip)}}
  loihi2.neuron_group @g attributes {size = 2, state = [], placement = [{chip = 7, core = 127, first = 0, count = 1}, {chip = 0, core = 128, first = 1, count = 1}]} {
    loihi2.mc.yield
  }
}
