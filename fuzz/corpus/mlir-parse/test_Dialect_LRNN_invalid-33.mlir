lrnn.model @weight_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value inf at (1, 2)}}
  %y = lrnn.project %u weight(dense<[[1.0, 0.0, 2.0], [0.0, 3.0, 0x7F800000]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
