lrnn.model @weight_missing_resource(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: resource 'no_such_blob' has no data (elided or missing)}}
  %y = lrnn.project %u weight(dense_resource<no_such_blob> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
