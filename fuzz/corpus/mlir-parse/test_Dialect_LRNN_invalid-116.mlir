lrnn.model @batchnorm_epsilon_nan(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op epsilon must be finite and non-negative, got nan}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(0x7FC00000) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}
