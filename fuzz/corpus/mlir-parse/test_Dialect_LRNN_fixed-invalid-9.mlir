// 25 bits: one more than the payload (24-bit results are in fixed-ops.mlir).
lrnn.model @result_25_bit(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<25, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op result #0: 25-bit values exceed the 24-bit message payload}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<25, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<25, 12>>
}
