lrnn.model @sparse_inf(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: non-finite value inf at (0, 2)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.3333, indices = dense<[[0, 2], [1, 1]]> : tensor<2x2xi32>, values = dense<[0x7F800000, 1.0]> : tensor<2xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
