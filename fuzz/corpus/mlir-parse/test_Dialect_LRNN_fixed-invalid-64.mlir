// The wider of the two Λ̄ widths bounds the product: an i8 real part does
// not make an i16 imaginary part safe.
lrnn.model @recurrence_mixed_widths(%v: tensor<1x!lrnn.fixed<24, 20>>) -> tensor<1x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qdiag_recurrence' op a product of 16-bit lambda and 24-bit state may exceed the 32-bit accumulator}}
  %r, %i = lrnn.qdiag_recurrence %v, %v lambda(dense<[1]> : tensor<1xi8>, dense<[32767]> : tensor<1xi16> exp 15) : tensor<1x!lrnn.fixed<24, 20>> -> tensor<1x!lrnn.fixed<24, 20>>
  lrnn.output %r : tensor<1x!lrnn.fixed<24, 20>>
}
