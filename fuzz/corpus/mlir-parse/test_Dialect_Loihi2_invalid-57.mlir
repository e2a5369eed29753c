loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{source_output 1 is not an output of @g (it has 1)}}
  loihi2.output @y {source = @g, size = 2, source_output = 1}
}
