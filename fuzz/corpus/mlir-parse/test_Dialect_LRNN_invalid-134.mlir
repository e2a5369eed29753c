lrnn.model @fused_bias_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op bias: non-finite value nan at index 3}}
  %a, %b = lrnn.fused_project %u weight(dense<1.0> : tensor<4x2xf32>) bias(dense<[0.0, 1.0, 2.0, 0x7FC00000]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}
