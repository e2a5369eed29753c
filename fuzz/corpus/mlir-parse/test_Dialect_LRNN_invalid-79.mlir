lrnn.model @sparse_missing_nnz(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{expected 'nnz'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
