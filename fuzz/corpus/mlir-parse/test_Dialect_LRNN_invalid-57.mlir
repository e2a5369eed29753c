lrnn.model @sparse_stored_negative_zero(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse matrix stores a zero at (0, 2)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[-0.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
