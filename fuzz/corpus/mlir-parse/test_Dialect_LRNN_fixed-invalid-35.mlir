lrnn.model @readout_weight_re_i16(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_readout' op weight_re: 16-bit codes exceed the target's 8 bits}}
  %y = lrnn.qcomplex_readout %u, %u re(dense<1> : tensor<1x2xi16>) im(dense<1> : tensor<1x2xi8>) exp 0 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
