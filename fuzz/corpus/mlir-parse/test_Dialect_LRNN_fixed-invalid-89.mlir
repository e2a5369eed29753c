lrnn.model @lut_nodes_i32(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op nodes: 32-bit codes exceed the target's 16 bits}}
  %s = lrnn.qlut %u sigmoid nodes(dense<1> : tensor<65xi32>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}
