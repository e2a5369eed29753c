lrnn.model @sparse_nnz_keyword(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: nnz = 2 but 1 values are stored}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 2, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
