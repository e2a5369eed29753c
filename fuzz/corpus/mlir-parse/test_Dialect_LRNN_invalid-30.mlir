lrnn.model @weight_f16(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected f32 elements, got 'f16'}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x2xf16>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
