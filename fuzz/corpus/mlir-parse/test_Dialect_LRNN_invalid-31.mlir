lrnn.model @weight_i32(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected f32 elements, got 'i32'}}
  %y = lrnn.project %u weight(dense<1> : tensor<2x2xi32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
