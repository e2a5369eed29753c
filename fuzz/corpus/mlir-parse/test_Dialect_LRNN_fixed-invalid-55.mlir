// A bias aligned by 139 - (-128) = 267 bits is beyond any accumulator.
lrnn.model @project_huge_bias_shift(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 62 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: row 0 may reach more than 2^64, beyond the 62-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 127) bias(dense<[1]> : tensor<1xi16> exp -128) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
