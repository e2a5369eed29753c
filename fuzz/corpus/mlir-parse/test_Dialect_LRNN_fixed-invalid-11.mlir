// A float model has no accumulator: its q ops are rejected by their own
// verifier (a fixed-point value can only come from a foreign op here).
lrnn.model @q_op_in_float_model(%u: tensor<2xf32>) -> tensor<2xf32> {
  %x = "test.source"() : () -> tensor<2x!lrnn.fixed<16, 12>>
  // expected-error @+1 {{'lrnn.qrelu' op requires the enclosing lrnn.model to declare accumulator_bits}}
  %r = lrnn.qrelu %x : tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %u : tensor<2xf32>
}
