lrnn.model @bias_elided(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: resource '__elided__' has no data (elided or missing)}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense_resource<__elided__> : tensor<2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
