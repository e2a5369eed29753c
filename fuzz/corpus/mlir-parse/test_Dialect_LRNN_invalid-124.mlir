lrnn.model @complex_project_bias_im_f64(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op bias_im: expected a 1-D f32 tensor, got 'tensor<2xf64>'}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<2x3xf32>) bias_im(dense<1.0> : tensor<2xf64>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}
