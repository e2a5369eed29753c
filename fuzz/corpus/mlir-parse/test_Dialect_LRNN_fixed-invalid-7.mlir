lrnn.model @operand_32_bit(%u: tensor<2x!lrnn.fixed<32, 12>>) -> tensor<2x!lrnn.fixed<32, 12>> attributes {accumulator_bits = 62 : i32} {
  // expected-error @+1 {{'lrnn.qrelu' op operand #0: 32-bit values exceed the 24-bit message payload}}
  %r = lrnn.qrelu %u : tensor<2x!lrnn.fixed<32, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<32, 12>>
}
