lrnn.model @sparse_stored_zero(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse matrix stores a zero at (1, 0)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 2], [1, 0]]> : tensor<2x2xi32>, values = dense<[1.0, 0.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
