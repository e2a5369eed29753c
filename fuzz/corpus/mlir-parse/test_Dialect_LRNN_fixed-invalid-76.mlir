// M(24)^2 = 2^46 - 2^24 + 1: fits A = 47, not A = 46.
lrnn.model @mul_24_24_a47(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 47 : i32} {
  %m = lrnn.qmul %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %m : tensor<2x!lrnn.fixed<24, 20>>
}
