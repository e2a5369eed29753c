lrnn.model @weight_minus_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value -inf at (0, 1)}}
  %y = lrnn.project %u weight(dense<[[1.0, 0xFF800000, 2.0], [0.0, 3.0, 4.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
