// -32768, the most negative i16, is never a code.
lrnn.model @bias_minus_32768(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: code -32768 at index 0 is outside the symmetric 16-bit range ±32767}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) bias(dense<[-32768]> : tensor<1xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
