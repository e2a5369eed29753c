// Two projections with nothing between them: multiplied out when the
// product has no more non-zeros than both factors (a diagonal times a sparse
// matrix), kept apart otherwise (a column times a row: a dense product).
lrnn.model @chain_fused(%u: tensor<3xf32>) -> tensor<3xf32> {
  %a = lrnn.project %u weight(dense<[[1.0, 0.0, 0.0], [0.0, 0.0, 2.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias(dense<[1.0, 0.0, 0.0]> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project: nnz(product) = 2 <= nnz(A) + nnz(B) = 4}}
  %b = lrnn.project %a weight(dense<[[2.0, 0.0, 0.0], [0.0, 3.0, 0.0], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>) bias(dense<1.0> : tensor<3xf32>) : tensor<3xf32> -> tensor<3xf32>
  lrnn.output %b : tensor<3xf32>
}
