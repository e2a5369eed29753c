lrnn.model @lut_unknown_function(%u: tensor<2x!lrnn.fixed<16, 13>>) -> tensor<2x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{expected 'sigmoid', 'gelu_tanh' or 'gelu_erf', got 'tanh'}}
  %s = lrnn.qlut %u tanh nodes(dense<1> : tensor<65xi16>) range_log2 3 segment_log2 2 node_exp 15 : tensor<2x!lrnn.fixed<16, 13>> -> tensor<2x!lrnn.fixed<16, 15>>
  lrnn.output %s : tensor<2x!lrnn.fixed<16, 15>>
}
