lrnn.model @node_exp_minus_129(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<2x!lrnn.fixed<16, 12>> attributes {accumulator_bits = 32 : i32} {
  // expected-error @+1 {{'lrnn.qlut' op node_exp = -129 is outside [-128, 127]}}
  %y = lrnn.qlut %u sigmoid nodes(dense<[0, 1, 2]> : tensor<3xi16>) range_log2 0 segment_log2 0 node_exp -129 : tensor<2x!lrnn.fixed<16, 12>> -> tensor<2x!lrnn.fixed<16, 12>>
  lrnn.output %y : tensor<2x!lrnn.fixed<16, 12>>
}

//===----------------------------------------------------------------------===//
// Weight codes: i8, symmetric ±127, shape, sparse entries, blobs
//===----------------------------------------------------------------------===//
