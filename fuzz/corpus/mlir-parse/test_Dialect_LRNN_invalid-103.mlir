lrnn.model @scale_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op factor: expected 2 elements, got 4}}
  %d = lrnn.scale %u by(dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}
