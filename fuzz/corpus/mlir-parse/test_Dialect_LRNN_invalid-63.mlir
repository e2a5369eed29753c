lrnn.model @sparse_rank3(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: shape must have 2 dimensions, got 3}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3, 1], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
