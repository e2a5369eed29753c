lrnn.model @batchnorm_zero_variance_zero_epsilon(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: variance plus epsilon is zero at index 0}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<[0.0, 1.0]> : tensor<2xf32>) epsilon(0.0) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}
