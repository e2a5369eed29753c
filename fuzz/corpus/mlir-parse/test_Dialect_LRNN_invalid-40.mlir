lrnn.model @bias_rank2(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op bias: expected a 1-D f32 tensor, got 'tensor<1x2xf32>'}}
  %y = lrnn.project %u weight(dense<1.0> : tensor<2x3xf32>) bias(dense<0.5> : tensor<1x2xf32>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
