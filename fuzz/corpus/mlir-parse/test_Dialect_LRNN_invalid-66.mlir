lrnn.model @sparse_negative_cols(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: dimensions must be positive, got [2, -3]}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, -3], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
