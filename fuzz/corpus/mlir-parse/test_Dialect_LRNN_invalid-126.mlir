lrnn.model @scale_bias_minus_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op bias: non-finite value -inf at index 0}}
  %d = lrnn.scale %u by(dense<2.0> : tensor<2xf32>) bias(dense<[0xFF800000, 0.5]> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}
