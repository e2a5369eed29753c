lrnn.model @lut_node_minus_32768(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: code -32768 at index 0 is outside the symmetric 16-bit range ±32767}}
  %s = lrnn.qlut %u gelu_tanh nodes(dense<-32768> : tensor<65xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}
