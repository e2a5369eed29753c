lrnn.model @complex_project_re_row(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op weight_re: row 0 may reach 163835, beyond the 18-bit accumulator (lower the weight exponent)}}
  %r, %i = lrnn.qcomplex_project %u re(dense<[[-2, 3], [0, 1]]> : tensor<2x2xi8> exp 0) im(dense<1> : tensor<2x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
