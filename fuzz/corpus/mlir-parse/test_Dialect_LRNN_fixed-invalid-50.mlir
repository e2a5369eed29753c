lrnn.model @exp_without_bias(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qscale' op factor: a bias needs an exponent and an exponent needs a bias}}
  %y = "lrnn.qscale"(%u) <{factor = dense<[1, 2]> : tensor<2xi8>, factor_exp = 0 : si32, bias_exp = 0 : si32}> : (tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
