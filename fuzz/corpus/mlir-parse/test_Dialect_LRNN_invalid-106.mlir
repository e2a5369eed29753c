//===----------------------------------------------------------------------===//
// lrnn.batchnorm
//===----------------------------------------------------------------------===//

lrnn.model @batchnorm_scale_size(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.batchnorm' op scale: expected 2 elements, got 3}}
  %n = lrnn.batchnorm %u scale(dense<1.0> : tensor<3xf32>) bias(dense<0.0> : tensor<2xf32>) mean(dense<0.0> : tensor<2xf32>) var(dense<1.0> : tensor<2xf32>) epsilon(1.0e-5) : tensor<2xf32>
  lrnn.output %n : tensor<2xf32>
}
