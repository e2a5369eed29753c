loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{neuron program must not take arguments}}
  loihi2.neuron_group @g attributes {size = 1, state = []} {
  ^bb0(%a: i32):
    loihi2.mc.yield
  }
}
