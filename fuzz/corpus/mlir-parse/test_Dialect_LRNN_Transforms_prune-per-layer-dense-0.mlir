// --lrnn-prune at 25%: a pruned weight more than half full stays dense (with
// the pruned entries as zeros); one at most half full becomes #lrnn.sparse.

// expected-remark @below {{lrnn-prune scope=per-layer sparsity=0.25: 8 of 12 weights kept (33.3% sparse) in 2 tensors, 10 non-zero before}}
lrnn.model @storage(%u: tensor<4xf32>) -> tensor<2xf32> {
  // 6 of 8 kept: dense.
  // expected-remark @below {{pruned weight to 25.0% sparsity (6 of 8 kept, 8 non-zero before)}}
  %a = lrnn.project %u weight(dense<[[0.25, -4.0, 0.5, 3.0], [-2.0, 0.25, 1.0, 8.0]]> : tensor<2x4xf32>) : tensor<4xf32> -> tensor<2xf32>
  // 3 places, but only 2 non-zeros: left as it was (dense, half full).
  // expected-remark @below {{pruned weight to 50.0% sparsity (2 of 4 kept, 2 non-zero before)}}
  %b = lrnn.project %a weight(dense<[[0.0, 1.0], [-1.0, 0.0]]> : tensor<2x2xf32>) : tensor<2xf32> -> tensor<2xf32>
  lrnn.output %b : tensor<2xf32>
}
