lrnn.model @lambda_i8_minus_128(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_re: code -128 at index 0 is outside the symmetric 8-bit range ±127}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[-128, 127]> : tensor<2xi8>, dense<[3, 4]> : tensor<2xi8> exp 7) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
