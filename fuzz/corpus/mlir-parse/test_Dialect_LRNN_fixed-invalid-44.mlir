lrnn.model @bias_size(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: expected 1 elements, got 2}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) bias(dense<[1, 2]> : tensor<2xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
