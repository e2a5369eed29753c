lrnn.model @sparse_values_rank2(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: values must be a 1-D tensor of f32 or of signless integers, got 'tensor<1x1xf32>'}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 3], nnz = 1, density = 0.1667, indices = dense<[[0, 2]]> : tensor<1x2xi32>, values = dense<[[1.0]]> : tensor<1x1xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
