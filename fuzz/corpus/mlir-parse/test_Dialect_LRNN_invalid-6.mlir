// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2x2xf32>) -> tensor<2xf32>'}}
lrnn.model @matrix_input(%u: tensor<2x2xf32>) -> tensor<2xf32> {
  lrnn.output %u : tensor<2x2xf32>
}
