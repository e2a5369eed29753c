loihi2.program @p attributes {system = "oheo-gulch", mode = "pipelined"} {
  loihi2.input @u {size = 2, width = 8}
  loihi2.neuron_group @g attributes {size = 2, state = []} {
    loihi2.mc.yield
  }
  // expected-error @+1 {{weights: code -128 at (1, 0) is outside the symmetric 8-bit range ±127}}
  loihi2.synapse_block @w {source = @u, target = @g, port = 0,
      weights = #lrnn.sparse<[2, 2], nnz = 1, density = 0.25, indices = dense<[[1, 0]]> : tensor<1x2xi32>, values = dense<[-128]> : tensor<1xi8>>,
      weight_exp = 0, delay = 0}
}
