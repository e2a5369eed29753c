lrnn.model @sparse_unsorted_cols(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (0, 1) at entry 1 is not in row-major order}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 2], [0, 1]]> : tensor<2x2xi32>, values = dense<[1.0, 2.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
