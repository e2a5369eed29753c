// The custom syntax pairs a bias with its exponent; the generic form can
// separate them.
lrnn.model @bias_without_exp(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qproject' op weight: a bias needs an exponent and an exponent needs a bias}}
  %y = "lrnn.qproject"(%u) <{weight = dense<[[1, 1]]> : tensor<1x2xi8>, weight_exp = 0 : si32, bias = dense<[1]> : tensor<1xi16>}> : (tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
