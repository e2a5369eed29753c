// Mixed widths under A = 32: M(16) · M(17) = 2147385345 < 2^31 fits;
// M(16) · M(24) does not.
lrnn.model @mul_mixed(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  %w = lrnn.qscale %u factor(dense<1> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<17, 12>>
  %x = lrnn.qscale %u factor(dense<1> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<24, 12>>
  %ok = lrnn.qmul %u, %w : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<17, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qmul' op the product of 16- and 24-bit values may exceed the 32-bit accumulator}}
  %m = lrnn.qmul %u, %x : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<24, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %m : tensor<2x!lrnn.fixed<16, 12>>
}
