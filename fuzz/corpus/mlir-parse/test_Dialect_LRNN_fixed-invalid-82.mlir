// The standard sigmoid table has N = 2^(3 + 1 + 2) = 64 segments, 65 nodes.
lrnn.model @lut_node_count(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: expected 65 elements, got 64}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<64xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}
