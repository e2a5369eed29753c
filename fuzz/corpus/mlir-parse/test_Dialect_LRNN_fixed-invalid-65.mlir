// A 24-bit state under A = 32: the raw product of an i16 Λ̄ code and the
// state, M(16) · M(24) ~ 2^38, does not fit (an i8 Λ̄, M(8) · M(24) =
// 1065353089 < 2^31, does).
lrnn.model @recurrence_product(%v: tensor<1x!lrnn.fixed<24, 20>>) -> tensor<1x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 32 : i32} {
  %okr, %oki = lrnn.qdiag_recurrence %v, %v lambda(dense<[100]> : tensor<1xi8>, dense<[-20]> : tensor<1xi8> exp 7) : tensor<1x!lrnn.fixed<24, 20>> -> tensor<1x!lrnn.fixed<24, 20>>
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op a product of 16-bit lambda and 24-bit state may exceed the 32-bit accumulator}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[30000]> : tensor<1xi16>, dense<[-100]> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<24, 20>> -> tensor<1x!lrnn.fixed<24, 20>>
  lrnn.output %r : tensor<1x!lrnn.fixed<24, 20>>
}
