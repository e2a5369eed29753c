lrnn.model @scale_inf(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.scale' op factor: non-finite value inf at index 1}}
  %d = lrnn.scale %u by(dense<[1.0, 0x7F800000]> : tensor<2xf32>) : tensor<2xf32>
  lrnn.output %d : tensor<2xf32>
}
