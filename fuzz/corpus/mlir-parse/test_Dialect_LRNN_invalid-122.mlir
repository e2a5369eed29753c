//===----------------------------------------------------------------------===//
// Constant terms: complex_project bias_re/bias_im, scale bias
//===----------------------------------------------------------------------===//

lrnn.model @complex_project_bias_re_size(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op bias_re: expected 2 elements, got 3}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<2x3xf32>) im(dense<1.0> : tensor<2x3xf32>) bias_re(dense<1.0> : tensor<3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}
