lrnn.model @sparse_zero(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: sparse matrix stores a zero at (0, 1)}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 2], nnz = 2, density = 1.0, indices = dense<[[0, 0], [0, 1]]> : tensor<2x2xi32>, values = dense<[5, 0]> : tensor<2xi8>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
