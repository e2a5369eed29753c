// M(16)^2 = 2^30 - 2^16 + 1: fits A = 31, not A = 30.
lrnn.model @mul_16_16_a31(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 31 : i32} {
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %m : tensor<2x!lrnn.fixed<16, 12>>
}
