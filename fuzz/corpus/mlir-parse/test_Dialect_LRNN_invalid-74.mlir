lrnn.model @sparse_count_mismatch(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: 2 positions but 1 values}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2], [1, 1]]> : tensor<2x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
