lrnn.model @weight_elided(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: resource '__elided__' has no data (elided or missing)}}
  %y = lrnn.project %u weight(dense_resource<__elided__> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
