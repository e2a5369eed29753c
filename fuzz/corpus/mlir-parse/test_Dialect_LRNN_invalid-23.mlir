lrnn.model @weight_cols(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2x3 weight, got 2x2}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
