lrnn.model @scale_bias_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op bias: expected 2 elements, got 1}}
  %d = lrnn.scale %u by(dense<2.0> : tensor<2xf32>) bias(dense<0.5> : tensor<1xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}
