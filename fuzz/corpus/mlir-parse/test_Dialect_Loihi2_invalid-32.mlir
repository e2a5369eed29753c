loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 1, width = 8}
  // expected-error @+1 {{target @g is not defined in the program}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0, weights = dense<1> : tensor<1x1xi8>, weight_exp = 0, delay = 0}
}
