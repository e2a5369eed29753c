lrnn.model @complex_project_bias_im_nan(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op bias_im: non-finite value nan at index 1}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<2x3xf32>) bias_re(dense<1.0> : tensor<2xf32>) bias_im(dense<[1.0, 0x7FC00000]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}
