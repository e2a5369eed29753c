lrnn.model @lut_2_17_segments(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op range_log2 = 8 and segment_log2 = 8 must be non-negative with at most 2^16 segments}}
  %s = lrnn.qlut %u sigmoid nodes(dense<7> : tensor<131073xi16>) range_log2 8 segment_log2 8 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}
