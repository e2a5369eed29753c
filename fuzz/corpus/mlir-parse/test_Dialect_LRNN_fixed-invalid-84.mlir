lrnn.model @lut_negative_range(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op range_log2 = -1 and segment_log2 = 2 must be non-negative with at most 2^16 segments}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<17xi16>) range_log2 -1 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}
