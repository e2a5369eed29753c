lrnn.model @complex_project_weight_re_f64(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op weight_re: expected f32 elements, got 'f64'}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf64>) im(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}
