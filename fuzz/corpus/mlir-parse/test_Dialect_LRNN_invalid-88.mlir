lrnn.model @readout_weight_im(%u: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'lrnn.complex_readout' op weight_im: expected a 3x2 weight, got 3x1}}
  %y = lrnn.complex_readout %u, %u re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<3x1xf32>) kappa(2.0) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}
