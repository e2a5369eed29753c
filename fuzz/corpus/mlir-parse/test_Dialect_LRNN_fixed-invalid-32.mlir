lrnn.model @sparse_order(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: sparse position (0, 0) at entry 1 is not in row-major order}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 2], nnz = 2, density = 1.0, indices = dense<[[0, 1], [0, 0]]> : tensor<2x2xi32>, values = dense<[3, 4]> : tensor<2xi8>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
