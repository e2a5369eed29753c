// expected-error @+1 {{cannot be compiled for Loihi 2: its integer ops need 50-bit accumulators (accumulator_bits), wider than the target's neuron_alu_bits = 48}}
lrnn.model @wide(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 50 : i32} {
  %y = lrnn.qrelu %u : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}
