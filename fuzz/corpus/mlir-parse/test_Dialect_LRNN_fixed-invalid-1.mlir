// expected-error @+1 {{'lrnn.model' op a quantised model takes and returns vectors of !lrnn.fixed, got '(tensor<2xf32>) -> tensor<2x!lrnn.fixed<16, 12>>'}}
lrnn.model @f32_in_fixed_out(%u: tensor<2xf32>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  lrnn.output %u : tensor<2xf32>
}
