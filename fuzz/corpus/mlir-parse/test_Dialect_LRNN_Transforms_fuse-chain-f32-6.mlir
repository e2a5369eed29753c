// Large and small factors whose products are normal f32 values still fuse.
lrnn.model @in_range(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a = lrnn.project %u weight(dense<[[1.0e30, 0.0], [0.0, 1.0e-18]]> : tensor<2x2xf32>) bias(dense<[1.0e30, 0.0]> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  // expected-remark @+1 {{multiplied out with the preceding lrnn.project: nnz(product) = 2 <= nnz(A) + nnz(B) = 4}}
  %b = lrnn.project %a weight(dense<[[1.0e-30, 0.0], [0.0, 1.0e-18]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
