lrnn.model @lambda_size(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op lambda_re: expected 2 elements, got 3}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1, 2, 3]> : tensor<3xi16>, dense<[3, 4]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// lrnn.qadd (§8.4) and lrnn.qmul (§8.5)
//===----------------------------------------------------------------------===//
