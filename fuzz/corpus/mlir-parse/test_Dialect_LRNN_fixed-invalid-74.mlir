lrnn.model @add_sizes(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qadd' op operands and result must have the same size}}
  %a = lrnn.qadd %u, %u : tensor<2x!lrnn.fixed<16, 12>>, tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %a : tensor<1x!lrnn.fixed<16, 12>>
}
