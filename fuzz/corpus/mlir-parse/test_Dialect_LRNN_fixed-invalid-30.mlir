lrnn.model @sparse_i16(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: 16-bit codes exceed the target's 8 bits}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 2], nnz = 1, density = 0.5, indices = dense<[[0, 1]]> : tensor<1x2xi32>, values = dense<[3]> : tensor<1xi16>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
