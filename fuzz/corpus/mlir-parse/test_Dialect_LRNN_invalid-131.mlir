lrnn.model @fused_weight_rows(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op weight: expected a 5x2 weight, got 4x2}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<4x2xf32>) sizes [2, 3] : tensor<2xf32> -> tensor<2xf32>, tensor<3xf32>
  lrnn.output %a : tensor<2xf32>
}
