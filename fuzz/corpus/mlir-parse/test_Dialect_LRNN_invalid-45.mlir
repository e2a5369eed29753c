lrnn.model @project_input_type(%u: tensor<2xf32>) -> tensor<2xf32> {
  %d = arith.extf %u : tensor<2xf32> to tensor<2xf64>
  // expected-error @+1 {{'lrnn.project' op operand #0 must be non-empty 1-D static tensor of f32, but got 'tensor<2xf64>'}}
  %y = lrnn.project %d weight(dense<1.0> : tensor<2x2xf32>) : tensor<2xf64> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
