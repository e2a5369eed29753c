lrnn.model @readout_weight_im_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qcomplex_readout' op weight_im: code -128 at (0, 0) is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qcomplex_readout %u, %u re(dense<1> : tensor<1x2xi8>) im(dense<-128> : tensor<1x2xi8>) exp 0 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
