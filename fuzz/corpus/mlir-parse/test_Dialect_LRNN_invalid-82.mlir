lrnn.model @complex_project_weight_im_nan(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op weight_im: non-finite value nan at (1, 0)}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<[[1.0, 2.0, 3.0], [0x7FC00000, 0.0, 0.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}
