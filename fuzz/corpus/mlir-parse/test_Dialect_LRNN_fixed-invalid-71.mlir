// Far-apart exponents are never rejected: the sum is taken at
// e_m = min(30, 0 + A - w - 1) = 15, where the coarser operand reaches
// 32767 · 2^15 and the finer one (32767 >> 15) + 1 = 1. Same for w = A = 24:
// e_m = min(20, 0 - 1) = -1, bounds 2^22 and 4.
lrnn.model @add_far_apart(%u: tensor<2x!lrnn.fixed<16, 0>>) -> tensor<2x!lrnn.fixed<16, 0>> attributes {accumulator_bits = 32 : i32} {
  %f = lrnn.qscale %u factor(dense<1> : tensor<2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 0>> -> tensor<2x!lrnn.fixed<16, 30>>
  %a = lrnn.qadd %u, %f : tensor<2x!lrnn.fixed<16, 0>>, tensor<2x!lrnn.fixed<16, 30>> -> tensor<2x!lrnn.fixed<16, 0>>
  lrnn.output %a : tensor<2x!lrnn.fixed<16, 0>>
}
lrnn.model @add_far_apart_a24(%u: tensor<2x!lrnn.fixed<24, 0>>) -> tensor<2x!lrnn.fixed<24, 0>> attributes {accumulator_bits = 24 : i32} {
  %f = "test.source"() : () -> tensor<2x!lrnn.fixed<24, 20>>
  %a = lrnn.qadd %u, %f : tensor<2x!lrnn.fixed<24, 0>>, tensor<2x!lrnn.fixed<24, 20>> -> tensor<2x!lrnn.fixed<24, 0>>
  lrnn.output %a : tensor<2x!lrnn.fixed<24, 0>>
}
