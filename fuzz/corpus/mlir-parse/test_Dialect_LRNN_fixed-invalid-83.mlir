lrnn.model @lut_node_count_gelu(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: expected 65 elements, got 66}}
  %s = lrnn.qlut %u gelu_erf nodes(dense<1> : tensor<66xi16>) range_log2 2 segment_log2 3 node_exp 12 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 12>>
}
