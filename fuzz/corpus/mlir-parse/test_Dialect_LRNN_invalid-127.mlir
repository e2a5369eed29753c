lrnn.model @scale_bias_elided(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op bias: resource '__elided__' has no data (elided or missing)}}
  %d = lrnn.scale %u by(dense<2.0> : tensor<2xf32>) bias(dense_resource<__elided__> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}
