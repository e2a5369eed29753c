lrnn.model @fused_weight_sparse_position(%u: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lrnn.fused_project' op weight: sparse position (4, 1) is out of range for a 4x2 matrix}}
  %a, %b = lrnn.fused_project %u weight(#lrnn.sparse<[4, 2], nnz = 1, density = 0.125, indices = dense<[[4, 1]]> : tensor<1x2xi32>, values = dense<1.0> : tensor<1xf32>>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  lrnn.output %a : tensor<2xf32>
}
