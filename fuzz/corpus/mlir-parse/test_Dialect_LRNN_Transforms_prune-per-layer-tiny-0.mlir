// --lrnn-prune scope=per-layer at 90% on tiny matrices: round((1 - s) * size)
// can be 0 (the layer is pruned to nothing) and rounds halves up (in the
// user's decimal arithmetic: (1 - 0.9) * 5 is 0.5, not 0.49999999999999994).

// expected-remark @below {{lrnn-prune scope=per-layer sparsity=0.9: 3 of 29 weights kept (89.7% sparse) in 3 tensors, 29 non-zero before}}
lrnn.model @tiny(%u: tensor<4xf32>) -> tensor<4xf32> {
  // 0.4 places: nothing is kept; the empty matrix is #lrnn.sparse with no
  // entries, the bias stays.
  // expected-remark @below {{pruned weight to 100.0% sparsity (0 of 4 kept, 4 non-zero before)}}
  %a = lrnn.project %u weight(dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>) bias(dense<0.25> : tensor<1xf32>) : tensor<4xf32> -> tensor<1xf32>
  // 0.5 places round up to 1.
  // expected-remark @below {{pruned weight to 80.0% sparsity (1 of 5 kept, 5 non-zero before)}}
  %b = lrnn.project %a weight(dense<[[1.0], [2.0], [-3.0], [-5.0], [4.0]]> : tensor<5x1xf32>) : tensor<1xf32> -> tensor<5xf32>
  // 2 of 20.
  // expected-remark @below {{pruned weight to 90.0% sparsity (2 of 20 kept, 20 non-zero before)}}
  %c = lrnn.project %b weight(dense<[[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0], [-11.0, 0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5, 0.5]]> : tensor<4x5xf32>) : tensor<5xf32> -> tensor<4xf32>
  lrnn.output %c : tensor<4xf32>
}
