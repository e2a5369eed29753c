// A negative lambda_exp multiplies the products: Λr = 32767, Λi = 0, state
// and input at 12 (V = 32767). e_L = -1: 2 · 32767^2 + 32767 = 2147385345
// (accepted); e_L = -2: 4 · 32767^2 + 32767 > 2^31 (rejected).
lrnn.model @recurrence_lambda_exp(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %okr, %oki = lrnn.qdiag_recurrence %v, %v lambda(dense<[32767, 5]> : tensor<2xi16>, dense<[0, 5]> : tensor<2xi16> exp -1) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op the recurrence may exceed the 32-bit accumulator (state exponent 12, input exponent 12, lambda_exp -2)}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[32767, 5]> : tensor<2xi16>, dense<[0, 5]> : tensor<2xi16> exp -2) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
