// The input aligned to a much finer state: 32767 · 2^20 >= 2^31.
lrnn.model @recurrence_input_term(%v: tensor<1x!lrnn.fixed<16, 0>>) -> tensor<1x!lrnn.fixed<16, 20>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op the recurrence may exceed the 32-bit accumulator (state exponent 20, input exponent 0, lambda_exp 15)}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[30000]> : tensor<1xi16>, dense<[100]> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<16, 0>> -> tensor<1x!lrnn.fixed<16, 20>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 20>>
}
