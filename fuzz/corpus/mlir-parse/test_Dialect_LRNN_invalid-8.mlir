// expected-error @+1 {{'lrnn.model' op input and output must be non-empty 1-D static tensors of f32 or !lrnn.fixed, got '(f32) -> tensor<2xf32>'}}
lrnn.model @scalar_input(%u: f32) -> tensor<2xf32> {
  "lrnn.output"(%u) : (f32) -> ()
}
