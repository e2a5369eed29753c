lrnn.model @batchnorm_mean_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op mean: expected 2 elements, got 4}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<4xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}
