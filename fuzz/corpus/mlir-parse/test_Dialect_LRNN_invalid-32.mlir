lrnn.model @weight_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value nan at (0, 0)}}
  %y = lrnn.project %u weight(dense<0x7FC00000> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
