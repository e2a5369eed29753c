lrnn.model @lut_result_size(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<3x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op result must have the input's 2 elements}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<3x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<3x!lrnn.fixed<16, 15>>
}
