lrnn.model @lambda_i32(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_re: 32-bit codes exceed the target's 16 bits}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1, 2]> : tensor<2xi32>, dense<[3, 4]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
