// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xf32>) -> tensor<1x2xf32>'}}
lrnn.model @matrix_output(%u: tensor<2xf32>) -> tensor<1x2xf32> {
  lrnn.output %u : tensor<2xf32>
}
