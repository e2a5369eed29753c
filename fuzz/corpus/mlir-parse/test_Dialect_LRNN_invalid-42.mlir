lrnn.model @bias_nan(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: non-finite value nan at index 1}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<[0.5, 0x7FC00000]> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
