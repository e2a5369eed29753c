lrnn.model @sparse_unsorted_rows(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: sparse position (0, 2) at entry 2 is not in row-major order}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 3, density = 0.5, indices = dense<[[0, 0], [1, 0], [0, 2]]> : tensor<3x2xi32>, values = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
