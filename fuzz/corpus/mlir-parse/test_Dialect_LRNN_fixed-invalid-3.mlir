// expected-error @+1 {{'lrnn.model' op accumulator_bits = 17 is outside [18, 62]}}
lrnn.model @accumulator_17(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 17 : i32} {
  lrnn.output %u : tensor<2x!lrnn.fixed<16, 12>>
}
