// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(tensor<2xf32>) -> tensor<?xf32>'}}
lrnn.model @dynamic_output(%u: tensor<2xf32>) -> tensor<?xf32> {
  lrnn.output %u : tensor<2xf32>
}
