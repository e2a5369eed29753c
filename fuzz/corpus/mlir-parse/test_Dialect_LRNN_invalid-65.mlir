lrnn.model @sparse_zero_rows(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: dimensions must be positive, got [0, 3]}}
  %y = lrnn.project %u weight(#lrnn.sparse<[0, 3], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
