lrnn.model @factor_i16(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op factor: 16-bit codes exceed the target's 8 bits}}
  %y = lrnn.qscale %u factor(dense<[1, 2]> : tensor<2xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
