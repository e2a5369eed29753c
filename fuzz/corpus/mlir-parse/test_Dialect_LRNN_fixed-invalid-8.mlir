lrnn.model @operand_1_32_bit(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  %big = "test.source"() : () -> tensor<2x!lrnn.fixed<32, 12>>
  // expected-error @+1 {{'lrnn.qadd' op operand #1: 32-bit values exceed the 24-bit message payload}}
  %a = lrnn.qadd %u, %big : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<32, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %a : tensor<2x!lrnn.fixed<16, 12>>
}
