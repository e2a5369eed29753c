lrnn.model @output_not_vector(%u: tensor<2xf32>) -> tensor<2xf32> {
  %d = arith.extf %u : tensor<2xf32> to tensor<2xf64>
  // expected-error @+1 {{'lrnn.output' op operand #0 must be non-empty 1-D static tensor of f32 or !lrnn.fixed, but got 'tensor<2xf64>'}}
  lrnn.output %d : tensor<2xf64>
}
