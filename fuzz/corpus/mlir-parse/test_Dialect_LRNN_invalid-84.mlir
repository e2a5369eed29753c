lrnn.model @complex_project_result_types(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op failed to verify that all of {real, imag} have same type}}
  %vr, %vi = "lrnn.complex_project"(%u) <{weight_re = dense<1.0> : tensor<2x3xf32>, weight_im = dense<1.0> : tensor<4x3xf32>}> : (tensor<3xf32>) -> (tensor<2xf32>, tensor<4xf32>)
  lrnn.output %vr : tensor<2xf32>
}
