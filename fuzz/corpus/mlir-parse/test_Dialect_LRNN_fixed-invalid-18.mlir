lrnn.model @readout_weight_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_readout' op weight_exp = 128 is outside [-128, 127]}}
  %y = lrnn.qcomplex_readout %u, %u re(dense<1> : tensor<1x2xi8>) im(dense<1> : tensor<1x2xi8>) exp 128 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
