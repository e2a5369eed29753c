lrnn.model @sparse_elided_indices(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.project' op weight: indices: resource '__elided__' has no data (elided or missing)}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense_resource<__elided__> : tensor<1x2xi32>, values = dense<[1.0]> : tensor<1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
