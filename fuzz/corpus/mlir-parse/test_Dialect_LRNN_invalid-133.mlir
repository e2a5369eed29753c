lrnn.model @fused_bias_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op bias: expected 4 elements, got 2}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<4x2xf32>) bias(dense<0.0> : tensor<2xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}
