lrnn.model @mul_16_16_a30(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 30 : i32} {
  // expected-error @+1 {{'lrnn.qmul' op the product of 16- and 16-bit values may exceed the 30-bit accumulator}}
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %m : tensor<2x!lrnn.fixed<16, 12>>
}
