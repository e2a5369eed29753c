lrnn.model @sparse_nnz_too_large(%u: tensor<2xf32>) -> tensor<1xf32> {
  // expected-error @+1 {{#lrnn.sparse: 3 entries exceed the 2 of a 1x2 matrix}}
  %y = lrnn.project %u weight(#lrnn.sparse<[1, 2], nnz = 3, density = 1.5, indices = dense<[[0, 0], [0, 1], [0, 1]]> : tensor<3x2xi32>, values = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>) : tensor<2xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}
