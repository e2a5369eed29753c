// qcomplex_project: the imaginary block with its bias. e_acc = 3 + 12 = 15,
// bias_im at exponent 15: row 1 = 4 · 32767 + 4 = 131072 = 2^17.
lrnn.model @complex_project_im_row(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  %okr, %oki = lrnn.qcomplex_project %u re(dense<1> : tensor<2x2xi8> exp 0) im(dense<[[1, 0], [3, 1]]> : tensor<2x2xi8> exp 3) bias_im(dense<[0, 3]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_im: row 1 may reach 131072, beyond the 18-bit accumulator (lower the weight exponent)}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<2x2xi8> exp 0) im(dense<[[1, 0], [3, 1]]> : tensor<2x2xi8> exp 3) bias_im(dense<[0, 4]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
