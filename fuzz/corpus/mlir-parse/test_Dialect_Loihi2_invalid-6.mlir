loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  // expected-error @+1 {{source @g is not defined in the program}}
  loihi2.output @y {source = @g, size = 2}
}
