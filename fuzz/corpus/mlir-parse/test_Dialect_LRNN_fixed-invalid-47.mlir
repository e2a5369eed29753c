// Each half of qcomplex_project has its own accumulator: 3 + 12 for im.
lrnn.model @bias_im_finer(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_project' op bias_im_exp = 16 is finer than the accumulator's exponent 15 (aligning it would need a rounding shift)}}
  %r, %i = lrnn.qcomplex_project %u re(dense<1> : tensor<1x2xi8> exp 9) im(dense<1> : tensor<1x2xi8> exp 3) bias_re(dense<[1]> : tensor<1xi16> exp 16) bias_im(dense<[1]> : tensor<1xi16> exp 16) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}
