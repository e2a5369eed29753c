// range_log2 near INT32_MAX must not overflow the segment count.
lrnn.model @lut_huge_range(%x: tensor<1x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op range_log2 = 2147483647 and segment_log2 = 0 must be non-negative with at most 2^16 segments}}
  %y = lrnn.qlut %x sigmoid nodes(dense<[0, 1]> : tensor<2xi16>) range_log2 2147483647 segment_log2 0 node_exp 15 : tensor<1x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 12>>
}
