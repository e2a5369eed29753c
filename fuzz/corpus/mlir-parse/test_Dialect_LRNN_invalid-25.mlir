lrnn.model @sparse_weight_shape(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: expected a 2x3 weight, got 3x3}}
  %y = lrnn.project %u weight(#lrnn.sparse<[3, 3], nnz = 1, density = 0.1111, indices = dense<[[0, 0]]> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
