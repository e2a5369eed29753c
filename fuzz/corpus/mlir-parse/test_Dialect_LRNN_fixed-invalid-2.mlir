// expected-error @+1 {{'lrnn.model' op a quantised model must declare accumulator_bits}}
lrnn.model @no_accumulator_bits(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> {
  %r = lrnn.qrelu %u : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %r : tensor<2x!lrnn.fixed<16, 12>>
}
