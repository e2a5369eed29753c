lrnn.model @gelu_generic_keyword(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{expected ::lrnn::GeluApproximation to be one of: tanh, erf}}
  // expected-error @+1 {{failed to parse LRNN_GeluApproximationAttr parameter 'value'}}
  %g = "lrnn.gelu"(%u) <{approximation = #lrnn.gelu_approximation<fast>}> : (tensor<2xf32>) -> tensor<2xf32>
  lrnn.output %g : tensor<2xf32>
}
