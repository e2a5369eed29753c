lrnn.model @weight_not_elements(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op attribute 'weight' failed to satisfy constraint: dense f32 matrix or #lrnn.sparse matrix}}
  %y = lrnn.project %u weight(1.0 : f32) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
