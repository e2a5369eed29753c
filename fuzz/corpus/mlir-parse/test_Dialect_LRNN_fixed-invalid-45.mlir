lrnn.model @bias_2d(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op bias: expected a 1-D tensor of codes, got 'tensor<1x1xi16>'}}
  %y = lrnn.qproject %u weight(dense<[[1, 1]]> : tensor<1x2xi8> exp 0) bias(dense<[[1]]> : tensor<1x1xi16> exp 0) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
