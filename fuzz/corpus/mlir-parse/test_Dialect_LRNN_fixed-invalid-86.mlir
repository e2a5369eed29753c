// 2^(8 + 1 + 7) = 2^16 segments are accepted, 2^17 are not.
lrnn.model @lut_2_16_segments(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  %s = lrnn.qlut %u sigmoid nodes(dense<7> : tensor<65537xi16>) range_log2 8 segment_log2 7 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}
