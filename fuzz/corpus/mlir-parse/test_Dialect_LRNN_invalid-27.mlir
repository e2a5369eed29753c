lrnn.model @weight_rank3(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2-D weight, got dense<1.000000e+00> : tensor<1x2x2xf32>}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<1x2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
