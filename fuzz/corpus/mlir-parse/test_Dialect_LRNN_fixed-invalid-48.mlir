lrnn.model @scale_bias_finer(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op bias_exp = 19 is finer than the accumulator's exponent 18 (aligning it would need a rounding shift)}}
  %y = lrnn.qscale %u factor(dense<[1, 2]> : tensor<2xi8> exp 6) bias(dense<[1, 2]> : tensor<2xi16> exp 19) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
