// An embedded description replaces the built-in one: 4 neurons per core.
loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined", target = "{\"format\": \"lrnn-loihi2-target/1\", \"neurons_per_core\": {\"value\": 4}}"} {
  // expected-error @+1 {{placement entry 0: count 6 is outside 1..4 (neurons_per_core)}}
  loihi2.neuron_group @g attributes {size = 6, state = [], placement = [{chip = 0, core = 0, first = 0, count = 6}]} {
    loihi2.mc.yield
  }
}
