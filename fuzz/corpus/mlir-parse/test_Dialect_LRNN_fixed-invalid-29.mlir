lrnn.model @sparse_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_im: code -128 at (1, 0) is outside the symmetric 8-bit range ±127}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<2x2xi8> exp 0) im(#lrnn.sparse<[2, 2], nnz = 2, density = 0.5, indices = dense<[[0, 1], [1, 0]]> : tensor<2x2xi32>, values = dense<[127, -128]> : tensor<2xi8>> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
