loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{size 3 does not match the size 2 of @g}}
  loihi2.output @y {source = @g, size = 3}
}
