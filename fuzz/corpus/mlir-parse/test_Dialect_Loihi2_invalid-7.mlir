loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  // expected-error @+1 {{source @u must be a loihi2.neuron_group}}
  loihi2.output @y {source = @u, size = 2}
}
