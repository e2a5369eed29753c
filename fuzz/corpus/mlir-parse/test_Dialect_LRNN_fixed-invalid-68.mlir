lrnn.model @lambda_minus_32768(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_im: code -32768 at index 1 is outside the symmetric 16-bit range ±32767}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1, 2]> : tensor<2xi16>, dense<[32767, -32768]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
