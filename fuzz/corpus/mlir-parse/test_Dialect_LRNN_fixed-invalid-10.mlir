lrnn.model @result_32_bit(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  // expected-error @+1 {{'lrnn.qmul' op result #0: 32-bit values exceed the 24-bit message payload}}
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<32, 12>>
  lrnn.output %u : tensor<2x!lrnn.fixed<16, 12>>
}
