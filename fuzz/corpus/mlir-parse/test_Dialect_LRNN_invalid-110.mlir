lrnn.model @batchnorm_scale_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op scale: non-finite value nan at index 0}}
  %n = lrnn.batchnorm %u scale(dense<[0x7FC00000, 1.0]> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}
