lrnn.model @bias_i8_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: code -128 at index 1 is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qproject %u weight(dense<1> : tensor<2x2xi8> exp 0) bias(dense<[-127, -128]> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
