lrnn.model @sparse_huge_dims(%u: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{#lrnn.sparse: dimensions must fit in 32 bits}}
  %y = lrnn.project %u weight(#lrnn.sparse<[2, 4294967296], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<3xf32> -> tensor<2xf32>
  lrnn.output %y : tensor<2xf32>
}
