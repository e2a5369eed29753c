// A = 32, Λr = Λi = 32767, e_L = 0: P + 2 = 2 · 32767^2 + 2 = 2147352580.
// Input aligned from 12 to a state at 13: V = 2 · 32767 (total 2147418114,
// accepted); to a state at 14: V = 4 · 32767 = 131068 (total 2^31, rejected).
lrnn.model @recurrence_edge(%v: tensor<1x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 14>> attributes {accumulator_bits = 32 : i32} {
  %okr, %oki = lrnn.qdiag_recurrence %v, %v lambda(dense<[32767]> : tensor<1xi16>, dense<[-32767]> : tensor<1xi16> exp 0) : tensor<1x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>>
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op the recurrence may exceed the 32-bit accumulator (state exponent 14, input exponent 12, lambda_exp 0)}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[32767]> : tensor<1xi16>, dense<[-32767]> : tensor<1xi16> exp 0) : tensor<1x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 14>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 14>>
}
