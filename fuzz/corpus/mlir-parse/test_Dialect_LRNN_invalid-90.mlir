lrnn.model @readout_operand_types(%u: tensor<2xf32>) -> tensor<3xf32> {
  %h = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<2xf32> -> tensor<3xf32>
  // expected-error @+1 {{'lrnn.complex_readout' op failed to verify that all of {real, imag} have same type}}
  %y = "lrnn.complex_readout"(%u, %h) <{weight_re = dense<1.0> : tensor<3x2xf32>, weight_im = dense<1.0> : tensor<3x2xf32>, kappa = 2.0 : f32}> : (tensor<2xf32>, tensor<3xf32>) -> tensor<3xf32>
  lrnn.output %y : tensor<3xf32>
}
