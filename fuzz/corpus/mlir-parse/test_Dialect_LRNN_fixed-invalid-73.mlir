// One bit more (A = 25) is enough: e_m = 20, 2 · M(24) < 2^24.
lrnn.model @add_equal_exponents_a25(%u: tensor<2x!lrnn.fixed<24, 20>>) -> tensor<2x!lrnn.fixed<24, 20>> attributes {accumulator_bits = 25 : i32} {
  %a = lrnn.qadd %u, %u : tensor<2x!lrnn.fixed<24, 20>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 20>>
  lrnn.output %a : tensor<2x!lrnn.fixed<24, 20>>
}
