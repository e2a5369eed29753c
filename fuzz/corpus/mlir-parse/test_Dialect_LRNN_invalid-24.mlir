lrnn.model @weight_transposed(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2x3 weight, got 3x2}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<3x2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
