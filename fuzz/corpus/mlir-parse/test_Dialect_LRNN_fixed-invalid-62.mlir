lrnn.model @recurrence_lambda_exp_min(%v: tensor<1x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op the recurrence may exceed the 62-bit accumulator (state exponent 12, input exponent 12, lambda_exp -128)}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1]> : tensor<1xi16>, dense<[0]> : tensor<1xi16> exp -128) : tensor<1x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 12>>
}
