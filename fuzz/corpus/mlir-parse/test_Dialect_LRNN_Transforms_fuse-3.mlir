lrnn.model @chain_kept(%u: tensor<3xf32>) -> tensor<3xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 1.0, 1.0]]> : tensor<1x3xf32>) : tensor<3xf32> -> tensor<1xf32>
  // expected-remark @+1 {{kept separate from the preceding lrnn.project: nnz(product) = 9 > nnz(A) + nnz(B) = 6}}
  %b = lrnn.project %a weight(dense<[[1.0], [2.0], [3.0]]> : tensor<3x1xf32>) : tensor<1xf32> -> tensor<3xf32>
  lrnn.output %b : tensor<3xf32>
}
