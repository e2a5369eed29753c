lrnn.model @factor_size(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op factor: expected 2 elements, got 3}}
  %y = lrnn.qscale %u factor(dense<[1, 2, 3]> : tensor<3xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
