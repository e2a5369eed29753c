lrnn.model @batchnorm_var_f64(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op var: expected a 1-D f32 tensor, got 'tensor<2xf64>'}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<2xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf64>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}
