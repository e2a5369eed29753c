lrnn.model @batchnorm_negative_variance(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: negative variance -2.000000e+00 at index 1}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<[1.0, -2.0]> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}
