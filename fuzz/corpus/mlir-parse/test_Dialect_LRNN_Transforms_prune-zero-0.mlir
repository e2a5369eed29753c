// sparsity=0 is a no-op for every scope: the printed IR is byte-identical to
// a plain round trip (a weight at most half full is not converted to sparse
// storage, an all-zero matrix stays as it was), and every tensor is reported
// with all its non-zeros kept.

// GLOBAL: remark: pruned weight to 75.0% sparsity (2 of 8 kept, 2 non-zero before)
// GLOBAL: remark: pruned weight_re to 100.0% sparsity (0 of 6 kept, 0 non-zero before)
// GLOBAL: remark: pruned weight_im to 0.0% sparsity (6 of 6 kept, 6 non-zero before)
// GLOBAL: remark: pruned weight to 0.0% sparsity (6 of 6 kept, 6 non-zero before)
// GLOBAL: remark: pruned weight to 100.0% sparsity (0 of 6 kept, 0 non-zero before)
// GLOBAL: remark: lrnn-prune scope=global sparsity=0: 14 of 32 weights kept (56.2% sparse) in 5 tensors, 14 non-zero before
// PER-LAYER: remark: lrnn-prune scope=per-layer sparsity=0: 14 of 32 weights kept (56.2% sparse) in 5 tensors, 14 non-zero before

// expected-remark @below {{lrnn-prune scope=erk sparsity=0: 14 of 32 weights kept (56.2% sparse) in 5 tensors, 14 non-zero before}}
lrnn.model @zero(%u: tensor<4xf32>) -> tensor<3xf32> {
  // expected-remark @below {{pruned weight to 75.0% sparsity (2 of 8 kept, 2 non-zero before)}}
  %a = lrnn.project %u weight(dense<[[0.0, 1.0e-30, 0.0, 0.0], [0.0, 0.0, -2.0, 0.0]]> : tensor<2x4xf32>) bias(dense<[0.0, 1.0]> : tensor<2xf32>) : tensor<4xf32> -> tensor<2xf32>
  // expected-remark @below {{pruned weight_re to 100.0% sparsity (0 of 6 kept, 0 non-zero before)}}
  // expected-remark @below {{pruned weight_im to 0.0% sparsity (6 of 6 kept, 6 non-zero before)}}
  %vr, %vi = lrnn.complex_project %a re(dense<0.0> : tensor<3x2xf32>) im(#lrnn.sparse<[3, 2], nnz = 6, density = 1.0, indices = dense<[[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]> : tensor<6x2xi32>, values = dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>>) : tensor<2xf32> -> tensor<3xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<[0.5, 0.0, 0.25]> : tensor<3xf32>, dense<0.0> : tensor<3xf32>) : tensor<3xf32>
  %s = lrnn.scale %xr by(dense<[0.0, 1.0, 0.0]> : tensor<3xf32>) : tensor<3xf32>
  // expected-remark @below {{pruned weight to 0.0% sparsity (6 of 6 kept, 6 non-zero before)}}
  %y = lrnn.project %s weight(dense<[[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]> : tensor<2x3xf32>) : tensor<3xf32> -> tensor<2xf32>
  // expected-remark @below {{pruned weight to 100.0% sparsity (0 of 6 kept, 0 non-zero before)}}
  %z = lrnn.project %y weight(#lrnn.sparse<[3, 2], nnz = 0, density = 0.0, indices = dense<> : tensor<0x2xi32>, values = dense<> : tensor<0xf32>>) : tensor<2xf32> -> tensor<3xf32>
  lrnn.output %z : tensor<3xf32>
}
