lrnn.model @recurrence_state_size(%v: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<3x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op state must have the input's 2 elements}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1, 2]> : tensor<2xi16>, dense<[3, 4]> : tensor<2xi16> exp 15) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<3x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<3x!lrnn.fixed<16, 12>>
}
