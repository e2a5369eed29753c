lrnn.model @bias_re_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op bias_re_exp = 128 is outside [-128, 127]}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<1x2xi8> exp 0) im(dense<1> : tensor<1x2xi8> exp 0) bias_re(dense<[1]> : tensor<1xi16> exp 128) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}
