// -128, the most negative two's-complement i8, is never a code.
lrnn.model @weight_minus_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: code -128 at (0, 1) is outside the symmetric 8-bit range ±127}}
  %y = lrnn.qproject %u weight(dense<[[-127, -128]]> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
