//===----------------------------------------------------------------------===//
// lrnn.complex_project
//===----------------------------------------------------------------------===//

lrnn.model @complex_project_weight_re(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.complex_project' op weight_re: expected a 2x3 weight, got 3x2}}
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<3x2xf32>) im(dense<1.0> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %vr : tensor<2xf32>
}
