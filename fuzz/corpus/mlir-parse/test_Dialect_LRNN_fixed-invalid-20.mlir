lrnn.model @lambda_exp_128(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_exp = 128 is outside [-128, 127]}}
  %r, %i = lrnn.qdiag_recurrence %u, %u lambda(dense<[1, 2]> : tensor<2xi16>, dense<[3, 4]> : tensor<2xi16> exp 128) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
