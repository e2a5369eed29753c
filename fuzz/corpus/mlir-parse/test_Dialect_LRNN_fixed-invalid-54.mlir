// Without a bias: row 1 = [4, 1] reaches 5 · 32767 = 163835 >= 2^17.
lrnn.model @project_row_1(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 18 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: row 1 may reach 163835, beyond the 18-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qproject %u weight(dense<[[3, 1], [4, 1]]> : tensor<2x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
