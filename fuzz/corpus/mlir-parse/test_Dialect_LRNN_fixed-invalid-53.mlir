// A = 32, 2^31 = 2147483648, sparse row {127, -127, 2} at 24-bit input:
// 256 · 8388607 = 2147483392 = 2^31 - 256; e_acc = 6 + 10 = 16. Bias 1 at
// exponent 9 adds 2^7 (2147483520, accepted), at exponent 8 adds 2^8
// (2^31, rejected).
lrnn.model @project_edge_sparse_a32(%u: tensor<4x!lrnn.fixed<24, 10>>) -> tensor<1x!lrnn.fixed<24, 10>> attributes {accumulator_bits = 32 : i32} {
  %ok = lrnn.qproject %u weight(#lrnn.sparse<[1, 4], nnz = 3, density = 0.75, indices = dense<[[0, 0], [0, 1], [0, 3]]> : tensor<3x2xi32>, values = dense<[127, -127, 2]> : tensor<3xi8>> exp 6) bias(dense<[1]> : tensor<1xi8> exp 9) : tensor<4x!lrnn.fixed<24, 10>> -> tensor<1x!lrnn.fixed<24, 10>>
  // expected-error @+1 {{'lrnn.qproject' op weight: row 0 may reach 2147483648, beyond the 32-bit accumulator (lower the weight exponent)}}
  %y = lrnn.qproject %u weight(#lrnn.sparse<[1, 4], nnz = 3, density = 0.75, indices = dense<[[0, 0], [0, 1], [0, 3]]> : tensor<3x2xi32>, values = dense<[127, -127, 2]> : tensor<3xi8>> exp 6) bias(dense<[1]> : tensor<1xi8> exp 8) : tensor<4x!lrnn.fixed<24, 10>> -> tensor<1x!lrnn.fixed<24, 10>>
  lrnn.output %y : tensor<1x!lrnn.fixed<24, 10>>
}
