lrnn.model @scale_rank2(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op factor: expected a 1-D f32 tensor, got 'tensor<2x1xf32>'}}
  %d = lrnn.scale %u by(dense<1.0> : tensor<2x1xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}
